import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  capDecision,
  type MessageKind,
  nextSendTime,
  type OutboxKind,
  type SendWindow,
  type SubscriptionState,
  type BuyerLocale,
  templateLocale,
} from '@rapport/domain';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { newTenantToken } from '../auth/secret-token';
import { replyAddress } from '../replies/reply-address';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PermanentMailError } from '../mail/mail.errors';
import { MailTransport } from '../mail/mail-transport';
import { type TenantManager, TenantDatabase, tenantIdOf } from '../tenancy/tenant-database';
import type { RenderedEmail } from '../templates/template-compiler';
import { SurveysRepository, type SurveyVersion } from '../surveys/surveys.repository';
import { EmailTemplatesService, type TemplateLookups } from '../templates/email-templates.service';
import { caseReplyEmail } from '../templates/case-reply-email';
import { surveyQuestionContext } from '../templates/survey-question';
import { BUSINESS_COLUMNS, type BusinessRow, templateContext } from '../templates/template-context';

/** Messages of one business claimed at once; their buyers' rows are held while they are sent. */
const CLAIM = 50;
/** Businesses read per round, oldest due first; each round claims a batch from every one of them. */
const BUSINESSES_PER_ROUND = 100;
/**
 * Businesses handled at once, and sends at once within each. Most of a message's time is waiting (on the
 * database and the provider), so a few in flight multiply throughput. GROUPS x LANES is also how many
 * emails may be in flight when the process dies: the only ones that can go twice.
 */
const GROUPS = 2;
const LANES = 4;
const LEASE = '5 minutes';
const MAX_ATTEMPTS = 6;
const SENT_STATUSES = ['sent', 'delivered', 'opened', 'clicked'];

/** What a group reads once: the business's templates in force and its surveys' versions. */
interface GroupLookups {
  templates: TemplateLookups;
  surveys: Map<string, Promise<SurveyVersion | null>>;
  /** The lanes share the batch's connection, which takes one query at a time. */
  oneAtATime: <T>(work: () => Promise<T>) => Promise<T>;
}

/** A message that ends without being sent (or waits), written with the group's other outcomes. */
interface Outcome {
  id: string;
  status: 'skipped' | 'cancelled' | 'failed' | 'scheduled';
  reason: string;
  reasonColumn: 'skip_reason' | 'last_error';
  dueAt: Date | null;
  /** A message put back to wait gives back the attempt its claim counted. */
  givesBackAttempt: boolean;
}

interface SentRecord {
  kind: MessageKind;
  sentAt: Date;
}

interface DueMessage extends BusinessRow {
  id: string;
  kind: OutboxKind;
  attempts: number;
  customer_id: string;
  email: string;
  customer_name: string;
  time_zone: string | null;
  buyer_locale: BuyerLocale | null;
  subscription_state: SubscriptionState;
  order_number: string | null;
  order_status: string | null;
  order_total: string | null;
  currency: string | null;
  business_time_zone: string;
  sender_name: string | null;
  sender_email: string | null;
  send_window: SendWindow;
  paused_at: Date | null;
  /** Product names of the order's lines, for the template. */
  products: string[];
  /** The survey version a reminder repeats (set when the message was planned). */
  carried_version_id: string | null;
  /** The survey of the rule that planned the message: an opinion request carries its current version. */
  rule_survey_id: string | null;
  reminder_of: string | null;
  /** A reminder's request was answered already. */
  is_answered: boolean;
  reminder_days: number;
  /** A reply from a case: staff's text and the subject it answers. */
  body_text: string | null;
  subject: string | null;
}

