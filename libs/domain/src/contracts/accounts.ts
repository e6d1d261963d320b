import type { SenderSettings } from './automations';
import type { ApiKeyScope } from '../accounts/api-key-scopes';
import type { Role } from '../accounts/roles';

export interface SignUpRequest {
  businessName: string;
  name: string;
  email: string;
  password: string;
  /** IANA time zone, e.g. `Europe/Madrid`. */
  timeZone: string;
  /** ISO 3166-1 alpha-2, e.g. `ES`. */
  country: string;
}

/**
 * The answer to a sign-up, the same whether or not the address already has an account: the next step is
 * in the email sent to it (a link that creates the business, or a note that the account exists).
 */
export interface SignUpResponse {
  message: string;
  /** Where this browser can read that email when no provider sends it (development), else null. */
  devMailboxPath: string | null;
}

/** The token from the sign-up email's link; confirming creates the account and the business. */
export interface ConfirmSignUpRequest {
  token: string;
}

export interface CreateBusinessRequest {
  name: string;
  timeZone: string;
  country: string;
}

export interface SwitchBusinessRequest {
  tenantId: string;
}

export interface BusinessResponse extends SenderSettings {
  /** Set when sending is paused (too many complaints), with the reason. */
  pausedReason: string | null;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  country: string;
  /** Buyers with no order for this many months are erased automatically; null keeps them. */
  retentionMonths: number | null;
  createdAt: string;
}

export interface UpdateBusinessRequest extends Partial<SenderSettings> {
  name?: string;
  timeZone?: string;
  locale?: string;
  country?: string;
  retentionMonths?: number | null;
}

export interface DeleteBusinessRequest {
  /** The business's name typed again: deleting is permanent. */
  confirmName: string;
}

export interface TeamMemberResponse {
  /** The membership id (what role changes and removals address). */
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
  isYou: boolean;
}

export const INVITATION_STATUSES = ['pending', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface InvitationResponse {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  status: InvitationStatus;
}

export interface TeamResponse {
  members: TeamMemberResponse[];
  invitations: InvitationResponse[];
}

export interface InviteRequest {
  email: string;
  role: Role;
}

export interface ChangeRoleRequest {
  role: Role;
}

/** What an invitation link shows before anyone accepts: opening it changes nothing. */
export interface InvitationPreviewResponse {
  businessName: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  expiresAt: string;
  /** True when the invited email already has an account: accepting then needs its password. */
  hasAccount: boolean;
}

export interface AcceptInvitationRequest {
  /** Required for a new account. */
  name?: string;
  /** The new account's password, or the existing account's password. */
  password: string;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface SessionResponse {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  isCurrent: boolean;
}

export interface ApiKeyResponse {
  id: string;
  name: string;
  /** The first characters of the key, enough to recognise it; the rest is never shown again. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreateApiKeyRequest {
  name: string;
  scopes: ApiKeyScope[];
}

export interface CreatedApiKeyResponse extends ApiKeyResponse {
  /** The whole key, shown this once. */
  key: string;
}

/** Whether SendGrid will send from the business's sender address. */
export const SENDER_STATES = [
  'verified-sender',
  'authenticated-domain',
  'not-verified',
  'unknown',
  'not-needed',
] as const;
export type SenderState = (typeof SENDER_STATES)[number];

export interface SenderStatusResponse {
  /** The address follow-ups go out from: the business's sender address, else Rapport's. */
  senderEmail: string;
  state: SenderState;
  /** The state in a sentence, with what to do about it. */
  explanation: string;
}
