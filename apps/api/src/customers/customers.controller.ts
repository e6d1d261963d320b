import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CustomerDetailResponse, CustomerResponse, Page } from '@rapport/domain';
import type { FastifyReply } from 'fastify';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { ParseId } from '../errors/parse-id.pipe';
import { IdempotencyKey, IdempotencyService } from '../idempotency/idempotency.service';
import { CustomersService } from './customers.service';
import { CustomerListQueryDto, UpdateCustomerDto, UpsertCustomerDto } from './dto/customer.dto';

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomersService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @RequirePermission('customers:read')
  @Get()
  list(
    @CurrentTenant() tenantId: string,
    @Query() query: CustomerListQueryDto,
  ): Promise<Page<CustomerResponse>> {
    return this.customers.list(tenantId, query);
  }

  /** The buyer with a timeline of orders, status changes and subscription changes. */
  @RequirePermission('customers:read')
  @Get(':id')
  get(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
  ): Promise<CustomerDetailResponse> {
    return this.customers.get(tenantId, id);
  }

  /** Creates the buyer (201) or updates the one with that email (200). */
  @RequirePermission('customers:write')
  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key gets the first answer',
  })
  async upsert(
    @CurrentTenant() tenantId: string,
    @Body() body: UpsertCustomerDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerResponse> {
    const result = await this.idempotency.run(
      tenantId,
      key,
      { route: 'POST /api/customers', body },
      async (manager) => {
        const { customer, isNew } = await this.customers.upsertWithin(manager, body);
        return { statusCode: isNew ? 201 : 200, body: customer };
      },
    );
    void reply.status(result.statusCode);
    return result.body;
  }

  @RequirePermission('customers:write')
  @Patch(':id')
  update(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
    @Body() body: UpdateCustomerDto,
  ): Promise<CustomerResponse> {
    return this.customers.update(tenantId, id, body);
  }
}
