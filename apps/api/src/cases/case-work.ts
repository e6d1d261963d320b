import { EventLog } from '../events/event-log';
import { Injectable } from '@nestjs/common';
import type { CaseDetailResponse, CaseStatus, UpdateCaseRequest } from '@rapport/domain';
import { AnswersRepository } from '../answers/answers.repository';
import { queryRows } from '../database/query-rows';
import { NotFoundError, ValidationFailedError } from '../errors/app-error';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { CasesRepository } from './cases.repository';
import { OutboxRepository } from '../outbox/outbox.repository';

const STATUS_WORDS = { open: 'open', waiting: 'waiting for the customer', resolved: 'resolved' } as const;

/**
 * What staff do on a case: change its status or assignee, reply to the buyer, and read it whole. Each change
 * happens `at` a time, the present unless a history is being written (the demo business's ten weeks).
 */
@Injectable()
export class CaseWork {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly cases: CasesRepository,
    private readonly answers: AnswersRepository,
    private readonly events: EventLog,
  ) {}

  async update(
    manager: TenantManager,
    id: string,
    authorId: string,
    body: UpdateCaseRequest,
    at: Date = new Date(),
  ): Promise<CaseDetailResponse> {
    const current = await this.cases.find(manager, id, at);
    if (!current) throw new NotFoundError('Case');
    if (body.assigneeId !== undefined && body.assigneeId !== (current.assignee?.id ?? null)) {
      let name = 'nobody';
      if (body.assigneeId !== null) {
        const [member] = await queryRows<{ name: string }>(
          manager,
          `SELECT u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 AND m.user_id = $2`,
          [tenantIdOf(manager), body.assigneeId],
        );
        if (!member)
          throw new ValidationFailedError([
            { field: 'assigneeId', reason: 'is not a member of this business' },
          ]);
        name = member.name;
      }
      await this.cases.assign(manager, id, body.assigneeId, at);
      await this.events.record(
        manager,
        'case.assigned',
        { caseId: id, assigneeId: body.assigneeId, actorId: authorId },
        at,
      );
      await this.cases.addEntry(manager, id, { kind: 'status', authorId, body: `Assigned to ${name}` }, at);
    }
    if (body.status && body.status !== current.status) {
      const resolution = body.resolution?.trim() ?? '';
      if (body.status === 'resolved' && resolution === '')
        throw new ValidationFailedError([{ field: 'resolution', reason: 'says how the case was resolved' }]);
      await this.cases.setStatus(manager, id, body.status, resolution, at);
      if (body.status === 'resolved')
        await this.events.record(
          manager,
          'case.resolved',
          { caseId: id, customerId: current.customer.id, resolution, actorId: authorId },
          at,
        );
      if (body.status === 'resolved' && body.askAgainInDays) {
        await this.outbox.planAskAgain(
          manager,
          {
            customerId: current.customer.id,
            orderId: current.orderId,
            surveyVersionId: await this.cases.surveyVersionOf(manager, id),
            caseId: id,
          },
          new Date(at.getTime() + body.askAgainInDays * 86_400_000),
        );
      }
      await this.cases.addEntry(
        manager,
        id,
        {
          kind: 'status',
          authorId,
          body: statusWords(body.status, resolution, body.askAgainInDays ?? null),
        },
        at,
      );
    }
    return this.detail(manager, id, at);
  }

  async reply(
    manager: TenantManager,
    id: string,
    authorId: string,
    body: string,
    at: Date = new Date(),
  ): Promise<CaseDetailResponse> {
    const found = await this.cases.find(manager, id, at);
    if (!found) throw new NotFoundError('Case');
    const [buyer] = await queryRows<{ subscription_state: string; subject: string | null; name: string }>(
      manager,
      `SELECT c.subscription_state, m.subject, t.name
         FROM cases k
         JOIN customers c ON c.tenant_id = k.tenant_id AND c.id = k.customer_id
         JOIN answers a ON a.tenant_id = k.tenant_id AND a.id = k.answer_id
         JOIN messages m ON m.tenant_id = a.tenant_id AND m.id = a.message_id
         JOIN tenants t ON t.id = k.tenant_id
        WHERE k.tenant_id = $1 AND k.id = $2`,
      [tenantIdOf(manager), id],
    );
    if (buyer && buyer.subscription_state !== 'subscribed') {
      throw new ValidationFailedError([
        {
          field: 'body',
          reason: `cannot be emailed: the buyer is ${buyer.subscription_state}; contact them another way and add a note`,
        },
      ]);
    }
    const text = body.trim();
    const subject = buyer?.subject
      ? `Re: ${buyer.subject.replace(/^re:\s*/i, '')}`
      : `A message from ${buyer?.name ?? ''}`;
    const messageId = await this.outbox.planCaseReply(
      manager,
      { customerId: found.customer.id, orderId: found.orderId, caseId: id, text, subject },
      at,
    );
    await this.cases.addEntry(manager, id, { kind: 'reply', authorId, body: text, messageId }, at);
    await this.cases.markReplied(manager, id, at);
    return this.detail(manager, id, at);
  }

  async detail(manager: TenantManager, id: string, at: Date = new Date()): Promise<CaseDetailResponse> {
    const found = await this.cases.find(manager, id, at);
    if (!found) throw new NotFoundError('Case');
    const { answerId, orderId, ...summary } = found;
    const answer = await this.answers.find(manager, answerId);
    if (!answer) throw new NotFoundError('Answer');
    const [order] = orderId
      ? await queryRows<{
          id: string;
          external_id: string;
          placed_at: Date;
          total: string;
          currency: string;
          products: string[];
        }>(
          manager,
          `SELECT o.id, o.external_id, o.placed_at, o.total, o.currency,
                  coalesce((SELECT array_agg(l.product_name ORDER BY l.product_name) FROM order_lines l
                             WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id), '{}') AS products
             FROM orders o WHERE o.tenant_id = $1 AND o.id = $2`,
          [tenantIdOf(manager), orderId],
        )
      : [];
    return {
      ...summary,
      answer,
      order: order
        ? {
            id: order.id,
            number: order.external_id,
            placedAt: new Date(order.placed_at).toISOString(),
            total: order.total,
            currency: order.currency,
            products: order.products,
          }
        : null,
      entries: await this.cases.entries(manager, id),
    };
  }
}

/** The case's history line for a change of status: "Marked resolved: Refunded. The buyer will be asked again…" */
function statusWords(status: CaseStatus, resolution: string, askAgainInDays: number | null): string {
  if (status !== 'resolved') return `Marked ${STATUS_WORDS[status]}`;
  const again = askAgainInDays
    ? `. The buyer will be asked again in ${askAgainInDays === 1 ? '1 day' : `${askAgainInDays} days`} whether they would now recommend you.`
    : '';
  return `Marked resolved: ${resolution}${again}`;
}
