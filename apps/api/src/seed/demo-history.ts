import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnswersService } from '../answers/answers.service';
import { CaseOpener } from '../cases/case-opener';
import { CaseWork } from '../cases/case-work';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FollowUpDispatcher } from '../automations/follow-up-dispatcher';
import { FollowUpPlanner } from '../automations/follow-up-planner';
import { FollowUpSender } from '../automations/follow-up-sender';
import { OutboxRepository } from '../outbox/outbox.repository';
import { ReplayingBusinesses } from '../automations/replaying-businesses';
import { DevMailboxTransport } from '../mail/dev-mailbox.transport';
import { MailTransport, type OutgoingMail, type SentMail } from '../mail/mail-transport';
import { SurveysRepository } from '../surveys/surveys.repository';
import { TenantDatabase } from '../tenancy/tenant-database';
import { EmailTemplatesService } from '../templates/email-templates.service';
import { type BuyerAnswer, buyerAnswer, caseHandling, chance, unhappyAnswer } from './demo-buyers';
import { DemoRecords, type ReceivedRequest } from './demo-records';
import { ReferralsService } from '../referrals/referrals.service';
import { AnswersRepository } from '../answers/answers.repository';
import { EventLog } from '../events/event-log';
import { CasesRepository } from '../cases/cases.repository';
import { AccountEmails } from '../mail/account-emails';
import { longMoment } from '../notifications/notice-mail';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The link a buyer follows from an opinion request or reminder to answer it. */
const ANSWER_LINK = /\/api\/a\/([A-Za-z0-9_~.-]+)/;
/** Cases this recent are still being worked: some wait for the team, some for the buyer. */
const RECENT_MS = 5 * DAY_MS;

export interface DemoTeam {
  ownerId: string;
  staffId: string;
}

/** Catches the history's emails in the mailbox dated when the history sent them, not today. */
class HistoryMailbox extends MailTransport {
  moment = new Date();

  constructor(private readonly mailbox: DevMailboxTransport) {
    super();
  }

  send(mail: OutgoingMail): Promise<SentMail> {
    return this.mailbox.send({ ...mail, sentAt: this.moment });
  }
}

/** Work to do at a moment of the history, run in time order. */
class Agenda {
  private items: { at: number; run: () => Promise<void> }[] = [];

  add(at: number, run: () => Promise<void>): void {
    this.items.push({ at, run });
    this.items.sort((a, b) => a.at - b.at);
  }

  /** Runs what falls due by `until`, including what that work adds for before `until`. */
  async runUntil(until: number): Promise<void> {
    for (let next = this.items[0]; next && next.at <= until; next = this.items[0]) {
      this.items.shift();
      await next.run();
    }
  }
}

/**
 * Writes the demo business's ten weeks as they would have happened, through the product's own paths, hour
 * by hour: the planner plans each order's follow-ups by its rules, the dispatcher sends what falls due
 * (within the send window, under the journey cap, reminders by the business's schedule), buyers answer
 * through the link in the email they got, a low answer opens a case, and the team replies and resolves.
 * So every figure of the reports and the dashboard is the figure of its rows, and every sent email is in
 * the business's mailbox.
 */
