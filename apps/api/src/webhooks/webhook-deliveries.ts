import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { WebhookPayload } from '@rapport/domain';
import { AccountsRepository } from '../accounts/accounts.repository';
import { BusinessSettingsRepository } from '../accounts/business-settings.repository';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type BusinessEventRow, BusinessEventsRepository } from '../events/business-events.repository';
import type { FanoutJob } from '../events/event-log';
import { eventNotice } from '../events/event-notice';
import { SecretBox } from '../integrations/secret-box';
import { type JobRun, JobQueue } from '../jobs/job-queue';
import { AccountEmails } from '../mail/account-emails';
import { TenantDatabase } from '../tenancy/tenant-database';
import { slackMessage, teamsMessage } from './chat-messages';
import { judgeAnswer } from './chat-answers';
import { postTo } from './outgoing-post';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature';

/** One delivery of one event to one endpoint. */
export interface DeliveryJob {
  tenantId: string;
  deliveryId: string;
}

/** Deliveries that failed for good, one after the other, before an endpoint is paused. */
export const PAUSE_AFTER_FAILURES = 3;

/**
 * Delivers a business's events to its endpoints, at least once: the fan-out job makes one delivery row
 * and job per endpoint (in one transaction), and each delivery job POSTs the signed event. A try that
 * fails is retried by the queue with backoff for about a day (docs/webhooks.md); the last one marks the
 * delivery failed, and an endpoint whose deliveries fail for good three times in a row is paused and its
 * owners are told. A process that dies mid-try leaves its job to be retried: the receiver may get that
 * event twice, with the same event id.
 */
@Injectable()
export class WebhookDeliveries implements OnModuleInit {
  private readonly logger = new Logger(WebhookDeliveries.name);

  constructor(
    private readonly database: TenantDatabase,
    private readonly jobs: JobQueue,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly events: BusinessEventsRepository,
    private readonly secrets: SecretBox,
    private readonly settings: BusinessSettingsRepository,
    private readonly accounts: AccountsRepository,
    private readonly emails: AccountEmails,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.work<FanoutJob>('event-fanout', (job) => this.fanOut(job.data), 2);
    this.jobs.work<DeliveryJob>(
      'webhook-delivery',
      (job) => this.deliver(job),
      this.config.outgoing.concurrency,
    );
    this.jobs.work<DeliveryJob>('webhook-dead', (job) => this.giveUp(job.data));
  }

  /** Makes the event's deliveries and their jobs, together: sent again, it makes none twice. */
  async fanOut(job: FanoutJob): Promise<void> {
    await this.database.transaction(job.tenantId, async (manager) => {
      const event = await this.events.find(manager, job.eventId);
      if (!event) return;
      const deliveries = await this.endpoints.addDeliveries(manager, event.id, event.type, job.endpointId);
      for (const deliveryId of deliveries)
        await this.jobs.sendWithin<DeliveryJob>(
          manager,
          'webhook-delivery',
          { tenantId: job.tenantId, deliveryId },
          this.retries(),
        );
    });
  }

