import { InvitationEntity } from '../accounts/invitation.entity';
import { MembershipEntity } from '../accounts/membership.entity';
import { TenantEntity } from '../accounts/tenant.entity';
import { UserEntity } from '../accounts/user.entity';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { PasswordResetEntity } from '../auth/password-reset.entity';
import { SessionEntity } from '../auth/session.entity';
import { DevMailboxEntity } from '../mail/dev-mailbox.entity';

/** Every entity, listed explicitly so the bundled app needs no file globbing. */
export const ENTITIES = [
  TenantEntity,
  UserEntity,
  MembershipEntity,
  SessionEntity,
  InvitationEntity,
  ApiKeyEntity,
  AuditEventEntity,
  PasswordResetEntity,
  DevMailboxEntity,
];
