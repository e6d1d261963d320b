import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AutomationResponse,
  type DeliveryHealthResponse,
  type AutomationConditions,
  conditionsProblems,
  delayMs,
  type DelayUnit,
  RULE_TEMPLATE_NAMES,
  type MessageResponse,
  type OrderFollowUpsResponse,
  type Page,
  type SendNowResponse,
  type UpcomingMessageResponse,
} from '@rapport/domain';
import { AuditLog } from '../audit/audit-log';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CurrentPrincipal, CurrentTenant, RequirePermission } from '../auth/access.decorators';
import { auditActorOf, type Principal } from '../auth/principal';
import { NotFoundError, ValidationFailedError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { queryRows } from '../database/query-rows';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { AutomationsRepository, toResponse } from './automations.repository';
import {
  CreateAutomationDto,
  DeliveryHealthQueryDto,
  MessageListQueryDto,
  SendNowDto,
  UpdateAutomationDto,
} from './dto/followups.dto';
import { MessagesRepository } from './messages.repository';

/** The longest delay a rule may have (the column's limit). */
const MAX_DELAY_MINUTES = 525_600;

@ApiTags('follow-ups')
@Controller()
export class FollowUpsController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly automations: AutomationsRepository,
    private readonly messages: MessagesRepository,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Each rule with its plain-language description. */
  @RequirePermission('automations:read')
  @Get('automations')
  listAutomations(@CurrentTenant() tenantId: string): Promise<AutomationResponse[]> {
    return this.database.transaction(tenantId, async (manager) =>
      (await this.automations.list(manager)).map(toResponse),
    );
  }

  /**
   * Changes a rule: on or off, its name, its delay, the fallback of an opinion request. Messages already
   * planned keep their time; the change applies to what is planned from now on.
   */
  @RequirePermission('automations:write')
  @Patch('automations/:id')
  updateAutomation(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Body() body: UpdateAutomationDto,
  ): Promise<AutomationResponse> {
    const minutes = checkedMinutes(body);
    return this.database.transaction(tenantId, async (manager) => {
      await assertSurvey(manager, body.surveyId);
      const updated = await queryRows(
        manager,
        `UPDATE automations
            SET is_enabled = coalesce($3, is_enabled), name = coalesce($4, name),
                delay_minutes = coalesce($5, delay_minutes),
                fallback_after_placed_days = CASE WHEN $6 THEN $7 ELSE fallback_after_placed_days END,
                conditions = coalesce($8::jsonb, conditions),
                survey_id = CASE WHEN $9 THEN $10::uuid ELSE survey_id END,
                trigger = coalesce($11, trigger),
                updated_at = now()
          WHERE tenant_id = $1 AND id = $2 RETURNING id`,
        [
          tenantIdOf(manager),
          id,
          body.isEnabled ?? null,
          body.name?.trim() || null,
          minutes ?? null,
          body.fallbackAfterPlacedDays !== undefined,
          body.fallbackAfterPlacedDays ?? null,
          body.conditions === undefined ? null : JSON.stringify(normalConditions(body.conditions)),
          body.surveyId !== undefined,
          body.surveyId ?? null,
          body.trigger ?? null,
        ],
      );
      if (updated.length === 0) throw new NotFoundError('Automation');
      const row = (await this.automations.list(manager)).find((automation) => automation.id === id);
      if (!row) throw new NotFoundError('Automation');
      // The audit trail is also how the getting-started checklist knows the rules were looked at.
      await this.audit.record(manager, auditActorOf(principal), 'automation.updated', row.name, {
        fields: Object.keys(body),
      });
      return toResponse(row);
    });
  }

  /** A new rule, on unless told otherwise; it plans follow-ups for the orders events that come from now on. */
  @RequirePermission('automations:write')
  @Post('automations')
  createAutomation(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateAutomationDto,
  ): Promise<AutomationResponse> {
    const minutes = checkedMinutes(body) ?? 0;
    return this.database.transaction(tenantId, async (manager) => {
      if (body.kind === 'opinion-request') await assertSurvey(manager, body.surveyId);
      const [created] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO automations (tenant_id, name, trigger, delay_minutes, fallback_after_placed_days, kind, template_name,
                                  conditions, is_enabled, survey_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          tenantIdOf(manager),
          body.name.trim(),
          body.trigger,
          minutes,
          body.trigger === 'order_delivered' ? (body.fallbackAfterPlacedDays ?? null) : null,
          body.kind,
          RULE_TEMPLATE_NAMES[body.kind],
          JSON.stringify(normalConditions(body.conditions ?? {})),
          body.isEnabled ?? true,
          body.kind === 'opinion-request' ? (body.surveyId ?? null) : null,
        ],
      );
      const row = (await this.automations.list(manager)).find((automation) => automation.id === created?.id);
      if (!row) throw new NotFoundError('Automation');
      await this.audit.record(manager, auditActorOf(principal), 'automation.created', row.name);
      return toResponse(row);
    });
  }

  /** Removes a rule; what it planned and did not send yet is cancelled, with the reason. */
  @RequirePermission('automations:write')
  @Delete('automations/:id')
  @HttpCode(204)
  async deleteAutomation(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseId()) id: string,
  ): Promise<void> {
    await this.database.transaction(tenantId, async (manager) => {
      await manager.query(
        `UPDATE messages SET status = 'cancelled', skip_reason = 'cancelled: the rule was deleted', updated_at = now()
          WHERE tenant_id = $1 AND automation_id = $2 AND status = 'scheduled'`,
        [tenantIdOf(manager), id],
      );
      const deleted = await queryRows<{ id: string; name: string }>(
        manager,
        `DELETE FROM automations WHERE tenant_id = $1 AND id = $2 RETURNING id, name`,
        [tenantIdOf(manager), id],
      );
      if (deleted.length === 0) throw new NotFoundError('Automation');
      await this.audit.record(
        manager,
        auditActorOf(principal),
        'automation.deleted',
        deleted[0]?.name ?? null,
      );
    });
  }

  /** Who the rule will write to in the next 7 days: the messages it has planned, soonest first. */
  @RequirePermission('automations:read')
  @Get('automations/:id/upcoming')
  upcoming(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
  ): Promise<UpcomingMessageResponse[]> {
    return this.database.transaction(tenantId, async (manager) => {
      const found = await manager.query(`SELECT 1 FROM automations WHERE tenant_id = $1 AND id = $2`, [
        tenantIdOf(manager),
        id,
      ]);
      if (found.length === 0) throw new NotFoundError('Automation');
      return this.messages.upcoming(manager, id, 7);
    });
  }

  /**
   * Plans a "manual message" to each chosen buyer, due now: the dispatcher sends it at its next tick,
   * within the send window. The journey cap does not hold back a note someone chose to send; a buyer who
   * unsubscribed, bounced or complained is left out with the reason.
   */
  @RequirePermission('customers:write')
  @Post('messages/send-now')
  @HttpCode(200)
  sendNow(@CurrentTenant() tenantId: string, @Body() body: SendNowDto): Promise<SendNowResponse> {
    const ids = [...new Set(body.customerIds)];
    return this.database.transaction(tenantId, async (manager) => {
      const customers: { id: string; subscription_state: string }[] = await manager.query(
        `SELECT id, subscription_state FROM customers WHERE tenant_id = $1 AND id = ANY($2) AND erased_at IS NULL`,
        [tenantIdOf(manager), ids],
      );
      if (customers.length !== ids.length) throw new NotFoundError('Customer');
      const writable = customers.filter((customer) => customer.subscription_state === 'subscribed');
      await manager.query(
        `INSERT INTO messages (tenant_id, customer_id, kind, status, due_at)
         SELECT $1, id, 'manual', 'scheduled', now() FROM unnest($2::uuid[]) AS id`,
        [tenantIdOf(manager), writable.map((customer) => customer.id)],
      );
      return {
        planned: writable.length,
        skipped: customers
          .filter((customer) => customer.subscription_state !== 'subscribed')
          .map((customer) => ({
            customerId: customer.id,
            reason: `the buyer is ${customer.subscription_state}`,
          })),
      };
    });
  }

  /** Delivered, bounced and complaint shares of the last 7 or 30 days, for the delivery-health card. */
  @RequirePermission('customers:read')
  @Get('messages/health')
  health(
    @CurrentTenant() tenantId: string,
    @Query() query: DeliveryHealthQueryDto,
  ): Promise<DeliveryHealthResponse> {
    const carrier = this.config.mail.sendGridApiKey ? 'sendgrid' : 'development-mailbox';
    return this.database.transaction(tenantId, (manager) =>
      this.messages.health(manager, query.days ?? 30, new Date(), carrier),
    );
  }

  /**
   * Sends one waiting follow-up at the next dispatch (within seconds), outside the send window and past the
   * journey gap: to try a rule out on oneself, or because the buyer is at the counter now.
   */
  @RequirePermission('customers:write')
  @Post('messages/:id/send-now')
  @HttpCode(200)
  sendOneNow(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
  ): Promise<MessageResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const found = await this.messages.find(manager, id);
      if (!found) throw new NotFoundError('Message');
      if (!(await this.messages.requestSendNow(manager, id)))
        throw new ValidationFailedError([
          { field: 'id', reason: `is ${found.status}, not waiting to be sent` },
        ]);
      return (await this.messages.find(manager, id)) ?? found;
    });
  }

  /** The emails planned or sent about one order, with the business's time zone to read their times in. */
  @RequirePermission('orders:read')
  @Get('orders/:id/follow-ups')
  async orderFollowUps(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
  ): Promise<OrderFollowUpsResponse> {
    const found = await this.database.transaction(tenantId, (manager) => this.messages.forOrder(manager, id));
    if (!found) throw new NotFoundError('Order');
    return found;
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

/** Conditions as stored: names trimmed, empty lists and blank amounts left out. */
function normalConditions(conditions: AutomationConditions): AutomationConditions {
  const list = (names?: string[]) => names?.map((name) => name.trim()).filter(Boolean);
  const normal: AutomationConditions = {
    orderNumber: conditions.orderNumber,
    productNames: list(conditions.productNames),
    minTotal: conditions.minTotal,
    maxTotal: conditions.maxTotal,
    tags: list(conditions.tags),
    locales: conditions.locales,
  };
  return Object.fromEntries(
    Object.entries(normal).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  );
}

/** The rule's delay in minutes (undefined when not given); every problem of its settings, by field. */
function checkedMinutes(body: {
  delay?: { amount: number; unit: DelayUnit };
  conditions?: AutomationConditions;
}): number | undefined {
  const minutes = body.delay ? delayMs(body.delay) / 60_000 : undefined;
  const problems = body.conditions === undefined ? [] : conditionsProblems(body.conditions);
  if (minutes !== undefined && minutes > MAX_DELAY_MINUTES)
    problems.unshift({ field: 'delay', reason: 'must be at most a year' });
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return minutes;
}

async function assertSurvey(manager: TenantManager, surveyId: string | null | undefined): Promise<void> {
  if (!surveyId) return;
  const [survey] = await manager.query(`SELECT 1 FROM surveys WHERE tenant_id = $1 AND id = $2`, [
    tenantIdOf(manager),
    surveyId,
  ]);
  if (!survey)
    throw new ValidationFailedError([{ field: 'surveyId', reason: 'is not a survey of this business' }]);
}