  /** Queues a finished delivery again (the console's "Resend"); a paused endpoint is resumed first. */
  async resend(
    tenantId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<'resent' | 'not-found' | 'paused'> {
    return this.database.transaction(tenantId, async (manager) => {
      const endpoint = await this.endpoints.find(manager, endpointId);
      if (!endpoint) return 'not-found';
      if (endpoint.paused_at) return 'paused';
      if (!(await this.endpoints.reopen(manager, endpointId, deliveryId))) return 'not-found';
      await this.jobs.sendWithin<DeliveryJob>(
        manager,
        'webhook-delivery',
        { tenantId, deliveryId },
        this.retries(),
      );
      return 'resent';
    });
  }

  private retries(): { retryLimit: number; retryDelaySeconds: number; expireInSeconds: number } {
    return {
      retryLimit: this.config.outgoing.retries,
      retryDelaySeconds: this.config.outgoing.retryDelaySeconds,
      // A try ends by its time limit; past that and some database time, its process is gone.
      expireInSeconds: Math.ceil(this.config.outgoing.timeoutMs / 1000) + 20,
    };
  }

  /** One try. Throws to have the queue try again later; returns when there is nothing more to do. */
  async deliver(job: JobRun<DeliveryJob>): Promise<void> {
    const { tenantId, deliveryId } = job.data;
    const work = await this.database.transaction(tenantId, async (manager) => {
      const found = await this.endpoints.deliveryWork(manager, deliveryId);
      if (!found || found.status !== 'pending') return null;
      const event = await this.events.find(manager, found.eventId);
      const business = found.format === 'json' ? null : await this.accounts.findTenant(manager);
      return event ? { ...found, event, business } : null;
    });
    if (!work) return;
    const isLastTry = job.retryCount >= job.retryLimit;
    // A test event goes to a paused endpoint too: that is when its receiver is being fixed.
    if (work.isPaused && work.event.type !== 'webhook.test') {
      // Not sent while paused; "Resend" in the log sends it once the endpoint is resumed.
      await this.database.transaction(tenantId, (manager) =>
        this.endpoints.failIfPending(manager, deliveryId, 'the endpoint was paused'),
      );
      return;
    }
    const payload: WebhookPayload = {
      id: work.event.id,
      type: work.event.type,
      version: 1,
      occurredAt: work.event.occurred_at.toISOString(),
      business: { id: tenantId },
      data: work.event.data,
    };
    const body =
      work.format === 'json'
        ? JSON.stringify(payload)
        : JSON.stringify(this.chatBody(work.format, work.event, work.business));
    const secret = this.secrets.open(work.secretSealed);
    const outcome = await postTo(
      work.url,
      body,
      {
        [SIGNATURE_HEADER]: signatureHeader(secret, body, new Date()),
        'rapport-event-id': work.event.id,
        'rapport-event-type': work.event.type,
      },
      {
        timeoutMs: this.config.outgoing.timeoutMs,
        allowPrivateTargets: this.config.outgoing.allowPrivateTargets,
      },
    );
    const verdict = judgeAnswer(work.format, outcome);
    const error = verdict.kind === 'delivered' ? null : verdict.error;
    // Only a try worth repeating is repeated: a refused message would be refused again.
    const isFinal = verdict.kind !== 'retry' || isLastTry;
    await this.finish(tenantId, work.endpointId, deliveryId, {
      statusCode: outcome.status,
      error,
      isLastTry: isFinal,
      pauseNow: verdict.kind === 'gone',
    });
    if (!isFinal) throw new DeliveryFailed(error ?? 'failed');
  }

  /** A message for people in a Slack or Teams channel, in the business's language. */
  private chatBody(
    format: 'slack' | 'teams',
    event: { type: BusinessEventRow['type']; data: Record<string, unknown> },
    business: { name: string; locale: string; timeZone: string } | null,
  ): Record<string, unknown> {
    const notice = eventNotice(
      event,
      business ?? { name: 'Rapport', locale: 'en', timeZone: 'UTC' },
      this.config.publicUrl,
    );
    return format === 'slack' ? slackMessage(notice) : teamsMessage(notice);
  }

  /** The queue gave up on a delivery (its process died on the last try): it is failed, if still pending. */
  async giveUp(job: DeliveryJob): Promise<void> {
    await this.database.transaction(job.tenantId, async (manager) => {
      const work = await this.endpoints.deliveryWork(manager, job.deliveryId);
      if (!work) return;
      if (await this.endpoints.failIfPending(manager, job.deliveryId, 'no try finished in time'))
        await this.countFailure(manager, work.endpointId, 'no try finished in time');
    });
  }

  private async finish(
    tenantId: string,
    endpointId: string,
    deliveryId: string,
    attempt: { statusCode: number | null; error: string | null; isLastTry: boolean; pauseNow?: boolean },
  ): Promise<void> {
    await this.database.transaction(tenantId, async (manager) => {
      const status = attempt.error === null ? 'delivered' : attempt.isLastTry ? 'failed' : 'pending';
      const isCounted = await this.endpoints.recordAttempt(manager, deliveryId, {
        status,
        statusCode: attempt.statusCode,
        error: attempt.error,
        at: new Date(),
      });
      if (!isCounted || status === 'pending') return;
      if (status === 'delivered') await this.endpoints.countOutcome(manager, endpointId, true);
      else if (attempt.pauseNow) {
        // The channel is gone or closed to the webhook: nothing sent to it can arrive until it is fixed.
        const failures = await this.endpoints.countOutcome(manager, endpointId, false);
        await this.pause(manager, endpointId, attempt.error ?? 'failed', failures);
      } else await this.countFailure(manager, endpointId, attempt.error ?? 'failed');
    });
  }

  private async countFailure(
    manager: Parameters<Parameters<TenantDatabase['transaction']>[1]>[0],
    endpointId: string,
    lastError: string,
  ): Promise<void> {
    const failures = await this.endpoints.countOutcome(manager, endpointId, false);
    if (failures < PAUSE_AFTER_FAILURES) return;
    await this.pause(manager, endpointId, lastError, failures);
  }

  /** Pauses the endpoint (if it is not already) and tells the business's owners why. */
  private async pause(
    manager: Parameters<Parameters<TenantDatabase['transaction']>[1]>[0],
    endpointId: string,
    lastError: string,
    failures: number,
  ): Promise<void> {
    const reason =
      failures >= PAUSE_AFTER_FAILURES
        ? `${failures} deliveries in a row failed (last: ${lastError})`
        : `the channel refused it for good (${lastError})`;
    if (!(await this.endpoints.pauseFailing(manager, endpointId, reason))) return;
    const endpoint = await this.endpoints.find(manager, endpointId);
    const business = await this.accounts.findTenant(manager);
    for (const owner of await this.settings.owners(manager)) {
      try {
        await this.emails.sendEndpointPaused({
          to: owner.email,
          businessName: business?.name ?? 'your business',
          url: endpoint?.url ?? '',
          failures,
          lastError,
          isRefusedForGood: failures < PAUSE_AFTER_FAILURES,
        });
      } catch (error) {
        this.logger.warn({ err: error, endpointId }, 'Telling an owner of a paused endpoint failed');
      }
    }
  }
}

/** A try that did not deliver: thrown so the queue retries it. */
class DeliveryFailed extends Error {
  constructor(reason: string) {
    super(`The delivery failed: ${reason}`);
    this.name = 'DeliveryFailed';
  }
}