/**
 * Sends the follow-ups that are due, one business at a time. Each round reads which businesses have
 * messages due (ids only: the one cross-business read), claims a batch of each one's messages (SKIP
 * LOCKED with a lease, so any number of replicas may run it), and handles the batch inside that business,
 * holding its buyers' rows so no two messages to one buyer pass the journey cap together, even from two
 * replicas. It re-checks the buyer's subscription, the order, the pause, the send window and the journey cap
 * just before sending. Each sent message is marked at once by a statement of its own, so after a crash the
 * only messages in doubt are those whose send was in flight (at most GROUPS x LANES per process); they are
 * claimed again when their lease runs out, and the provider's events (carrying the message id) tell which
 * went twice. Messages that end otherwise (skipped, cancelled, waiting, failed) are written with the batch.
 */
@Injectable()
export class FollowUpDispatcher {
  private readonly logger = new Logger(FollowUpDispatcher.name);
  private isRunning = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly database: TenantDatabase,
    private readonly transport: MailTransport,
    private readonly templates: EmailTemplatesService,
    private readonly surveys: SurveysRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval(5000)
  async tick(): Promise<void> {
    if (this.isRunning) return;
    this.isRunning = true;
    try {
      await this.dispatchDue(new Date());
    } catch (error) {
      this.logger.error({ err: error }, 'Dispatching follow-ups failed');
    } finally {
      this.isRunning = false;
    }
  }

  /** Handles every message due at `now`; returns how many it handled. */
  async dispatchDue(now: Date): Promise<number> {
    let handled = 0;
    for (;;) {
      const businesses: { tenant_id: string }[] = await this.dataSource.query(
        `SELECT tenant_id FROM businesses_with_due_messages($1, $2)`,
        [now, BUSINESSES_PER_ROUND],
      );
      const queue = businesses.map((business) => business.tenant_id);
      let round = 0;
      const worker = async (): Promise<void> => {
        for (let tenantId = queue.shift(); tenantId; tenantId = queue.shift()) {
          round += await this.dispatchBusiness(tenantId, now);
        }
      };
      await Promise.all(Array.from({ length: GROUPS }, worker));
      handled += round;
      // Nothing claimable (none due, or another replica holds what is): the next tick looks again.
      if (round === 0) return handled;
    }
  }

  /** Claims and handles one batch of a business's due messages; returns how many it claimed. */
  private async dispatchBusiness(tenantId: string, now: Date): Promise<number> {
    const claimed: { message_id: string; customer_id: string }[] = await this.dataSource.query(
      `SELECT message_id, customer_id FROM claim_business_messages($1, $2, $3, $4::interval)`,
      [tenantId, now, CLAIM, LEASE],
    );
    if (claimed.length === 0) return 0;
    await this.database.transaction(tenantId, async (manager) => {
      const buyers = [...new Set(claimed.map((item) => item.customer_id))];
      await this.holdBuyers(manager, buyers);
      const messages = await this.dueMessages(
        manager,
        claimed.map((item) => item.message_id),
      );
      const history = await this.sentHistory(manager, buyers);
      // One lane per buyer, in due order: a buyer's second message waits for the first, so the journey cap
      // holds back the later one. Lanes run side by side.
      const byId = new Map(messages.map((message) => [message.id, message]));
      const lanes = new Map<string, DueMessage[]>();
      for (const { message_id: id, customer_id: customerId } of claimed) {
        const message = byId.get(id);
        if (!message) continue;
        lanes.set(customerId, [...(lanes.get(customerId) ?? []), message]);
      }
      const queue = [...lanes.values()];
      // Each template and survey version is read once per batch; one saved meanwhile applies from the next.
      const lookups: GroupLookups = { templates: new Map(), surveys: new Map(), oneAtATime: serialQueue() };
      const outcomes: Outcome[] = [];
      const worker = async (): Promise<void> => {
        for (let lane = queue.shift(); lane; lane = queue.shift()) {
          for (const message of lane) {
            const buyerHistory = history.get(message.customer_id) ?? [];
            history.set(message.customer_id, buyerHistory);
            const outcome = await this.handle(manager, message, buyerHistory, now, lookups);
            if (outcome) outcomes.push(outcome);
          }
        }
      };
      await Promise.all(Array.from({ length: LANES }, worker));
      await this.writeOutcomes(manager, outcomes);
    });
    return claimed.length;
  }

