import { inject, Injectable } from '@angular/core';
import type {
  AcceptInvitationRequest,
  InvitationPreviewResponse,
  MeResponse,
  PasswordResetConfirmRequest,
  SignUpRequest,
  SignUpResponse,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

/** Calls of the signed-out pages: sign-up, password reset, invitations. */
@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly api = inject(ApiClient);

  /** Emails the address the link that creates the business; the answer is the same for every address. */
  signUp(request: SignUpRequest): Promise<SignUpResponse> {
    return this.api.post<SignUpResponse>('/api/auth/signup', request);
  }

  /** The emailed link's token: creates the owner and the business, and signs the owner in. */
  confirmSignUp(token: string): Promise<MeResponse> {
    return this.api.post<MeResponse>('/api/auth/signup/confirm', { token });
  }

  requestPasswordReset(email: string): Promise<{ message: string }> {
    return this.api.post<{ message: string }>('/api/auth/password-reset', { email });
  }

  confirmPasswordReset(request: PasswordResetConfirmRequest): Promise<void> {
    return this.api.post<void>('/api/auth/password-reset/confirm', request);
  }

  previewInvitation(token: string): Promise<InvitationPreviewResponse> {
    return this.api.get<InvitationPreviewResponse>(`/api/invitations/${encodeURIComponent(token)}`);
  }

  acceptInvitation(token: string, request: AcceptInvitationRequest): Promise<MeResponse> {
    return this.api.post<MeResponse>(`/api/invitations/${encodeURIComponent(token)}/accept`, request);
  }
}

/** Reads `token` from the URL fragment (`#token=...`): fragments never reach servers or Referer headers. */
export function tokenFromFragment(fragment: string | null | undefined): string | null {
  const match = /(?:^|&)token=([^&]+)/.exec(fragment ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