@Injectable()
export class DemoHistory {
  private readonly dispatcher: FollowUpDispatcher;
  private readonly mailbox: HistoryMailbox;
  private readonly answers: AnswersService;
  private readonly alerts: AccountEmails;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly database: TenantDatabase,
    private readonly planner: FollowUpPlanner,
    private readonly caseWork: CaseWork,
    private readonly records: DemoRecords,
    devMailbox: DevMailboxTransport,
    outbox: OutboxRepository,
    caseOpener: CaseOpener,
    templates: EmailTemplatesService,
    surveys: SurveysRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    replaying: ReplayingBusinesses,
    referrals: ReferralsService,
    answerRecords: AnswersRepository,
    events: EventLog,
    private readonly cases: CasesRepository,
  ) {
    // The demo's buyers are made up: their emails stay in the mailbox whichever provider is configured.
    // Built here, not provided: as a provider the scheduler would run its tick for every business.
    this.mailbox = new HistoryMailbox(devMailbox);
    this.alerts = new AccountEmails(this.mailbox, config);
    const sender = new FollowUpSender(this.mailbox, templates, surveys, config);
    this.answers = new AnswersService(outbox, database, caseOpener, referrals, answerRecords, events, config);
    this.dispatcher = new FollowUpDispatcher(dataSource, database, sender, replaying, events);
  }

  /**
   * The email the assignee got when the case opened, dated then: events written by a history tell no one
   * through the notifications (they are the past), so the history sends what its team would have had.
   */
  private async alertAssignee(tenantId: string, caseId: string, at: Date): Promise<void> {
    const alert = await this.database.transaction(tenantId, async (manager) => {
      const found = await this.cases.find(manager, caseId, at);
      const target = found?.assignee ? await this.records.alertTarget(manager, found.assignee.id) : null;
      return found && target ? { found, target } : null;
    });
    if (!alert) return;
    await this.alerts.sendCaseAssigned({
      to: alert.target.email,
      businessName: alert.target.business_name,
      buyerName: alert.found.customer.name,
      reasons: alert.found.reasons,
      comment: alert.found.comment,
      dueAt: longMoment(new Date(alert.found.dueAt), alert.target.time_zone),
      caseId,
    });
  }

  /** Replays the business's history from `from` to `to`; its orders are in, their events unplanned. */
  async replay(tenantId: string, from: Date, to: Date, team: DemoTeam): Promise<void> {
    const agenda = new Agenda();
    const end = to.getTime();
    let hasRecentUnhappy = false;
    for (let at = Math.ceil(from.getTime() / HOUR_MS) * HOUR_MS; at <= end; at += HOUR_MS) {
      await agenda.runUntil(at);
      const moment = new Date(at);
      // Each order's events are planned in the hour they happen: a refund stops only what is still waiting.
      await this.planner.planBusiness(tenantId, moment);
      this.mailbox.moment = moment;
      if ((await this.dispatcher.dispatchBusinessDue(tenantId, moment)) === 0) continue;
      const received = await this.database.transaction(tenantId, (manager) =>
        this.records.received(manager, moment),
      );
      for (const request of received) {
        let answer = buyerAnswer(request.key, request.kind, request.mainProduct);
        // The last days hold one unhappy buyer whatever the dice say: a case still waits for the team.
        const isLastDays = at >= end - RECENT_MS && at + 2 * HOUR_MS <= end;
        if (!hasRecentUnhappy && isLastDays && request.kind === 'opinion-request') {
          const isUnhappyInTime = answer?.band === 'detractor' && at + answer.afterMs <= end;
          if (!isUnhappyInTime) answer = unhappyAnswer(request.key, request.mainProduct);
          hasRecentUnhappy = true;
        }
        const token = ANSWER_LINK.exec(request.emailText)?.[1];
        if (!answer || !token) continue;
        const answeredAt = at + answer.afterMs;
        agenda.add(answeredAt, () =>
          this.answer(tenantId, { request, token, answer, at: answeredAt, end, agenda, team }),
        );
      }
    }
    await agenda.runUntil(end);
  }

  /** The buyer answers from the email's link; when that opens a case, the team takes it up. */
  private async answer(
    tenantId: string,
    work: {
      request: ReceivedRequest;
      token: string;
      answer: BuyerAnswer;
      at: number;
      end: number;
      agenda: Agenda;
      team: DemoTeam;
    },
  ): Promise<void> {
    const { request, answer, at, end, agenda, team } = work;
    const commentField = { promoter: 'q.loved', passive: 'q.comment', detractor: 'q.better' }[answer.band];
    this.mailbox.moment = new Date(at);
    await this.answers.submit(
      work.token,
      { 'q.score': String(answer.score), ...(answer.comment ? { [commentField]: answer.comment } : {}) },
      new Date(at),
    );
    const opened = await this.database.transaction(tenantId, (manager) =>
      this.records.caseOf(manager, request.messageId),
    );
    if (!opened) return;
    await this.alertAssignee(tenantId, opened.id, new Date(at));
    const isRecent = end - at < RECENT_MS;
    // Of the last days' cases, half still wait for the team.
    if (isRecent && chance(request.key, 'untouched') < 0.5) return;
    const handling = caseHandling(request.key);
    const author = opened.assigneeId ?? team.ownerId;
    const repliedAt = at + handling.replyAfterMs;
    agenda.add(repliedAt, async () => {
      await this.database.transaction(tenantId, (manager) =>
        this.caseWork.reply(
          manager,
          opened.id,
          author,
          `Sorry about that, ${request.firstName}. We will make it right.`,
          new Date(repliedAt),
        ),
      );
    });
    if (isRecent) return;
    const resolvedAt = repliedAt + handling.resolveAfterMs;
    agenda.add(resolvedAt, async () => {
      await this.database.transaction(tenantId, (manager) =>
        this.caseWork.update(
          manager,
          opened.id,
          author,
          { status: 'resolved', resolution: handling.resolution },
          new Date(resolvedAt),
        ),
      );
    });
  }
}
