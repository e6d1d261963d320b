import { HttpClient } from '@angular/common/http';
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
import { firstValueFrom } from 'rxjs';
import { toParams } from '../http/to-params';

@Injectable({ providedIn: 'root' })
export class AutomationsApi {
  private readonly http = inject(HttpClient);

  /** The business's reminders and journey cap, which every rule follows. */
  feedbackSettings(): Promise<FeedbackSettings> {
    return firstValueFrom(this.http.get<FeedbackSettings>('/api/feedback-settings'));
  }

  /** The business, for its send window and time zone. */
  business(): Promise<BusinessResponse> {
    return firstValueFrom(this.http.get<BusinessResponse>('/api/business'));
  }

  list(): Promise<AutomationResponse[]> {
    return firstValueFrom(this.http.get<AutomationResponse[]>('/api/automations'));
  }

  create(rule: CreateAutomationRequest): Promise<AutomationResponse> {
    return firstValueFrom(this.http.post<AutomationResponse>('/api/automations', rule));
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/automations/${id}`));
  }

  setEnabled(id: string, isEnabled: boolean): Promise<AutomationResponse> {
    return this.update(id, { isEnabled });
  }

  update(id: string, changes: UpdateAutomationRequest): Promise<AutomationResponse> {
    return firstValueFrom(this.http.patch<AutomationResponse>(`/api/automations/${id}`, changes));
  }

  sendNow(customerIds: string[]): Promise<SendNowResponse> {
    return firstValueFrom(this.http.post<SendNowResponse>('/api/messages/send-now', { customerIds }));
  }

  /** One waiting follow-up goes at the next dispatch, outside the send window. */
  sendMessageNow(id: string): Promise<MessageResponse> {
    return firstValueFrom(this.http.post<MessageResponse>(`/api/messages/${id}/send-now`, null));
  }

  upcoming(id: string): Promise<UpcomingMessageResponse[]> {
    return firstValueFrom(this.http.get<UpcomingMessageResponse[]>(`/api/automations/${id}/upcoming`));
  }

  health(days: DeliveryHealthDays = 30): Promise<DeliveryHealthResponse> {
    return firstValueFrom(
      this.http.get<DeliveryHealthResponse>('/api/messages/health', { params: { days } }),
    );
  }

  messages(query: MessageListQuery): Promise<Page<MessageResponse>> {
    return firstValueFrom(this.http.get<Page<MessageResponse>>('/api/messages', { params: toParams(query) }));
  }
}
