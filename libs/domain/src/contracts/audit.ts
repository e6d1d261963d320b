/** Everything the audit log records, named once for the API and the console's filter. */
export const AUDIT_ACTIONS = [
  'auth.signed_in',
  'auth.signed_out',
  'auth.login_locked',
  'auth.password_changed',
  'auth.password_reset',
  'auth.signed_out_everywhere',
  'business.created',
  'business.updated',
  'team.invited',
  'team.invitation_revoked',
  'team.invitation_accepted',
  'team.role_changed',
  'team.member_removed',
  'api_key.created',
  'api_key.revoked',
  'customer.exported',
  'customer.erased',
  'customer.retention_erased',
  'automation.created',
  'automation.updated',
  'enquiry-form.updated',
  'automation.deleted',
  'message.sent_now',
  'template.test_sent',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventResponse {
  id: string;
  occurredAt: string;
  /** The person's email or the API key's name, as it was at the time. */
  actor: string;
  action: AuditAction;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export interface AuditQuery {
  action?: AuditAction;
  actor?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}
