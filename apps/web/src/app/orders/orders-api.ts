import { inject, Injectable } from '@angular/core';
import type {
  OrderFollowUpsResponse,
  OrderListQuery,
  OrderResponse,
  OrderStatus,
  Page,
  ProductResponse,
  UpsertOrderRequest,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

@Injectable({ providedIn: 'root' })
export class OrdersApi {
  private readonly api = inject(ApiClient);

  list(query: OrderListQuery): Promise<Page<OrderResponse>> {
    return this.api.get<Page<OrderResponse>>('/api/orders', query);
  }

  get(id: string): Promise<OrderResponse> {
    return this.api.get<OrderResponse>(`/api/orders/${id}`);
  }

  /** The emails planned or sent about the order. */
  followUps(id: string): Promise<OrderFollowUpsResponse> {
    return this.api.get<OrderFollowUpsResponse>(`/api/orders/${id}/follow-ups`);
  }

  /** One waiting follow-up goes at the next dispatch, outside the send window. */
  sendFollowUpNow(messageId: string): Promise<unknown> {
    return this.api.post(`/api/messages/${messageId}/send-now`, null);
  }

  /** Creates an order entered in the console (or updates the console's order with that number). */
  create(order: UpsertOrderRequest): Promise<OrderResponse> {
    return this.api.post<OrderResponse>('/api/orders', order);
  }

  changeStatus(id: string, status: OrderStatus): Promise<OrderResponse> {
    return this.api.post<OrderResponse>(`/api/orders/${id}/status`, { status });
  }

  products(search: string): Promise<ProductResponse[]> {
    return this.api.get<ProductResponse[]>('/api/products', { search });
  }
}
