import { inject, Injectable } from '@angular/core';
import type {
  CustomerDetailResponse,
  CustomerListQuery,
  CustomerResponse,
  Page,
  UpdateCustomerRequest,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly api = inject(ApiClient);

  list(query: CustomerListQuery): Promise<Page<CustomerResponse>> {
    return this.api.get<Page<CustomerResponse>>('/api/customers', query);
  }

  get(id: string): Promise<CustomerDetailResponse> {
    return this.api.get<CustomerDetailResponse>(`/api/customers/${id}`);
  }

  erase(id: string): Promise<void> {
    return this.api.post<void>(`/api/customers/${id}/erase`, {});
  }

  update(id: string, changes: UpdateCustomerRequest): Promise<CustomerResponse> {
    return this.api.patch<CustomerResponse>(`/api/customers/${id}`, changes);
  }
}
