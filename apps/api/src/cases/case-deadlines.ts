import { Injectable, type OnModuleInit } from '@nestjs/common';
import { dueSoonAt } from '@rapport/domain';
import { EventLog } from '../events/event-log';
import { JobQueue } from '../jobs/job-queue';
import { type TenantManager, TenantDatabase, tenantIdOf } from '../tenancy/tenant-database';
import { BusinessEventsRepository } from '../events/business-events.repository';
import { CasesRepository } from './cases.repository';

/** One moment of one case's clock: when it is due soon, and when it is overdue. */
export interface CaseDueJob {
  tenantId: string;
  caseId: string;
  moment: 'due_soon' | 'overdue';
  dueAt: string;
}

/**
 * Tells the team a case is due soon and, if still unanswered, overdue: a job of the queue at each moment,
 * made with the case, so no scan of every business is needed and a restart loses none. When the moment
 * comes, the case must still be waiting for the team (open) with the same due time, else nothing is said.
 */
@Injectable()
export class CaseDeadlines implements OnModuleInit {
  constructor(
    private readonly database: TenantDatabase,
    private readonly jobs: JobQueue,
    private readonly cases: CasesRepository,
    private readonly events: EventLog,
    private readonly recorded: BusinessEventsRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.work<CaseDueJob>('case-due', (job) => this.arrive(job.data));
  }

  /** Plans both moments of a case just opened, in the transaction that opens it. */
  async plan(manager: TenantManager, caseId: string, openedAt: Date, dueAt: Date): Promise<void> {
    const base = { tenantId: tenantIdOf(manager), caseId, dueAt: dueAt.toISOString() };
    await this.jobs.sendWithin<CaseDueJob>(
      manager,
      'case-due',
      { ...base, moment: 'due_soon' },
      { startAfter: dueSoonAt(openedAt, dueAt) },
    );
    await this.jobs.sendWithin<CaseDueJob>(
      manager,
      'case-due',
      { ...base, moment: 'overdue' },
      { startAfter: dueAt },
    );
  }

  async arrive(job: CaseDueJob, now: Date = new Date()): Promise<void> {
    // "Due soon" that comes at or after the due time (the queue stood still) would say something false:
    // the overdue moment tells it instead.
    if (job.moment === 'due_soon' && now.getTime() >= new Date(job.dueAt).getTime()) return;
    await this.database.transaction(job.tenantId, async (manager) => {
      const found = await this.cases.deadlineState(manager, job.caseId);
      if (!found || found.status !== 'open' || found.due_at.getTime() !== new Date(job.dueAt).getTime())
        return;
      const type = job.moment === 'due_soon' ? 'case.due_soon' : 'case.overdue';
      // A try that recorded it and died before the queue heard so is not told twice.
      const since = new Date(found.due_at.getTime() - 24 * 3_600_000);
      if (await this.recorded.hasSince(manager, type, { caseId: job.caseId }, since)) return;
      await this.events.record(
        manager,
        type,
        { caseId: job.caseId, assigneeId: found.assignee_id, dueAt: job.dueAt },
        now,
      );
    });
  }
}
