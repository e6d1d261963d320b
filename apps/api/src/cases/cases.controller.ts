import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  CaseAssigneeResponse,
  CaseDetailResponse,
  CaseResponse,
  Page,
  ResponseTimeFigures,
  ResponseTimesResponse,
} from '@rapport/domain';
import { AnswersRepository } from '../answers/answers.repository';
import { CurrentTenant, CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { UserPrincipal } from '../auth/principal';
import { NotFoundError, ValidationFailedError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { queryRows } from '../database/query-rows';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { CasesRepository } from './cases.repository';
import {
  CaseListQueryDto,
  CaseNoteDto,
  ResponseTimesQueryDto,
  TakeCasesDto,
  UpdateCaseDto,
} from './dto/cases.dto';

const STATUS_WORDS = { open: 'open', waiting: 'waiting for the customer', resolved: 'resolved' } as const;

/** The cases of unhappy buyers: the queue, one case with its history, notes, replies and status. */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly cases: CasesRepository,
    private readonly answers: AnswersRepository,
  ) {}

  @RequirePermission('cases:work')
  @Get()
  list(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Query() query: CaseListQueryDto,
  ): Promise<Page<CaseResponse>> {
    return this.database.transaction(tenantId, (manager) =>
      this.cases.list(manager, query, user.userId, new Date()),
    );
  }

  /**
   * Time to first reply and to resolution of the cases opened in [from, to) (default: the last 30 days), for
   * the business and per assignee: what the weekly report shows.
   */
  @RequirePermission('cases:work')
  @Get('response-times')
  responseTimes(
    @CurrentTenant() tenantId: string,
    @Query() query: ResponseTimesQueryDto,
  ): Promise<ResponseTimesResponse> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from.getTime() >= to.getTime())
      throw new ValidationFailedError([{ field: 'from', reason: 'must be before to' }]);
    return this.database.transaction(tenantId, async (manager) => {
      const rows = await queryRows<{
        assignee_id: string | null;
        name: string | null;
        is_total: boolean;
        opened: number;
        replied: number;
        resolved: number;
        overdue: number;
        first_reply: number | null;
        resolve: number | null;
      }>(
        manager,
        `SELECT k.assignee_id, u.name, GROUPING(k.assignee_id) = 1 AS is_total, count(*)::int AS opened,
                count(k.first_reply_at)::int AS replied, count(k.resolved_at)::int AS resolved,
                count(*) FILTER (WHERE coalesce(k.first_reply_at, k.resolved_at, now()) > k.due_at)::int AS overdue,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM k.first_reply_at - k.created_at) / 60) AS first_reply,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM k.resolved_at - k.created_at) / 60) AS resolve
           FROM cases k LEFT JOIN users u ON u.id = k.assignee_id
          WHERE k.tenant_id = $1 AND k.created_at >= $2 AND k.created_at < $3
          GROUP BY GROUPING SETS ((k.assignee_id, u.name), ())
          ORDER BY u.name NULLS LAST`,
        [tenantIdOf(manager), from, to],
      );
      const figures = (row: (typeof rows)[number] | undefined): ResponseTimeFigures => ({
        opened: row?.opened ?? 0,
        replied: row?.replied ?? 0,
        resolved: row?.resolved ?? 0,
        overdue: row?.overdue ?? 0,
        medianFirstReplyMinutes:
          row?.first_reply === null || row?.first_reply === undefined ? null : Math.round(row.first_reply),
        medianResolveMinutes:
          row?.resolve === null || row?.resolve === undefined ? null : Math.round(row.resolve),
      });
      const total = rows.find((row) => row.is_total);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        business: figures(total),
        members: rows
          .filter((row) => !row.is_total && row.assignee_id !== null)
          .map((row) => ({ id: row.assignee_id as string, name: row.name ?? '', ...figures(row) })),
      };
    });
  }

  /** Who can be given a case: every member, and whether they take cases in the round robin. */
  @RequirePermission('cases:work')
  @Get('assignees')
  assignees(@CurrentTenant() tenantId: string): Promise<CaseAssigneeResponse[]> {
    return this.database.transaction(tenantId, async (manager) => {
      const rows = await queryRows<{ user_id: string; name: string; role: string; takes_cases: boolean }>(
        manager,
        `SELECT m.user_id, u.name, m.role, m.takes_cases FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.tenant_id = $1 ORDER BY u.name`,
        [tenantIdOf(manager)],
      );
      return rows.map((row) => ({
        id: row.user_id,
        name: row.name,
        isOwner: row.role === 'owner',
        takesCases: row.takes_cases,
      }));
    });
  }

  /** The signed-in member joins or leaves the round robin of new cases. */
  @RequirePermission('cases:work')
  @Put('assignees/me')
  async takeCases(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Body() body: TakeCasesDto,
  ): Promise<CaseAssigneeResponse[]> {
    await this.database.transaction(tenantId, (manager) =>
      manager.query(`UPDATE memberships SET takes_cases = $3 WHERE tenant_id = $1 AND user_id = $2`, [
        tenantIdOf(manager),
        user.userId,
        body.takesCases,
      ]),
    );
    return this.assignees(tenantId);
  }

  @RequirePermission('cases:work')
  @Get(':id')
  get(@CurrentTenant() tenantId: string, @Param('id', ParseId()) id: string): Promise<CaseDetailResponse> {
    return this.database.transaction(tenantId, (manager) => this.detail(manager, id));
  }

  /** Status (resolving needs a reason), assignee. Each change is written into the case's history. */
  @RequirePermission('cases:work')
  @Patch(':id')
  update(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Param('id', ParseId()) id: string,
    @Body() body: UpdateCaseDto,
  ): Promise<CaseDetailResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const current = await this.cases.find(manager, id, new Date());
      if (!current) throw new NotFoundError('Case');
      const authorId = user.userId;
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
        await manager.query(
          `UPDATE cases SET assignee_id = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
          [tenantIdOf(manager), id, body.assigneeId],
        );
        await this.cases.addEntry(manager, id, { kind: 'status', authorId, body: `Assigned to ${name}` });
      }
      if (body.status && body.status !== current.status) {
        const resolution = body.resolution?.trim() ?? '';
        if (body.status === 'resolved' && resolution === '')
          throw new ValidationFailedError([
            { field: 'resolution', reason: 'says how the case was resolved' },
          ]);
        await manager.query(
          `UPDATE cases SET status = $3, resolution = $4,
                  resolved_at = CASE WHEN $3 = 'resolved' THEN now() END, updated_at = now()
            WHERE tenant_id = $1 AND id = $2`,
          [tenantIdOf(manager), id, body.status, body.status === 'resolved' ? resolution : null],
        );
        await this.cases.addEntry(manager, id, {
          kind: 'status',
          authorId,
          body: `Marked ${STATUS_WORDS[body.status]}${body.status === 'resolved' ? `: ${resolution}` : ''}`,
        });
      }
      return this.detail(manager, id);
    });
  }

  @RequirePermission('cases:work')
  @Post(':id/notes')
  @HttpCode(201)
  addNote(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Param('id', ParseId()) id: string,
    @Body() body: CaseNoteDto,
  ): Promise<CaseDetailResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      if (!(await this.cases.find(manager, id, new Date()))) throw new NotFoundError('Case');
      await this.cases.addEntry(manager, id, { kind: 'note', authorId: user.userId, body: body.body.trim() });
      return this.detail(manager, id);
    });
  }

  /**
   * Replies to the buyer by email, in the business's colours, through the outbox (so it is sent once, and
   * retried if the provider is down). Their answer to it comes back into this case. The case then waits for
   * the customer.
   */
  @RequirePermission('cases:work')
  @Post(':id/replies')
  @HttpCode(201)
  reply(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Param('id', ParseId()) id: string,
    @Body() body: CaseNoteDto,
  ): Promise<CaseDetailResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const found = await this.cases.find(manager, id, new Date());
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
      const text = body.body.trim();
      const subject = buyer?.subject
        ? `Re: ${buyer.subject.replace(/^re:\s*/i, '')}`
        : `A message from ${buyer?.name ?? ''}`;
      const [message] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at, case_id, body_text, subject)
         VALUES ($1, $2, $3, 'case-reply', 'scheduled', now(), $4, $5, $6) RETURNING id`,
        [tenantIdOf(manager), found.customer.id, found.orderId, id, text, subject],
      );
      await this.cases.addEntry(manager, id, {
        kind: 'reply',
        authorId: user.userId,
        body: text,
        messageId: message?.id,
      });
      await manager.query(
        `UPDATE cases SET first_reply_at = coalesce(first_reply_at, now()),
                status = CASE WHEN status = 'open' THEN 'waiting' ELSE status END, updated_at = now()
          WHERE tenant_id = $1 AND id = $2`,
        [tenantIdOf(manager), id],
      );
      return this.detail(manager, id);
    });
  }

  private async detail(manager: TenantManager, id: string): Promise<CaseDetailResponse> {
    const found = await this.cases.find(manager, id, new Date());
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
