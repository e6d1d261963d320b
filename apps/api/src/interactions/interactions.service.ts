import { EventLog } from '../events/event-log';
import { Injectable } from '@nestjs/common';
import {
  caseDueAt,
  type InteractionListQuery,
  type InteractionResponse,
  type InteractionSource,
  type InteractionStatus,
  type InteractionType,
  initialStatus,
  interactionEvents,
  isInteractionStatus,
  isSettled,
  normalizeEmail,
  type Page,
  type UpsertCustomerRequest,
} from '@rapport/domain';
import { BusinessSettingsRepository } from '../accounts/business-settings.repository';
import { CustomersRepository } from '../customers/customers.repository';
import { NotFoundError, ValidationFailedError } from '../errors/app-error';
import { toAmount } from '../orders/money';
import { OutboxRepository } from '../outbox/outbox.repository';
import { ReferralsService } from '../referrals/referrals.service';
import { TenantDatabase, type TenantManager } from '../tenancy/tenant-database';
import { toInteractionResponse } from './interaction-row';
import { type InteractionDetails, InteractionsRepository } from './interactions.repository';

/** An enquiry, a quote or an appointment as any way in sends it, already validated by its DTO. */
export interface InteractionInput {
  externalId: string;
  contact: UpsertCustomerRequest;
  occurredAt?: string;
  subject?: string;
  message?: string;
  amount?: string | number;
  currency?: string;
  validUntil?: string | null;
  startsAt?: string;
  status?: InteractionStatus;
  /** The code of the customer who recommended the business, if the person came with one. */
  referralCode?: string;
  /** When its status was reached, if the sender knows (an imported appointment's end). */
  statusAt?: string;
}

/**
 * Enquiries, quotes and appointments from every way in (API, console, the enquiry form). Identified by
 * (source, type, external id), so sending the same one twice changes nothing; the status only moves along
 * its type's steps, and every step is an event the planner turns into follow-ups.
 */
