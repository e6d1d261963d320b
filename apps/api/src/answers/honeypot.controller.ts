import { Controller, Get, Header, HttpCode, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseTenantToken } from '../auth/secret-token';
import { TokenLink } from '../auth/access.decorators';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { TenantDatabase, tenantIdOf } from '../tenancy/tenant-database';

/**
 * The hidden link in every email. People never see it; a request for it comes from a machine fetching
 * every link of a delivered email (a security scanner), so that message's opens and clicks are marked as
 * machine-made and left out of the stats.
 */
@ApiTags('buyer pages')
@Controller('h')
export class HoneypotController {
  constructor(private readonly database: TenantDatabase) {}

  @TokenLink(RATE_LIMITS.honeypotPerIp)
  @Get(':token')
  @HttpCode(204)
  @Header('cache-control', 'no-store')
  @Header('x-robots-tag', 'noindex')
  async touched(@Param('token') token: string): Promise<void> {
    const parsed = parseTenantToken(token);
    if (!parsed) return;
    await this.database.transaction(parsed.tenantId, (manager) =>
      manager.query(
        `UPDATE messages SET machine_activity_at = coalesce(machine_activity_at, now())
          WHERE tenant_id = $1 AND unsubscribe_token_hash = $2`,
        [tenantIdOf(manager), parsed.hash],
      ),
    );
  }
}
