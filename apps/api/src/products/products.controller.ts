import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ProductResponse } from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { TenantDatabase } from '../tenancy/tenant-database';
import { ProductsRepository } from './products.repository';

@ApiTags('products')
@Controller('products')
export class ProductsController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly products: ProductsRepository,
  ) {}

  /** Products by name, with how many orders included each; `search` matches name or SKU. */
  @RequirePermission('orders:read')
  @Get()
  @ApiQuery({ name: 'search', required: false })
  list(@CurrentTenant() tenantId: string, @Query('search') search?: string): Promise<ProductResponse[]> {
    return this.database.transaction(tenantId, (manager) =>
      this.products.list(manager, search?.slice(0, 200)),
    );
  }
}
