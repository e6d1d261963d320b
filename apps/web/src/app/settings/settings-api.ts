import { inject, Injectable } from '@angular/core';
import type {
  ApiKeyResponse,
  AuditEventResponse,
  AuditQuery,
  BusinessResponse,
  SenderStatusResponse,
  ChangePasswordRequest,
  CreateApiKeyRequest,
  CreatedApiKeyResponse,
  EnquiryFormResponse,
  InviteRequest,
  NotificationPreferencesResponse,
  Page,
  Role,
  SessionResponse,
  TeamResponse,
  UpdateBusinessRequest,
  UpdateEnquiryFormRequest,
  UpdateNotificationPreferencesRequest,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

/** Every call of the Settings pages. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly api = inject(ApiClient);

  notificationPreferences(): Promise<NotificationPreferencesResponse> {
    return this.api.get<NotificationPreferencesResponse>('/api/me/notifications');
  }

  updateNotificationPreferences(
    changes: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferencesResponse> {
    return this.api.put<NotificationPreferencesResponse>('/api/me/notifications', changes);
  }

  business(): Promise<BusinessResponse> {
    return this.api.get<BusinessResponse>('/api/business');
  }
  senderStatus(): Promise<SenderStatusResponse> {
    return this.api.get<SenderStatusResponse>('/api/business/sender-status');
  }

  updateBusiness(changes: UpdateBusinessRequest): Promise<BusinessResponse> {
    return this.api.patch<BusinessResponse>('/api/business', changes);
  }

  deleteBusiness(confirmName: string): Promise<void> {
    return this.api.delete<void>('/api/business', { confirmName });
  }

  team(): Promise<TeamResponse> {
    return this.api.get<TeamResponse>('/api/team');
  }

  invite(request: InviteRequest): Promise<void> {
    return this.api.post<void>('/api/team/invitations', request);
  }

  revokeInvitation(id: string): Promise<void> {
    return this.api.delete<void>(`/api/team/invitations/${id}`);
  }

  changeRole(membershipId: string, role: Role): Promise<void> {
    return this.api.patch<void>(`/api/team/members/${membershipId}`, { role });
  }

  removeMember(membershipId: string): Promise<void> {
    return this.api.delete<void>(`/api/team/members/${membershipId}`);
  }

  apiKeys(): Promise<ApiKeyResponse[]> {
    return this.api.get<ApiKeyResponse[]>('/api/api-keys');
  }

  createApiKey(request: CreateApiKeyRequest): Promise<CreatedApiKeyResponse> {
    return this.api.post<CreatedApiKeyResponse>('/api/api-keys', request);
  }

  revokeApiKey(id: string): Promise<void> {
    return this.api.delete<void>(`/api/api-keys/${id}`);
  }

  sessions(): Promise<SessionResponse[]> {
    return this.api.get<SessionResponse[]>('/api/me/sessions');
  }

  endSession(id: string): Promise<void> {
    return this.api.delete<void>(`/api/me/sessions/${id}`);
  }

  signOutEverywhere(): Promise<void> {
    return this.api.post<void>('/api/me/sessions/sign-out-everywhere', {});
  }

  changePassword(request: ChangePasswordRequest): Promise<void> {
    return this.api.post<void>('/api/me/password', request);
  }

  auditEvents(query: AuditQuery): Promise<Page<AuditEventResponse>> {
    return this.api.get<Page<AuditEventResponse>>('/api/audit-events', query);
  }

  enquiryForm(): Promise<EnquiryFormResponse> {
    return this.api.get<EnquiryFormResponse>('/api/enquiry-form');
  }

  updateEnquiryForm(changes: UpdateEnquiryFormRequest): Promise<EnquiryFormResponse> {
    return this.api.patch<EnquiryFormResponse>('/api/enquiry-form', changes);
  }
}
