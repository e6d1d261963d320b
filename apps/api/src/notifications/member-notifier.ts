import { Injectable, type OnModuleInit } from '@nestjs/common';
import { deliveryFor, isNotificationKind, nextSummaryAt } from '@rapport/domain';
import { AccountsRepository } from '../accounts/accounts.repository';
import { BusinessEventsRepository, type BusinessEventRow } from '../events/business-events.repository';
import type { MemberNoticesJob } from '../events/event-log';
import { JobQueue } from '../jobs/job-queue';
import { AccountEmails } from '../mail/account-emails';
import { type TenantManager, TenantDatabase } from '../tenancy/tenant-database';
import { MemberNoticesRepository } from './member-notices.repository';
import { NoticeDetailsRepository } from './notice-details.repository';
import { longMoment, type NoticeBusiness, NoticeMail } from './notice-mail';
import { NotificationSettingsRepository } from './notification-settings.repository';

/** One instant email owed to a member. */
export interface MemberEmailJob {
  tenantId: string;
  noticeId: string;
}

/** A member's daily summary, due at their hour. */
export interface MemberSummaryJob {
  tenantId: string;
  userId: string;
  /** When it was planned for: a member who since chose another hour gets it at the new one. */
  at?: string;
}

/** A summary job that has not sent its notices after this long is taken for lost, and another is made. */
const LOST_SUMMARY_MS = 26 * 3_600_000;

/** Events older than this when their job runs (a queue that stood still for days) tell no one. */
const STALE_EVENT_MS = 24 * 3_600_000;

/**
 * Events written down this long after they happened (a demo's history, an import of past enquiries) tell
 * no one either: they are the past, told to the console, not news for anyone's inbox.
 */
const LATE_RECORD_MS = 3_600_000;
/**
 * Tells the members of a business what happened, as each chose (docs/notifications.md): for each event,
 * one notice per member who hears of it, sent at once or kept for their daily summary. Each step is a job
 * of the queue, so a notice survives a crash; each notice is marked sent in the transaction that sends it,
 * so only a crash between the email leaving and that commit can send it twice.
 */
@Injectable()
export class MemberNotifier implements OnModuleInit {
  constructor(
    private readonly database: TenantDatabase,
    private readonly jobs: JobQueue,
    private readonly events: BusinessEventsRepository,
    private readonly settings: NotificationSettingsRepository,
    private readonly notices: MemberNoticesRepository,
    private readonly details: NoticeDetailsRepository,
    private readonly accounts: AccountsRepository,
    private readonly mail: NoticeMail,
    private readonly emails: AccountEmails,
  ) {}

  onModuleInit(): void {
    this.jobs.work<MemberNoticesJob>('member-notices', (job) => this.decide(job.data), 2);
    this.jobs.work<MemberEmailJob>('member-email', (job) => this.sendInstant(job.data), 2);
    this.jobs.work<MemberSummaryJob>('member-summary', (job) => this.sendSummary(job.data));
  }

  /** Who hears of one event and how: a notice each, with the job that sends it. */
  async decide(job: MemberNoticesJob, now: Date = new Date()): Promise<void> {
    await this.database.transaction(job.tenantId, async (manager) => {
      const event = await this.events.find(manager, job.eventId);
      if (!event || !isNotificationKind(event.type)) return;
      if (now.getTime() - event.occurred_at.getTime() > STALE_EVENT_MS) return;
      if (event.recorded_at.getTime() - event.occurred_at.getTime() > LATE_RECORD_MS) return;
      // An imported enquiry is history the business already knew of, not someone waiting for an answer.
      if (event.type === 'enquiry.received' && event.data['source'] === 'csv') return;
      const kind = event.type;
      const assigneeId = await this.assigneeOf(manager, event);
      const business = await this.business(manager);
      const actorId = typeof event.data['actorId'] === 'string' ? event.data['actorId'] : null;
      for (const member of await this.settings.members(manager)) {
        // Nobody is told of what they did themselves (a case they took, a case they resolved).
        if (member.user_id === actorId) continue;
        const delivery = deliveryFor({
          role: member.role,
          takesCases: member.takes_cases,
          choices: member.choices,
          kind,
          isAssignee: assigneeId !== null && assigneeId === member.user_id,
        });
        if (delivery === 'none') continue;
        const noticeId = await this.notices.add(manager, {
          eventId: event.id,
          userId: member.user_id,
          delivery,
        });
        if (!noticeId) continue;
        if (delivery === 'instant') {
          await this.jobs.sendWithin<MemberEmailJob>(manager, 'member-email', {
            tenantId: job.tenantId,
            noticeId,
          });
          continue;
        }
        await this.notices.lockSummary(manager, member.user_id);
        const oldest = await this.notices.oldestWaitingSummary(manager, member.user_id, noticeId);
        if (oldest && now.getTime() - oldest.getTime() < LOST_SUMMARY_MS) continue;
        await this.planSummary(manager, job.tenantId, member.user_id, now, {
          hour: member.summary_hour,
          timeZone: member.time_zone ?? business.timeZone,
        });
      }
    });
  }

