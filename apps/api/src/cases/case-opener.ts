import { EventLog } from '../events/event-log';
import { Injectable } from '@nestjs/common';
import { type CaseSettings, caseDueAt } from '@rapport/domain';
import { queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { CaseDeadlines } from './case-deadlines';
import { CasesRepository } from './cases.repository';
import { LowAnswers, type OpenedCase } from '../answers/low-answers';

/**
 * Opens the case for a low answer: one per answer, assigned round robin among the members who take cases
 * (the one whose latest case is oldest), else to the owner, due within the business's service level in its
 * own hours and time zone. The business row is locked meanwhile, so two answers arriving together do not
 * land on the same person.
 */
@Injectable()
export class CaseOpener extends LowAnswers {
  constructor(
    private readonly cases: CasesRepository,
    private readonly events: EventLog,
    private readonly deadlines: CaseDeadlines,
  ) {
    super();
  }

  async open(
    manager: TenantManager,
    answer: { id: string; customerId: string; orderId: string | null; comment: string | null },
    reasons: string[],
    now: Date,
  ): Promise<OpenedCase | null> {
    const tenantId = tenantIdOf(manager);
    const [business] = await queryRows<{ name: string; time_zone: string; case_settings: CaseSettings }>(
      manager,
      `SELECT name, time_zone, case_settings FROM tenants WHERE id = $1 FOR UPDATE`,
      [tenantId],
    );
    if (!business) return null;
    const [assignee] = await queryRows<{ user_id: string; email: string; name: string }>(
      manager,
      `SELECT m.user_id, u.email, u.name FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND (m.takes_cases OR (m.role = 'owner' AND NOT EXISTS (
                SELECT 1 FROM memberships o WHERE o.tenant_id = m.tenant_id AND o.takes_cases)))
        ORDER BY (SELECT max(c.created_at) FROM cases c WHERE c.tenant_id = m.tenant_id AND c.assignee_id = m.user_id)
                 ASC NULLS FIRST, m.created_at
        LIMIT 1`,
      [tenantId],
    );
    const dueAt = caseDueAt(now, business.case_settings, business.time_zone);
    const opened = await this.cases.open(
      manager,
      {
        answerId: answer.id,
        customerId: answer.customerId,
        orderId: answer.orderId,
        reasons,
        assigneeId: assignee?.user_id ?? null,
        dueAt,
      },
      now,
    );
    if (!opened) return null;
    await this.events.record(
      manager,
      'case.opened',
      {
        caseId: opened.id,
        answerId: answer.id,
        customerId: answer.customerId,
        orderId: answer.orderId,
        reasons,
        assigneeId: assignee?.user_id ?? null,
        dueAt: dueAt.toISOString(),
      },
      now,
    );
    await this.deadlines.plan(manager, opened.id, now, dueAt);
    return {
      caseId: opened.id,
      assignee: assignee ? { email: assignee.email, name: assignee.name } : null,
      businessName: business.name,
      buyerName: opened.buyerName,
      reasons,
      comment: answer.comment,
      dueAt,
      timeZone: business.time_zone,
    };
  }
}
