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
  private readonly api = inject(ApiClient);

  /** The business's reminders and journey cap, which every rule follows. */
  feedbackSettings(): Promise<FeedbackSettings> {
    return this.api.get<FeedbackSettings>('/api/feedback-settings');
  }

  /** The business, for its send window and time zone. */
  business(): Promise<BusinessResponse> {
    return this.api.get<BusinessResponse>('/api/business');
  }

  list(): Promise<AutomationResponse[]> {
    return this.api.get<AutomationResponse[]>('/api/automations');
  }

  create(rule: CreateAutomationRequest): Promise<AutomationResponse> {
    return this.api.post<AutomationResponse>('/api/automations', rule);
  }

  remove(id: string): Promise<void> {
    return this.api.delete<void>(`/api/automations/${id}`);
  }

  setEnabled(id: string, isEnabled: boolean): Promise<AutomationResponse> {
    return this.update(id, { isEnabled });
  }

  update(id: string, changes: UpdateAutomationRequest): Promise<AutomationResponse> {
    return this.api.patch<AutomationResponse>(`/api/automations/${id}`, changes);
  }

  sendNow(customerIds: string[]): Promise<SendNowResponse> {
    return this.api.post<SendNowResponse>('/api/messages/send-now', { customerIds });
  }

  /** One waiting follow-up goes at the next dispatch, outside the send window. */
  sendMessageNow(id: string): Promise<MessageResponse> {
    return this.api.post<MessageResponse>(`/api/messages/${id}/send-now`, null);
  }

  upcoming(id: string): Promise<UpcomingMessageResponse[]> {
    return this.api.get<UpcomingMessageResponse[]>(`/api/automations/${id}/upcoming`);
  }

  health(days: DeliveryHealthDays = 30): Promise<DeliveryHealthResponse> {
    return this.api.get<DeliveryHealthResponse>('/api/messages/health', { days });
  }

  messages(query: MessageListQuery): Promise<Page<MessageResponse>> {
    return this.api.get<Page<MessageResponse>>('/api/messages', query);
  }
}
