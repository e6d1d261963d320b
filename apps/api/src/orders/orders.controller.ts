import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { OrderResponse, OrderSource, Page } from '@rapport/domain';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, CurrentTenant, RequirePermission } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ParseId } from '../errors/parse-id.pipe';
import { IdempotencyKey, IdempotencyService } from '../idempotency/idempotency.service';
import { ChangeOrderStatusDto, OrderListQueryDto, UpsertOrderDto } from './dto/order.dto';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @RequirePermission('orders:read')
  @Get()
  list(@CurrentTenant() tenantId: string, @Query() query: OrderListQueryDto): Promise<Page<OrderResponse>> {
    return this.orders.list(tenantId, query);
  }

  @RequirePermission('orders:read')
  @Get(':id')
  get(@CurrentTenant() tenantId: string, @Param('id', ParseId()) id: string): Promise<OrderResponse> {
    return this.orders.get(tenantId, id);
  }

  /**
   * Creates the order (201) or updates the one with that external id (200), with its buyer. An order sent from
   * the console (a session) is the console's, one sent with an API key the API's: each source has its own
   * order numbers.
   */
  @RequirePermission('orders:write')
  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key gets the first answer',
  })
  async upsert(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpsertOrderDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderResponse> {
    const result = await this.idempotency.run(
      tenantId,
      key,
      { route: 'POST /api/orders', body },
      async (manager) => {
        const { order, isNew } = await this.orders.upsertWithin(manager, sourceOf(principal), body);
        return { statusCode: isNew ? 201 : 200, body: order };
      },
    );
    void reply.status(result.statusCode);
    return result.body;
  }

  /** Moves the order forward (fulfilled, delivered) or stops it (cancelled, refunded). */
  @RequirePermission('orders:write')
  @Post(':id/status')
  changeStatus(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Body() body: ChangeOrderStatusDto,
  ): Promise<OrderResponse> {
    return this.orders.changeStatus(
      tenantId,
      id,
      body.status,
      body.at ? new Date(body.at) : new Date(),
      sourceOf(principal),
    );
  }
}

/** Orders entered by a person in the console are the console's; those sent with an API key, the API's. */
function sourceOf(principal: Principal): OrderSource {
  return principal.kind === 'user' ? 'console' : 'api';
}
