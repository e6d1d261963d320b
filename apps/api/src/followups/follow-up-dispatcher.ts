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

const BATCH = 50;

/** What a batch reads once per business: the templates in force and the surveys' versions. */
interface BatchLookups {
  templates: TemplateLookups;
  surveys: Map<string, Promise<SurveyVersion | null>>;
}
/**
 * Messages of a batch handled at once. Most of a message's time is waiting (on the database and on the
 * provider), so a few in flight multiply throughput; each holds one pooled connection meanwhile.
 */
const CONCURRENCY = 4;
const LEASE = '5 minutes';
const MAX_ATTEMPTS = 6;
const SENT_STATUSES = ['sent', 'delivered', 'opened', 'clicked'];

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
 * Sends the follow-ups that are due. Claims a batch across businesses (`claim_due_messages`, SKIP LOCKED
 * with a lease, so any number of replicas may run it), then handles a few at a time, each inside its own
 * business, holding the buyer's row so no two messages to one buyer pass the journey cap together. It re-checks
 * the buyer's subscription, the order, the pause, the send window and the journey cap just before sending.
 * After a crash, messages leased but not marked are claimed again when the lease runs out; those whose
 * send was in flight (at most CONCURRENCY per process) may go twice, and the provider's events (carrying
 * the message id) tell which.
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
      const claimed: { tenant_id: string; message_id: string; customer_id: string }[] =
        await this.dataSource.query(
          `SELECT tenant_id, message_id, customer_id FROM claim_due_messages($1, $2, $3::interval)`,
          [now, BATCH, LEASE],
        );
      if (claimed.length === 0) return handled;
      // One lane per buyer, in due order: a buyer's second message waits for the first, so the journey cap
      // holds back the later one. Lanes run side by side.
      const lanes = new Map<string, { tenant_id: string; message_id: string }[]>();
      for (const item of claimed) {
        const key = `${item.tenant_id}:${item.customer_id}`;
        const lane = lanes.get(key);
        if (lane) lane.push(item);
        else lanes.set(key, [item]);
      }
      const queue = [...lanes.values()];
      // Each business's template is read once per batch; a template saved meanwhile applies from the next.
      const lookups: BatchLookups = { templates: new Map(), surveys: new Map() };
      const worker = async (): Promise<void> => {
        for (let lane = queue.shift(); lane; lane = queue.shift()) {
          for (const { tenant_id: tenantId, message_id: messageId } of lane) {
            await this.database.transaction(tenantId, (manager) =>
              this.handle(manager, messageId, now, lookups),
            );
            handled += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    }
  }

  private async handle(
    manager: TenantManager,
    messageId: string,
    now: Date,
    lookups: BatchLookups,
  ): Promise<void> {
    const [message]: DueMessage[] = await manager.query(
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
        WHERE m.tenant_id = $1 AND m.id = $2 AND m.status = 'sending'
          FOR UPDATE OF m, c`,
      [tenantIdOf(manager), messageId],
    );
    if (!message) return;
    if (message.subscription_state !== 'subscribed')
      return this.close(
        manager,
        message.id,
        'skipped',
        `skipped: the buyer is ${message.subscription_state}`,
      );
    if (message.kind === 'case-reply') return this.send(manager, message, now, lookups);
    if (message.is_answered) return this.close(manager, message.id, 'skipped', 'skipped: the buyer answered');
    if (message.order_status === 'cancelled' || message.order_status === 'refunded') {
      return this.close(manager, message.id, 'cancelled', `cancelled: the order was ${message.order_status}`);
    }
    if (message.paused_at)
      return this.reschedule(
        manager,
        message.id,
        new Date(now.getTime() + 3_600_000),
        'waiting: sending is paused',
      );
    const zone = message.time_zone ?? message.business_time_zone;
    const opensAt = nextSendTime(now, message.send_window, zone, spreadOf(message.id));
    if (opensAt.getTime() > now.getTime())
      return this.reschedule(manager, message.id, opensAt, 'waiting for the send window');
    const history: { kind: MessageKind; sent_at: Date }[] = await manager.query(
      `SELECT kind, sent_at FROM messages
        WHERE tenant_id = $1 AND customer_id = $2 AND status = ANY($3) AND sent_at IS NOT NULL AND kind <> 'case-reply'`,
      [tenantIdOf(manager), message.customer_id, SENT_STATUSES],
    );
    const cap = capDecision(
      message.kind as MessageKind,
      history.map((row) => ({ kind: row.kind, sentAt: new Date(row.sent_at) })),
      now,
    );
    if (cap.action === 'skip') return this.close(manager, message.id, 'skipped', cap.reason);
    if (cap.action === 'postpone') return this.reschedule(manager, message.id, cap.until, cap.reason);
    await this.send(manager, message, now, lookups);
  }

  private async send(
    manager: TenantManager,
    message: DueMessage,
    now: Date,
    lookups: BatchLookups,
  ): Promise<void> {
    const { token, hash } = newTenantToken(tenantIdOf(manager));
    const unsubscribeUrl = `${this.config.publicUrl}/api/u/${token}`;
    const locale = templateLocale(message.buyer_locale, message.locale);
    const answerUrl = `${this.config.publicUrl}/api/a/${token}`;
    const carried =
      message.kind === 'opinion-request' || message.kind === 'reminder'
        ? await this.surveyOf(manager, message, lookups)
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
      email =
        message.kind === 'case-reply'
          ? caseReplyEmail(message, context, message.subject ?? '', message.body_text ?? '', locale)
          : await this.templates.render(manager, message.kind, locale, context, lookups.templates);
    } catch (error) {
      // A template that no longer renders is the business's to fix; the message says why it did not go.
      const reason = error instanceof Error ? error.message : String(error);
      return this.close(
        manager,
        message.id,
        'failed',
        `the template did not render: ${reason}`,
        'last_error',
      );
    }
    const fromAddress = message.sender_email ?? this.config.mail.from.replace(/^.*<|>.*$/g, '');
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
      await manager.query(
        `UPDATE messages SET status = 'sent', sent_at = $3, provider_message_id = $4, to_email = $5, subject = $6,
                unsubscribe_token_hash = $7, survey_version_id = $8, lease_until = NULL, skip_reason = NULL,
                last_error = NULL, updated_at = now()
          WHERE tenant_id = $1 AND id = $2`,
        [
          tenantIdOf(manager),
          message.id,
          now,
          sent.providerMessageId,
          message.email,
          email.subject,
          hash,
          carried?.id ?? null,
        ],
      );
      if (message.kind === 'opinion-request' && carried && message.reminder_days > 0) {
        await this.planReminder(manager, message, carried.id, now);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentMailError || message.attempts >= MAX_ATTEMPTS) {
        await this.close(manager, message.id, 'failed', reason, 'last_error');
      } else {
        const retryAt = new Date(now.getTime() + Math.min(3_600_000, 60_000 * 2 ** message.attempts));
        await manager.query(
          `UPDATE messages SET status = 'scheduled', due_at = $3, last_error = $4, lease_until = NULL, updated_at = now()
            WHERE tenant_id = $1 AND id = $2`,
          [tenantIdOf(manager), message.id, retryAt, reason],
        );
      }
    }
  }

  /**
   * The survey version the message carries: a reminder's own, else the current version of its rule's survey.
   * Read once per batch and business, as templates are.
   */
  private surveyOf(
    manager: TenantManager,
    message: DueMessage,
    lookups: BatchLookups,
  ): Promise<SurveyVersion | null> {
    const { carried_version_id: versionId, rule_survey_id: surveyId } = message;
    const key = versionId ? `version:${versionId}` : `current:${tenantIdOf(manager)}:${surveyId}`;
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

  /** At most one reminder per opinion request, N days on; it is dropped if the buyer answers first. */
  private async planReminder(
    manager: TenantManager,
    message: DueMessage,
    surveyVersionId: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at, reminder_of, survey_version_id)
       SELECT tenant_id, customer_id, order_id, 'reminder', 'scheduled', $3::timestamptz + make_interval(days => $4), id,
              $5
         FROM messages WHERE tenant_id = $1 AND id = $2
       ON CONFLICT (tenant_id, reminder_of) WHERE reminder_of IS NOT NULL DO NOTHING`,
      [tenantIdOf(manager), message.id, now, message.reminder_days, surveyVersionId],
    );
  }

  private async close(
    manager: TenantManager,
    id: string,
    status: 'skipped' | 'cancelled' | 'failed',
    reason: string,
    column: 'skip_reason' | 'last_error' = 'skip_reason',
  ): Promise<void> {
    await manager.query(
      `UPDATE messages SET status = $3, ${column} = $4, lease_until = NULL, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id, status, reason],
    );
  }

  private async reschedule(manager: TenantManager, id: string, at: Date, reason: string): Promise<void> {
    await manager.query(
      `UPDATE messages SET status = 'scheduled', due_at = $3, skip_reason = $4, lease_until = NULL, attempts = greatest(attempts - 1, 0),
              updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id, at, reason],
    );
  }
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
