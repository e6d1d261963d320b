import { toParams } from '../http/to-params';
import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CustomerDetailResponse,
  CustomerListQuery,
  CustomerResponse,
  Page,
  UpdateCustomerRequest,
} from '@rapport/domain';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly http = inject(HttpClient);

  list(query: CustomerListQuery): Promise<Page<CustomerResponse>> {
    return firstValueFrom(
      this.http.get<Page<CustomerResponse>>('/api/customers', { params: toParams(query) }),
    );
  }

  get(id: string): Promise<CustomerDetailResponse> {
    return firstValueFrom(this.http.get<CustomerDetailResponse>(`/api/customers/${id}`));
  }

  erase(id: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/customers/${id}/erase`, {}));
  }

  update(id: string, changes: UpdateCustomerRequest): Promise<CustomerResponse> {
    return firstValueFrom(this.http.patch<CustomerResponse>(`/api/customers/${id}`, changes));
  }
}
