import { Injectable } from '@nestjs/common';
import {
  type AutomationConditions,
  type AutomationResponse,
  type AutomationRule,
  type AutomationTrigger,
  conditionsProblems,
  ruleProblems,
  delayMs,
  type DelayUnit,
  type MessageResponse,
  type SendNowResponse,
  type UpcomingMessageResponse,
} from '@rapport/domain';
import { AuditLog } from '../audit/audit-log';
import { auditActorOf, type Principal } from '../access/principal';
import { NotFoundError, ValidationFailedError } from '../errors/app-error';
import { MessagesRepository } from '../outbox/messages.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import { SurveysRepository } from '../surveys/surveys.repository';
import type { TenantManager } from '../tenancy/tenant-database';
import { AutomationsRepository, toResponse } from './automations.repository';
import type { CreateAutomationDto, UpdateAutomationDto } from './dto/automations.dto';

/** The longest delay a rule may have (the column's limit). */
const MAX_DELAY_MINUTES = 525_600;

/**
 * What staff do with rules and with the follow-ups waiting to go: change, add and delete rules (each in the
 * audit log), see who a rule writes to next, and send notes or waiting follow-ups now.
 */
@Injectable()
export class AutomationsService {
  constructor(
    private readonly automations: AutomationsRepository,
    private readonly surveys: SurveysRepository,
    private readonly messages: MessagesRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Changes a rule: on or off, its name, its delay, the fallback of an opinion request. Messages already
   * planned keep their time; the change applies to what is planned from now on.
   */
  async update(
    manager: TenantManager,
    principal: Principal,
    id: string,
    body: UpdateAutomationDto,
  ): Promise<AutomationResponse> {
    const minutes = checkedMinutes(body);
    await this.assertSurvey(manager, body.surveyId);
    const current = (await this.automations.list(manager)).find((automation) => automation.id === id);
    if (!current) throw new NotFoundError('Automation');
    assertFits(
      current.kind,
      body.trigger ?? current.trigger,
      body.conditions === undefined ? current.conditions : normalConditions(body.conditions),
    );
    const isFound = await this.automations.update(manager, id, {
      isEnabled: body.isEnabled,
      name: body.name?.trim() || undefined,
      delayMinutes: minutes,
      fallbackAfterPlacedDays: body.fallbackAfterPlacedDays,
      conditions: body.conditions === undefined ? undefined : normalConditions(body.conditions),
      surveyId: body.surveyId,
      trigger: body.trigger,
      stopsWhenCustomer: body.stopsWhenCustomer,
    });
    if (!isFound) throw new NotFoundError('Automation');
    const row = (await this.automations.list(manager)).find((automation) => automation.id === id);
    if (!row) throw new NotFoundError('Automation');
    // The audit trail is also how the getting-started checklist knows the rules were looked at.
    await this.audit.record(manager, auditActorOf(principal), 'automation.updated', row.name, {
      fields: Object.keys(body),
    });
    return toResponse(row);
  }

  /** A new rule, on unless told otherwise; it plans follow-ups for the order events that come from now on. */
  async create(
    manager: TenantManager,
    principal: Principal,
    body: CreateAutomationDto,
  ): Promise<AutomationResponse> {
    const minutes = checkedMinutes(body) ?? 0;
    const conditions = normalConditions(body.conditions ?? {});
    assertFits(body.kind, body.trigger, conditions);
    if (body.kind === 'opinion-request') await this.assertSurvey(manager, body.surveyId);
    const id = await this.automations.create(manager, {
      name: body.name.trim(),
      trigger: body.trigger,
      delayMinutes: minutes,
      fallbackAfterPlacedDays:
        body.trigger === 'order_delivered' ? (body.fallbackAfterPlacedDays ?? null) : null,
      kind: body.kind,
      conditions,
      isEnabled: body.isEnabled ?? true,
      surveyId: body.kind === 'opinion-request' ? (body.surveyId ?? null) : null,
      // A prospect's moment stops once they buy, unless the rule says otherwise.
      stopsWhenCustomer: body.stopsWhenCustomer ?? ['enquiry_received', 'quote_sent'].includes(body.trigger),
    });
    const row = (await this.automations.list(manager)).find((automation) => automation.id === id);
    if (!row) throw new NotFoundError('Automation');
    await this.audit.record(manager, auditActorOf(principal), 'automation.created', row.name);
    return toResponse(row);
  }

  /** Removes a rule; what it planned and did not send yet is cancelled, with the reason. */
  async remove(manager: TenantManager, principal: Principal, id: string): Promise<void> {
    await this.outbox.cancelScheduled(manager, { automationId: id }, 'the rule was deleted');
    const name = await this.automations.remove(manager, id);
    if (name === null) throw new NotFoundError('Automation');
    await this.audit.record(manager, auditActorOf(principal), 'automation.deleted', name);
  }

  /** Who the rule will write to in the next 7 days: the messages it has planned, soonest first. */
  async upcoming(manager: TenantManager, id: string): Promise<UpcomingMessageResponse[]> {
    if (!(await this.automations.exists(manager, id))) throw new NotFoundError('Automation');
    return this.messages.upcoming(manager, id, 7);
  }

  /**
   * Plans a "manual message" to each chosen buyer, due now: the dispatcher sends it at its next tick,
   * within the send window. The journey cap does not hold back a note someone chose to send; a buyer who
   * unsubscribed, bounced or complained is left out with the reason.
   */
  async sendNotes(manager: TenantManager, customerIds: string[]): Promise<SendNowResponse> {
    const ids = [...new Set(customerIds)];
    // Planned inside the transaction: an unknown buyer undoes the whole request.
    const buyers = await this.outbox.planManualNotes(manager, ids);
    if (buyers.length !== ids.length) throw new NotFoundError('Customer');
    return {
      planned: buyers.filter((buyer) => buyer.subscriptionState === 'subscribed').length,
      skipped: buyers
        .filter((buyer) => buyer.subscriptionState !== 'subscribed')
        .map((buyer) => ({ customerId: buyer.id, reason: `the buyer is ${buyer.subscriptionState}` })),
    };
  }

  /**
   * Sends one waiting follow-up at the next dispatch, outside the send window and past the journey gap
   * (a person chose to), recorded in the audit log. Refused for one already sent or stopped, and for a buyer
   * who is no longer subscribed: nothing more goes to them.
   */
  async sendWaitingNow(manager: TenantManager, principal: Principal, id: string): Promise<MessageResponse> {
    const found = await this.messages.find(manager, id);
    if (!found) throw new NotFoundError('Message');
    const outcome = await this.outbox.requestSendNow(manager, id);
    if (outcome === 'not-waiting')
      throw new ValidationFailedError([
        { field: 'id', reason: `is ${found.status}, not waiting to be sent` },
      ]);
    if (outcome === 'not-subscribed')
      throw new ValidationFailedError([
        {
          field: 'id',
          reason: 'goes to a buyer who no longer takes emails (unsubscribed, bounced or complained)',
        },
      ]);
    await this.audit.record(
      manager,
      auditActorOf(principal),
      'message.sent_now',
      `${found.automation ?? found.kind} to ${found.customer.name || found.customer.email}`,
    );
    return (await this.messages.find(manager, id)) ?? found;
  }

  private async assertSurvey(manager: TenantManager, surveyId: string | null | undefined): Promise<void> {
    if (!surveyId) return;
    if (!(await this.surveys.find(manager, surveyId)))
      throw new ValidationFailedError([{ field: 'surveyId', reason: 'is not a survey of this business' }]);
  }
}

/** Refuses a rule whose kind, trigger and conditions do not go together (a thank-you for a missed visit). */
function assertFits(
  kind: AutomationRule['kind'],
  trigger: AutomationTrigger,
  conditions: AutomationConditions,
): void {
  const problems = ruleProblems(kind, trigger, conditions);
  if (problems.length > 0) throw new ValidationFailedError(problems);
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
