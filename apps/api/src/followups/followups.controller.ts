import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AutomationResponse,
  type DeliveryHealthResponse,
  describeRule,
  type MessageResponse,
  type Page,
} from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../auth/access.decorators';
import { NotFoundError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { queryRows } from '../database/query-rows';
import { TenantDatabase, tenantIdOf } from '../tenancy/tenant-database';
import { AutomationsRepository, toRule } from './automations.repository';
import { MessageListQueryDto, UpdateAutomationDto } from './dto/followups.dto';
import { MessagesRepository } from './messages.repository';

@ApiTags('follow-ups')
@Controller()
export class FollowUpsController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly automations: AutomationsRepository,
    private readonly messages: MessagesRepository,
  ) {}

  /** Each rule with its plain-language description. */
  @RequirePermission('automations:read')
  @Get('automations')
  listAutomations(@CurrentTenant() tenantId: string): Promise<AutomationResponse[]> {
    return this.database.transaction(tenantId, async (manager) =>
      (await this.automations.list(manager)).map((row) => {
        const rule = toRule(row);
        return { id: row.id, ...rule, description: describeRule(rule) };
      }),
    );
  }

  /** Turns a rule on or off; messages already planned stay as they are. */
  @RequirePermission('automations:write')
  @Patch('automations/:id')
  updateAutomation(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
    @Body() body: UpdateAutomationDto,
  ): Promise<AutomationResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const updated = await queryRows(
        manager,
        `UPDATE automations SET is_enabled = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING id`,
        [tenantIdOf(manager), id, body.isEnabled],
      );
      if (updated.length === 0) throw new NotFoundError('Automation');
      const row = (await this.automations.list(manager)).find((automation) => automation.id === id);
      if (!row) throw new NotFoundError('Automation');
      const rule = toRule(row);
      return { id: row.id, ...rule, description: describeRule(rule) };
    });
  }

  /** Delivered, bounced and complaint shares of the last 30 days, for the delivery-health card. */
  @RequirePermission('customers:read')
  @Get('messages/health')
  health(@CurrentTenant() tenantId: string): Promise<DeliveryHealthResponse> {
    return this.database.transaction(tenantId, (manager) => this.messages.health(manager, 30));
  }

  /** The outbox: every planned, sent, skipped or failed follow-up, with the reason when it did not go. */
  @RequirePermission('customers:read')
  @Get('messages')
  listMessages(
    @CurrentTenant() tenantId: string,
    @Query() query: MessageListQueryDto,
  ): Promise<Page<MessageResponse>> {
    return this.database.transaction(tenantId, (manager) => this.messages.list(manager, query));
  }
}