  async sendInstant(job: MemberEmailJob): Promise<void> {
    await this.database.transaction(job.tenantId, async (manager) => {
      const notice = await this.notices.takeInstant(manager, job.noticeId);
      if (!notice) return;
      await this.mail.send(manager, notice, await this.business(manager));
      await this.notices.markSent(manager, [notice.id], new Date());
    });
  }

  private async planSummary(
    manager: TenantManager,
    tenantId: string,
    userId: string,
    now: Date,
    clock: { hour: number; timeZone: string },
  ): Promise<void> {
    const at = nextSummaryAt(now, clock.hour, clock.timeZone);
    await this.jobs.sendWithin<MemberSummaryJob>(
      manager,
      'member-summary',
      { tenantId, userId, at: at.toISOString() },
      { startAfter: at },
    );
  }

  /** Everything waiting for the member's summary, in one email; nothing when nothing waits. */
  async sendSummary(job: MemberSummaryJob, now: Date = new Date()): Promise<void> {
    await this.database.transaction(job.tenantId, async (manager) => {
      await this.notices.lockSummary(manager, job.userId);
      const business = await this.business(manager);
      const member = await this.settings.member(manager, job.userId);
      if (!member) return;
      const timeZone = member.time_zone ?? business.timeZone;
      if (job.at) {
        // Planned before the member chose another hour or zone: it goes at the new one, if still ahead.
        const planned = new Date(job.at);
        const wanted = nextSummaryAt(new Date(planned.getTime() - 60_000), member.summary_hour, timeZone);
        if (wanted.getTime() !== planned.getTime() && wanted.getTime() > now.getTime()) {
          await this.planSummary(manager, job.tenantId, job.userId, new Date(wanted.getTime() - 60_000), {
            hour: member.summary_hour,
            timeZone,
          });
          return;
        }
      }
      const waiting = await this.notices.takeSummary(manager, job.userId);
      const [first] = waiting;
      if (!first) return;
      await this.emails.sendDailySummary({
        to: first.email,
        businessName: business.name,
        items: waiting.map((notice) => {
          const written = this.mail.noticeOf(notice, business, timeZone);
          return { ...written, at: longMoment(notice.occurred_at, timeZone) };
        }),
      });
      await this.notices.markSent(
        manager,
        waiting.map((notice) => notice.id),
        new Date(),
      );
    });
  }

  /** The member whose case an event is about: named by the event, or the case's assignee now. */
  private async assigneeOf(manager: TenantManager, event: BusinessEventRow): Promise<string | null> {
    const named = event.data['assigneeId'];
    if (typeof named === 'string') return named;
    const caseId = event.data['caseId'];
    return typeof caseId === 'string' ? this.details.caseAssignee(manager, caseId) : null;
  }

  private async business(manager: TenantManager): Promise<NoticeBusiness> {
    const tenant = await this.accounts.findTenant(manager);
    return { name: tenant?.name ?? 'your business', timeZone: tenant?.timeZone ?? 'UTC' };
  }
}