  /**
   * Holds the batch's buyers until the batch ends, in id order (two batches never wait on each other in a
   * circle). What is read after this sees whatever another dispatcher did for these buyers before: a message
   * it sent, even one whose lease ran out and was claimed again here, is no longer `sending`.
   */
  private async holdBuyers(manager: TenantManager, customerIds: string[]): Promise<void> {
    await preparedQuery(
      manager,
      'dispatch-hold-buyers',
      `SELECT 1 FROM customers WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
      [tenantIdOf(manager), customerIds],
    );
  }

  /** The claimed messages still to send, with what sending them needs. */
  private dueMessages(manager: TenantManager, ids: string[]): Promise<DueMessage[]> {
    return preparedQuery<DueMessage>(
      manager,
      'dispatch-messages',
      `SELECT m.id, m.kind, m.attempts, m.customer_id, c.email, c.name AS customer_name, c.time_zone,
              c.locale AS buyer_locale, c.subscription_state,
              o.external_id AS order_number, o.status AS order_status, o.total AS order_total, o.currency,
              ${BUSINESS_COLUMNS}, t.time_zone AS business_time_zone, t.sender_name, t.sender_email,
              t.send_window, t.paused_at, t.reminder_days, m.reminder_of, m.body_text, m.subject,
              coalesce((SELECT array_agg(l.product_name ORDER BY l.product_name) FROM order_lines l
                         WHERE l.tenant_id = m.tenant_id AND l.order_id = m.order_id), '{}') AS products,
              m.survey_version_id AS carried_version_id, a.survey_id AS rule_survey_id,
              EXISTS (SELECT 1 FROM answers an WHERE an.tenant_id = m.tenant_id AND an.message_id = m.reminder_of) AS is_answered
         FROM messages m
         JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
         JOIN tenants t ON t.id = m.tenant_id
         LEFT JOIN orders o ON o.tenant_id = m.tenant_id AND o.id = m.order_id
         LEFT JOIN automations a ON a.tenant_id = m.tenant_id AND a.id = m.automation_id
        WHERE m.tenant_id = $1 AND m.id = ANY($2::uuid[]) AND m.status = 'sending'`,
      [tenantIdOf(manager), ids],
    );
  }

  /**
   * What each buyer was sent, for the journey cap. Read after their rows are held, so it includes what
   * another replica sent them just before.
   */
  private async sentHistory(
    manager: TenantManager,
    customerIds: string[],
  ): Promise<Map<string, SentRecord[]>> {
    const rows = await preparedQuery<{ customer_id: string; kind: MessageKind; sent_at: Date }>(
      manager,
      'dispatch-history',
      `SELECT customer_id, kind, sent_at FROM messages
        WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND status = ANY($3) AND sent_at IS NOT NULL
          AND kind <> 'case-reply'`,
      [tenantIdOf(manager), customerIds, SENT_STATUSES],
    );
    const history = new Map<string, SentRecord[]>();
    for (const row of rows) {
      const records = history.get(row.customer_id) ?? [];
      records.push({ kind: row.kind, sentAt: new Date(row.sent_at) });
      history.set(row.customer_id, records);
    }
    return history;
  }

  /** Sends one message or says how it ends instead; a sent message is added to its buyer's history. */
  private async handle(
    manager: TenantManager,
    message: DueMessage,
    history: SentRecord[],
    now: Date,
    lookups: GroupLookups,
  ): Promise<Outcome | null> {
    if (message.subscription_state !== 'subscribed')
      return close(message.id, 'skipped', `skipped: the buyer is ${message.subscription_state}`);
    if (message.kind === 'case-reply') return this.send(manager, message, now, lookups);
    if (message.is_answered) return close(message.id, 'skipped', 'skipped: the buyer answered');
    if (message.order_status === 'cancelled' || message.order_status === 'refunded') {
      return close(message.id, 'cancelled', `cancelled: the order was ${message.order_status}`);
    }
    if (message.paused_at)
      return reschedule(message.id, new Date(now.getTime() + 3_600_000), 'waiting: sending is paused');
    const zone = message.time_zone ?? message.business_time_zone;
    const opensAt = nextSendTime(now, message.send_window, zone, spreadOf(message.id));
    if (opensAt.getTime() > now.getTime())
      return reschedule(message.id, opensAt, 'waiting for the send window');
    const cap = capDecision(message.kind as MessageKind, history, now);
    if (cap.action === 'skip') return close(message.id, 'skipped', cap.reason);
    if (cap.action === 'postpone') return reschedule(message.id, cap.until, cap.reason);
    const outcome = await this.send(manager, message, now, lookups);
    if (!outcome) history.push({ kind: message.kind as MessageKind, sentAt: now });
    return outcome;
  }

  /** Renders and sends one message, marking it sent at once; answers how it ends when it was not sent. */
  private async send(
    manager: TenantManager,
    message: DueMessage,
    now: Date,
    lookups: GroupLookups,
  ): Promise<Outcome | null> {
    const { token, hash } = newTenantToken(tenantIdOf(manager));
    const unsubscribeUrl = `${this.config.publicUrl}/api/u/${token}`;
    const locale = templateLocale(message.buyer_locale, message.locale);
    const answerUrl = `${this.config.publicUrl}/api/a/${token}`;
    const carried =
      message.kind === 'opinion-request' || message.kind === 'reminder'
        ? await lookups.oneAtATime(() => this.surveyOf(manager, message, lookups))
        : null;
    const survey = carried?.definition ?? null;
    const context = templateContext({
      business: message,
      customerName: message.customer_name,
      order:
        message.order_number && message.order_total && message.currency
          ? {
              number: message.order_number,
              total: message.order_total,
              currency: message.currency,
              products: message.products,
            }
          : null,
      locale,
      unsubscribeUrl,
      surveyUrl: survey ? answerUrl : null,
      surveyQuestion: survey ? surveyQuestionContext(survey, locale, message.name, answerUrl) : null,
    });
    let email: RenderedEmail;
    try {
      const { kind } = message;
      email =
        kind === 'case-reply'
          ? caseReplyEmail(message, context, message.subject ?? '', message.body_text ?? '', locale)
          : await lookups.oneAtATime(() =>
              this.templates.render(manager, kind, locale, context, lookups.templates),
            );
    } catch (error) {
      // A template that no longer renders is the business's to fix; the message says why it did not go.
      const reason = error instanceof Error ? error.message : String(error);
      return close(message.id, 'failed', `the template did not render: ${reason}`, 'last_error');
    }
    const fromAddress = message.sender_email ?? this.config.mail.from.replace(/^.*<|>.*$/g, '');
    let providerMessageId: string;
    try {
      const sent = await this.transport.send({
        to: message.email,
        from: `"${(message.sender_name ?? message.name).replace(/"/g, "'")}" <${fromAddress}>`,
        replyTo: replyAddress(tenantIdOf(manager), message.id, this.config.mail.replyDomain),
        subject: email.subject,
        html: withHoneypot(email.html, `${this.config.publicUrl}/api/h/${token}`),
        text: email.text,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
        category: 'follow-up',
        customArgs: { message_id: message.id, tenant_id: tenantIdOf(manager) },
      });
      providerMessageId = sent.providerMessageId;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentMailError || message.attempts >= MAX_ATTEMPTS) {
        return close(message.id, 'failed', reason, 'last_error');
      }
      const retryAt = new Date(now.getTime() + Math.min(3_600_000, 60_000 * 2 ** message.attempts));
      return { ...close(message.id, 'scheduled', reason, 'last_error'), dueAt: retryAt };
    }
    // Its own statement, committed at once (not with the batch): a crash from here on cannot send it again.
    const remindInDays =
      message.kind === 'opinion-request' && carried && message.reminder_days > 0 ? message.reminder_days : 0;
    await this.dataSource.query(`SELECT mark_message_sent($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
      tenantIdOf(manager),
      message.id,
      now,
      providerMessageId,
      message.email,
      email.subject,
      hash,
      carried?.id ?? null,
      remindInDays,
    ]);
    return null;
  }

  /**
   * The survey version the message carries: a reminder's own, else the current version of its rule's survey.
   * Read once per batch, as templates are.
   */
  private surveyOf(
    manager: TenantManager,
    message: DueMessage,
    lookups: GroupLookups,
  ): Promise<SurveyVersion | null> {
    const { carried_version_id: versionId, rule_survey_id: surveyId } = message;
    const key = versionId ? `version:${versionId}` : `current:${surveyId}`;
    let lookup = lookups.surveys.get(key);
    if (!lookup) {
      lookup = versionId
        ? this.surveys.version(manager, versionId)
        : surveyId
          ? this.surveys.current(manager, surveyId)
          : Promise.resolve(null);
      lookups.surveys.set(key, lookup);
    }
    return lookup;
  }

  /** Writes how the batch's unsent messages end, in one statement; never over a message sent meanwhile. */
  private async writeOutcomes(manager: TenantManager, outcomes: Outcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    await preparedQuery(
      manager,
      'dispatch-outcomes',
      `UPDATE messages m
          SET status = o.status, due_at = coalesce(o.due_at, m.due_at),
              skip_reason = CASE WHEN o.reason_column = 'skip_reason' THEN o.reason ELSE m.skip_reason END,
              last_error = CASE WHEN o.reason_column = 'last_error' THEN o.reason ELSE m.last_error END,
              attempts = CASE WHEN o.gives_back THEN greatest(m.attempts - 1, 0) ELSE m.attempts END,
              lease_until = NULL, updated_at = now()
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::boolean[])
              AS o(id, status, reason, reason_column, due_at, gives_back)
        WHERE m.tenant_id = $1 AND m.id = o.id AND m.status = 'sending'`,
      [
        tenantIdOf(manager),
        outcomes.map((o) => o.id),
        outcomes.map((o) => o.status),
        outcomes.map((o) => o.reason),
        outcomes.map((o) => o.reasonColumn),
        outcomes.map((o) => o.dueAt),
        outcomes.map((o) => o.givesBackAttempt),
      ],
    );
  }
}

function close(
  id: string,
  status: Outcome['status'],
  reason: string,
  reasonColumn: Outcome['reasonColumn'] = 'skip_reason',
): Outcome {
  return { id, status, reason, reasonColumn, dueAt: null, givesBackAttempt: false };
}

/** Runs the work given to it one after another, in the order given. */
function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Back to waiting until `at`, without counting an attempt. */
function reschedule(id: string, at: Date, reason: string): Outcome {
  return { id, status: 'scheduled', reason, reasonColumn: 'skip_reason', dueAt: at, givesBackAttempt: true };
}

/**
 * A hidden link no person sees or follows: a request for it comes from a machine (a mail scanner fetching
 * every link), so that message's clicks are not counted as the buyer's.
 */
function withHoneypot(html: string, url: string): string {
  const link = `<a href="${url}" style="display:none;font-size:0;line-height:0;max-height:0;overflow:hidden" aria-hidden="true" tabindex="-1">&#8203;</a>`;
  return html.includes('</body>') ? html.replace('</body>', `${link}</body>`) : `${html}${link}`;
}

/** 0 to 1 from a message id: spreads a waiting queue over the opening minutes of the window. */
function spreadOf(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 8), 16) / 0xffffffff;
}