@Injectable()
export class InteractionsService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly interactions: InteractionsRepository,
    private readonly customers: CustomersRepository,
    private readonly settings: BusinessSettingsRepository,
    private readonly outbox: OutboxRepository,
    private readonly referrals: ReferralsService,
    private readonly events: EventLog,
  ) {}

  async upsertWithin(
    manager: TenantManager,
    source: InteractionSource,
    type: InteractionType,
    input: InteractionInput,
  ): Promise<{ interaction: InteractionResponse; isNew: boolean }> {
    const status = input.status ?? initialStatus(type);
    if (!isInteractionStatus(type, status))
      throw new ValidationFailedError([{ field: 'status', reason: `is not a status of a ${type}` }]);
    const details = detailsOf(type, input);
    if (type === 'enquiry' && details.message === '')
      throw new ValidationFailedError([{ field: 'message', reason: 'must say what they asked' }]);
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
    const existing = await this.interactions.findByExternalId(manager, source, type, input.externalId);
    // One external id is one person's: sent again for someone else, it is a mistake to name, not to merge.
    if (
      existing &&
      existing.customer_email.toLowerCase() !== normalizeEmail(input.contact.email).toLowerCase()
    )
      throw new ValidationFailedError([
        { field: 'contact.email', reason: `is not the person ${input.externalId} was first sent for` },
      ]);
    const { row: contact } = await this.customers.upsert(manager, input.contact);
    await this.referrals.attribute(manager, contact.id, input.referralCode, occurredAt);
    if (existing) {
      await this.interactions.updateDetails(manager, existing.id, details);
      const events = interactionEvents(type, existing.status, status);
      // A sender repeating an older status (booked after completed) is not an error: the newer one stands.
      if (events && events.length > 0) {
        const at = input.statusAt ? new Date(input.statusAt) : new Date();
        await this.move(manager, existing.id, type, status, events, at, source);
      }
      return { interaction: await this.load(manager, existing.id), isNew: false };
    }
    const clock = type === 'enquiry' ? await this.settings.answerClock(manager) : null;
    const id = await this.interactions.insert(manager, {
      customerId: contact.id,
      type,
      source,
      externalId: input.externalId,
      status,
      details,
      occurredAt,
      dueAt: clock ? caseDueAt(occurredAt, clock.caseSettings, clock.timeZone) : null,
    });
    const first = initialStatus(type);
    await this.move(manager, id, type, first, interactionEvents(type, null, first) ?? [], occurredAt, source);
    if (status !== first) {
      // Later steps of one first seen late happened by now at the latest; for an import, when the file
      // says, else when it began.
      const laterAt = input.statusAt
        ? new Date(input.statusAt)
        : source === 'csv'
          ? occurredAt
          : new Date(Math.max(occurredAt.getTime(), Date.now()));
      await this.move(
        manager,
        id,
        type,
        status,
        interactionEvents(type, first, status) ?? [],
        laterAt,
        source,
      );
    }
    if (type === 'enquiry')
      await this.events.record(
        manager,
        'enquiry.received',
        { interactionId: id, customerId: contact.id, source, externalId: input.externalId },
        occurredAt,
      );
    return { interaction: await this.load(manager, id), isNew: true };
  }

  /**
   * The person behind a public form's post: found by email and left as they are, or added. A stranger's
   * post never changes a customer's name, phone or language.
   */
  formContact(
    manager: TenantManager,
    person: { email: string; name: string; phone: string; locale: string },
  ): Promise<{ id: string }> {
    return this.customers.createIfNew(manager, {
      email: person.email,
      name: person.name,
      phone: person.phone || null,
      locale: person.locale,
    });
  }

  hasRecentSame(manager: TenantManager, customerId: string, message: string, now: Date): Promise<boolean> {
    return this.interactions.hasRecentSame(manager, customerId, message, now);
  }

  changeStatus(
    tenantId: string,
    id: string,
    status: InteractionStatus,
    at: Date,
    source: InteractionSource,
  ): Promise<InteractionResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const row = await this.interactions.findById(manager, id, true);
      if (!row) throw new NotFoundError('Interaction');
      if (!isInteractionStatus(row.type, status))
        throw new ValidationFailedError([{ field: 'status', reason: `is not a status of a ${row.type}` }]);
      const events = interactionEvents(row.type, row.status, status);
      if (events === null)
        throw new ValidationFailedError([
          { field: 'status', reason: `cannot go from ${row.status} to ${status}` },
        ]);
      if (at.getTime() < new Date(row.occurred_at).getTime())
        throw new ValidationFailedError([{ field: 'at', reason: 'must not be before it began' }]);
      await this.move(manager, id, row.type, status, events, at, source);
      return this.load(manager, id);
    });
  }

  /**
   * Emails staff's answer to the person who enquired, from the business (replies come back as any reply
   * does), and marks the enquiry answered.
   */
  answer(tenantId: string, id: string, text: string): Promise<InteractionResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const row = await this.interactions.findById(manager, id, true);
      if (!row || row.type !== 'enquiry') throw new NotFoundError('Enquiry');
      const body = text.trim();
      if (!body) throw new ValidationFailedError([{ field: 'text', reason: 'must not be empty' }]);
      const now = new Date();
      await this.outbox.planEnquiryReply(
        manager,
        {
          customerId: row.customer_id,
          interactionId: row.id,
          text: body,
          subject: row.subject ? `Re: ${row.subject}` : '',
        },
        now,
      );
      if (row.status === 'open')
        await this.move(manager, id, 'enquiry', 'answered', ['enquiry_answered'], now, 'console');
      return this.load(manager, id);
    });
  }

  get(tenantId: string, id: string): Promise<InteractionResponse> {
    return this.database.transaction(tenantId, (manager) => this.load(manager, id));
  }

  list(tenantId: string, query: InteractionListQuery): Promise<Page<InteractionResponse>> {
    return this.database.transaction(tenantId, async (manager) => {
      const { rows, nextCursor } = await this.interactions.list(manager, query);
      const answers = await this.interactions.answers(
        manager,
        rows.filter((row) => row.type === 'enquiry').map((row) => row.id),
      );
      return { items: rows.map((row) => toInteractionResponse(row, answers)), nextCursor };
    });
  }

  /** Records the steps; a settled one cancels what still waits for it, a completed job makes a customer. */
  private async move(
    manager: TenantManager,
    id: string,
    type: InteractionType,
    status: InteractionStatus,
    events: ReturnType<typeof interactionEvents> & object,
    at: Date,
    source: string,
  ): Promise<void> {
    await this.interactions.applyEvents(manager, id, status, events, at, source);
    const row = await this.interactions.findById(manager, id);
    if (!row) return;
    if (type === 'appointment' && status === 'completed')
      await this.referrals.becameCustomer(manager, row.customer_id, at);
    if (type !== 'enquiry' && isSettled(type, status))
      await this.outbox.cancelScheduled(
        manager,
        { interactionId: id },
        `the ${type} is ${status.replace('_', ' ')}`,
      );
  }

  private async load(manager: TenantManager, id: string): Promise<InteractionResponse> {
    const row = await this.interactions.findById(manager, id);
    if (!row) throw new NotFoundError('Interaction');
    return toInteractionResponse(row, await this.interactions.answers(manager, [id]));
  }
}

/** The stored details of an interaction of `type`; what does not belong to the type is left empty. */
function detailsOf(type: InteractionType, input: InteractionInput): InteractionDetails {
  return {
    subject: input.subject?.trim() ?? '',
    message: input.message?.trim() ?? '',
    amount: type === 'quote' && input.amount !== undefined ? toAmount(input.amount, 'amount') : null,
    currency: type === 'quote' && input.currency ? input.currency.trim().toUpperCase() : null,
    validUntil: type === 'quote' && input.validUntil ? new Date(input.validUntil) : null,
    startsAt: type === 'appointment' && input.startsAt ? new Date(input.startsAt) : null,
  };
}
