import { inject, Injectable } from '@angular/core';
import type {
  InteractionListQuery,
  InteractionResponse,
  InteractionStatus,
  Page,
  UpsertAppointmentRequest,
  UpsertEnquiryRequest,
  UpsertQuoteRequest,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

/** A person's enquiries, quotes and appointments: the enquiries inbox and the customer page's section. */
@Injectable({ providedIn: 'root' })
export class InteractionsApi {
  private readonly api = inject(ApiClient);

  list(query: InteractionListQuery): Promise<Page<InteractionResponse>> {
    return this.api.get<Page<InteractionResponse>>('/api/interactions', query);
  }

  get(id: string): Promise<InteractionResponse> {
    return this.api.get<InteractionResponse>(`/api/interactions/${id}`);
  }

  addEnquiry(request: UpsertEnquiryRequest): Promise<InteractionResponse> {
    return this.api.post<InteractionResponse>('/api/enquiries', request);
  }

  addQuote(request: UpsertQuoteRequest): Promise<InteractionResponse> {
    return this.api.post<InteractionResponse>('/api/quotes', request);
  }

  addAppointment(request: UpsertAppointmentRequest): Promise<InteractionResponse> {
    return this.api.post<InteractionResponse>('/api/appointments', request);
  }

  changeStatus(id: string, status: InteractionStatus): Promise<InteractionResponse> {
    return this.api.post<InteractionResponse>(`/api/interactions/${id}/status`, { status });
  }

  /** Emails staff's answer to the person who asked, and marks the enquiry answered. */
  answer(id: string, text: string): Promise<InteractionResponse> {
    return this.api.post<InteractionResponse>(`/api/interactions/${id}/answers`, { text });
  }
}
