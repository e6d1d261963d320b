import { Controller, Get, Header, HttpCode, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseTenantToken } from '../access/secret-token';
import { TokenLink } from '../access/access.decorators';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { TenantDatabase } from '../tenancy/tenant-database';
import { OutboxRepository } from '../outbox/outbox.repository';

/**
 * The hidden link in every email. People never see it; a request for it comes from a machine fetching
 * every link of a delivered email (a security scanner), so that message's opens and clicks are marked as
 * machine-made and left out of the stats.
 */
@ApiTags('buyer pages')
@Controller('h')
export class HoneypotController {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly database: TenantDatabase,
  ) {}

  @TokenLink(RATE_LIMITS.honeypotPerIp)
  @Get(':token')
  @HttpCode(204)
  @Header('cache-control', 'no-store')
  @Header('x-robots-tag', 'noindex')
  async touched(@Param('token') token: string): Promise<void> {
    const parsed = parseTenantToken(token);
    if (!parsed) return;
    await this.database.transaction(parsed.tenantId, (manager) =>
      this.outbox.recordMachineActivity(manager, parsed.hash),
    );
  }
}
