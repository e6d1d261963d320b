import { inject, Injectable } from '@angular/core';
import type {
  AutomationResponse,
  BusinessResponse,
  CreateAutomationRequest,
  DeliveryHealthDays,
  DeliveryHealthResponse,
  FeedbackSettings,
  MessageListQuery,
  MessageResponse,
  Page,
  SendNowResponse,
  UpcomingMessageResponse,
  UpdateAutomationRequest,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

@Injectable({ providedIn: 'root' })
export class AutomationsApi {
  private readonly http = inject(ApiClient);

  /** The business's reminders and journey cap, which every rule follows. */
  feedbackSettings(): Promise<FeedbackSettings> {
    return this.http.get<FeedbackSettings>('/api/feedback-settings');
  }

  /** The business, for its send window and time zone. */
  business(): Promise<BusinessResponse> {
    return this.http.get<BusinessResponse>('/api/business');
  }

  list(): Promise<AutomationResponse[]> {
    return this.http.get<AutomationResponse[]>('/api/automations');
  }

  create(rule: CreateAutomationRequest): Promise<AutomationResponse> {
    return this.http.post<AutomationResponse>('/api/automations', rule);
  }

  remove(id: string): Promise<void> {
    return this.http.delete<void>(`/api/automations/${id}`);
  }

  setEnabled(id: string, isEnabled: boolean): Promise<AutomationResponse> {
    return this.update(id, { isEnabled });
  }

  update(id: string, changes: UpdateAutomationRequest): Promise<AutomationResponse> {
    return this.http.patch<AutomationResponse>(`/api/automations/${id}`, changes);
  }

  sendNow(customerIds: string[]): Promise<SendNowResponse> {
    return this.http.post<SendNowResponse>('/api/messages/send-now', { customerIds });
  }

  /** One waiting follow-up goes at the next dispatch, outside the send window. */
  sendMessageNow(id: string): Promise<MessageResponse> {
    return this.http.post<MessageResponse>(`/api/messages/${id}/send-now`, null);
  }

  upcoming(id: string): Promise<UpcomingMessageResponse[]> {
    return this.http.get<UpcomingMessageResponse[]>(`/api/automations/${id}/upcoming`);
  }

  health(days: DeliveryHealthDays = 30): Promise<DeliveryHealthResponse> {
    return this.http.get<DeliveryHealthResponse>('/api/messages/health', { days });
  }

  messages(query: MessageListQuery): Promise<Page<MessageResponse>> {
    return this.http.get<Page<MessageResponse>>('/api/messages', query);
  }
}
