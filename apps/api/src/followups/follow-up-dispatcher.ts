import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  capDecision,
  type MessageKind,
  nextSendTime,
  type SendWindow,
  type SubscriptionState,
  type BuyerLocale,
  templateLocale,
} from '@rapport/domain';
import { DataSource } from 'typeorm';
import { newTenantToken } from '../auth/secret-token';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PermanentMailError } from '../mail/mail.errors';
import { MailTransport } from '../mail/mail-transport';
import { type TenantManager, TenantDatabase, tenantIdOf } from '../tenancy/tenant-database';
import type { RenderedEmail } from '../templates/template-compiler';
import { EmailTemplatesService, type TemplateLookups } from '../templates/email-templates.service';
import { BUSINESS_COLUMNS, type BusinessRow, templateContext } from '../templates/template-context';

const BATCH = 50;
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
  kind: MessageKind;
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
      const lookups: TemplateLookups = new Map();
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
    lookups: TemplateLookups,
  ): Promise<void> {
    const [message]: DueMessage[] = await manager.query(
      `SELECT m.id, m.kind, m.attempts, m.customer_id, c.email, c.name AS customer_name, c.time_zone,
              c.locale AS buyer_locale, c.subscription_state,
              o.external_id AS order_number, o.status AS order_status, o.total AS order_total, o.currency,
              ${BUSINESS_COLUMNS}, t.time_zone AS business_time_zone, t.sender_name, t.sender_email,
              t.send_window, t.paused_at,
              coalesce((SELECT array_agg(l.product_name ORDER BY l.product_name) FROM order_lines l
                         WHERE l.tenant_id = m.tenant_id AND l.order_id = m.order_id), '{}') AS products
         FROM messages m
         JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
         JOIN tenants t ON t.id = m.tenant_id
         LEFT JOIN orders o ON o.tenant_id = m.tenant_id AND o.id = m.order_id
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
      `SELECT kind, sent_at FROM messages WHERE tenant_id = $1 AND customer_id = $2 AND status = ANY($3) AND sent_at IS NOT NULL`,
      [tenantIdOf(manager), message.customer_id, SENT_STATUSES],
    );
    const cap = capDecision(
      message.kind,
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
    lookups: TemplateLookups,
  ): Promise<void> {
    const { token, hash } = newTenantToken(tenantIdOf(manager));
    const unsubscribeUrl = `${this.config.publicUrl}/api/u/${token}`;
    const locale = templateLocale(message.buyer_locale, message.locale);
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
      surveyUrl: null,
    });
    let email: RenderedEmail;
    try {
      email = await this.templates.render(manager, message.kind, locale, context, lookups);
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
        replyTo: `r-${message.id}@${this.config.mail.replyDomain}`,
        subject: email.subject,
        html: email.html,
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
                unsubscribe_token_hash = $7, lease_until = NULL, skip_reason = NULL, last_error = NULL, updated_at = now()
          WHERE tenant_id = $1 AND id = $2`,
        [tenantIdOf(manager), message.id, now, sent.providerMessageId, message.email, email.subject, hash],
      );
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

/** 0 to 1 from a message id: spreads a waiting queue over the opening minutes of the window. */
function spreadOf(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 8), 16) / 0xffffffff;
}
