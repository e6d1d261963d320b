import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CustomerExport } from '@rapport/domain';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, CurrentTenant, RequirePermission } from '../access/access.decorators';
import { auditActorOf, type Principal } from '../access/principal';
import { ParseId } from '../errors/parse-id.pipe';
import { PrivacyService } from './privacy.service';

@ApiTags('customers')
@Controller('customers')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Everything held about the buyer, as JSON (a data-access request). Recorded in the audit log. */
  @RequirePermission('customers:read')
  @Get(':id/export')
  async export(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerExport> {
    void reply.header('content-disposition', `attachment; filename="customer-${id}.json"`);
    return this.privacy.export(tenantId, id, auditActorOf(principal));
  }

  /** Removes everything personal about the buyer for good; orders stay, anonymous. */
  @RequirePermission('customers:write')
  @Post(':id/erase')
  @HttpCode(204)
  erase(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseId()) id: string,
  ): Promise<void> {
    return this.privacy.erase(tenantId, id, auditActorOf(principal));
  }
}
