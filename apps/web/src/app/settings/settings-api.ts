import { HttpClient, HttpParams } from '@angular/common/http';
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
import { firstValueFrom } from 'rxjs';

/** Every call of the Settings pages. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);

  business(): Promise<BusinessResponse> {
    return firstValueFrom(this.http.get<BusinessResponse>('/api/business'));
  }
  senderStatus(): Promise<SenderStatusResponse> {
    return firstValueFrom(this.http.get<SenderStatusResponse>('/api/business/sender-status'));
  }

  updateBusiness(changes: UpdateBusinessRequest): Promise<BusinessResponse> {
    return firstValueFrom(this.http.patch<BusinessResponse>('/api/business', changes));
  }

  deleteBusiness(confirmName: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>('/api/business', { body: { confirmName } }));
  }

  team(): Promise<TeamResponse> {
    return firstValueFrom(this.http.get<TeamResponse>('/api/team'));
  }

  invite(request: InviteRequest): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/team/invitations', request));
  }

  revokeInvitation(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/team/invitations/${id}`));
  }

  changeRole(membershipId: string, role: Role): Promise<void> {
    return firstValueFrom(this.http.patch<void>(`/api/team/members/${membershipId}`, { role }));
  }

  removeMember(membershipId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/team/members/${membershipId}`));
  }

  apiKeys(): Promise<ApiKeyResponse[]> {
    return firstValueFrom(this.http.get<ApiKeyResponse[]>('/api/api-keys'));
  }

  createApiKey(request: CreateApiKeyRequest): Promise<CreatedApiKeyResponse> {
    return firstValueFrom(this.http.post<CreatedApiKeyResponse>('/api/api-keys', request));
  }

  revokeApiKey(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/api-keys/${id}`));
  }

  sessions(): Promise<SessionResponse[]> {
    return firstValueFrom(this.http.get<SessionResponse[]>('/api/me/sessions'));
  }

  endSession(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/me/sessions/${id}`));
  }

  signOutEverywhere(): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/me/sessions/sign-out-everywhere', {}));
  }

  changePassword(request: ChangePasswordRequest): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/me/password', request));
  }

  auditEvents(query: AuditQuery): Promise<Page<AuditEventResponse>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return firstValueFrom(this.http.get<Page<AuditEventResponse>>('/api/audit-events', { params }));
  }
}
