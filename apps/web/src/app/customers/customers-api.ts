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
  private readonly http = inject(ApiClient);

  list(query: CustomerListQuery): Promise<Page<CustomerResponse>> {
    return this.http.get<Page<CustomerResponse>>('/api/customers', query);
  }

  get(id: string): Promise<CustomerDetailResponse> {
    return this.http.get<CustomerDetailResponse>(`/api/customers/${id}`);
  }

  erase(id: string): Promise<void> {
    return this.http.post<void>(`/api/customers/${id}/erase`, {});
  }

  update(id: string, changes: UpdateCustomerRequest): Promise<CustomerResponse> {
    return this.http.patch<CustomerResponse>(`/api/customers/${id}`, changes);
  }
}
