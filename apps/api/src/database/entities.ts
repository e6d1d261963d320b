import { MembershipEntity } from '../accounts/membership.entity';
import { TenantEntity } from '../accounts/tenant.entity';
import { UserEntity } from '../accounts/user.entity';
import { SessionEntity } from '../auth/session.entity';

/** Every entity, listed explicitly so the bundled app needs no file globbing. */
export const ENTITIES = [TenantEntity, UserEntity, MembershipEntity, SessionEntity];
