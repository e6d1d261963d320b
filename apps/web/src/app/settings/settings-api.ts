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
  InviteRequest,
  Page,
  Role,
  SessionResponse,
  TeamResponse,
  UpdateBusinessRequest,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

/** Every call of the Settings pages. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(ApiClient);

  business(): Promise<BusinessResponse> {
    return this.http.get<BusinessResponse>('/api/business');
  }
  senderStatus(): Promise<SenderStatusResponse> {
    return this.http.get<SenderStatusResponse>('/api/business/sender-status');
  }

  updateBusiness(changes: UpdateBusinessRequest): Promise<BusinessResponse> {
    return this.http.patch<BusinessResponse>('/api/business', changes);
  }

  deleteBusiness(confirmName: string): Promise<void> {
    return this.http.delete<void>('/api/business', { confirmName });
  }

  team(): Promise<TeamResponse> {
    return this.http.get<TeamResponse>('/api/team');
  }

  invite(request: InviteRequest): Promise<void> {
    return this.http.post<void>('/api/team/invitations', request);
  }

  revokeInvitation(id: string): Promise<void> {
    return this.http.delete<void>(`/api/team/invitations/${id}`);
  }

  changeRole(membershipId: string, role: Role): Promise<void> {
    return this.http.patch<void>(`/api/team/members/${membershipId}`, { role });
  }

  removeMember(membershipId: string): Promise<void> {
    return this.http.delete<void>(`/api/team/members/${membershipId}`);
  }

  apiKeys(): Promise<ApiKeyResponse[]> {
    return this.http.get<ApiKeyResponse[]>('/api/api-keys');
  }

  createApiKey(request: CreateApiKeyRequest): Promise<CreatedApiKeyResponse> {
    return this.http.post<CreatedApiKeyResponse>('/api/api-keys', request);
  }

  revokeApiKey(id: string): Promise<void> {
    return this.http.delete<void>(`/api/api-keys/${id}`);
  }

  sessions(): Promise<SessionResponse[]> {
    return this.http.get<SessionResponse[]>('/api/me/sessions');
  }

  endSession(id: string): Promise<void> {
    return this.http.delete<void>(`/api/me/sessions/${id}`);
  }

  signOutEverywhere(): Promise<void> {
    return this.http.post<void>('/api/me/sessions/sign-out-everywhere', {});
  }

  changePassword(request: ChangePasswordRequest): Promise<void> {
    return this.http.post<void>('/api/me/password', request);
  }

  auditEvents(query: AuditQuery): Promise<Page<AuditEventResponse>> {
    return this.http.get<Page<AuditEventResponse>>('/api/audit-events', query);
  }
}
