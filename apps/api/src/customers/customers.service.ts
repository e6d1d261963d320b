import { Injectable } from '@nestjs/common';
import type {
  CustomerDetailResponse,
  CustomerListQuery,
  CustomerResponse,
  Page,
  UpdateCustomerRequest,
  UpsertCustomerRequest,
} from '@rapport/domain';
import { NotFoundError } from '../errors/app-error';
import { TenantDatabase, type TenantManager } from '../tenancy/tenant-database';
import { toCustomerResponse } from './customer-row';
import { CustomersRepository } from './customers.repository';
import { CustomerTimelineRepository } from './customer-timeline.repository';

@Injectable()
export class CustomersService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly customers: CustomersRepository,
    private readonly timelines: CustomerTimelineRepository,
  ) {}

  list(tenantId: string, query: CustomerListQuery): Promise<Page<CustomerResponse>> {
    return this.database.transaction(tenantId, async (manager) => {
      const { rows, nextCursor } = await this.customers.list(manager, query);
      return { items: rows.map(toCustomerResponse), nextCursor };
    });
  }

  get(tenantId: string, id: string): Promise<CustomerDetailResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const row = await this.customers.findById(manager, id);
      if (!row) throw new NotFoundError('Customer');
      return { ...toCustomerResponse(row), timeline: await this.timelines.timeline(manager, id) };
    });
  }

  /** Within the caller's transaction (an idempotent request's). */
  async upsertWithin(
    manager: TenantManager,
    input: UpsertCustomerRequest,
  ): Promise<{ customer: CustomerResponse; isNew: boolean }> {
    const { row, isNew } = await this.customers.upsert(manager, input);
    const withStats = await this.customers.findById(manager, row.id);
    return { customer: toCustomerResponse(withStats ?? row), isNew };
  }

  update(tenantId: string, id: string, changes: UpdateCustomerRequest): Promise<CustomerResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      if (!(await this.customers.findById(manager, id))) throw new NotFoundError('Customer');
      await this.customers.update(manager, id, changes);
      const row = await this.customers.findById(manager, id);
      if (!row) throw new NotFoundError('Customer');
      return toCustomerResponse(row);
    });
  }
}
