import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { ConnectionTarget } from '../database/data-source';
import { CONNECTION_TARGET } from '../database/database.module';
import { queryRows } from '../database/query-rows';

/** The queues the job queue's migration created (a new one needs a migration: the app role runs no DDL). */
export const QUEUES = [
  'event-fanout',
  'webhook-delivery',
  'webhook-dead',
  'member-notices',
  'member-email',
  'member-summary',
  'case-due',
] as const;
export type QueueName = (typeof QUEUES)[number];

/** One job as a worker gets it: its data and where it stands among its tries. */
export interface JobRun<T> {
  id: string;
  data: T;
  /** The tries before this one. */
  retryCount: number;
  retryLimit: number;
}

type Handler<T> = (job: JobRun<T>) => Promise<void>;

/**
 * The job queue: pg-boss on the app's own database (docs/adr/0008-job-queue.md). A job is sent inside the
 * transaction of the change that calls for it (`sendWithin`), so it exists exactly when the change does,
 * and is worked at least once: a try that throws is retried with backoff, a process that dies mid-try has
 * its job retried once the try's time is up. Workers enter a business's context themselves; the queue
 * holds ids, never personal data.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobQueue.name);
  private readonly pool: Pool;
  private readonly boss: PgBoss;
  /** Statements of pg-boss still running: its worker completes a job without waiting for it. */
  private readonly running = new Set<Promise<unknown>>();
  private isClosed = false;
  private readonly handlers = new Map<QueueName, { handler: Handler<never>; concurrency: number }>();
  private isStarted = false;

  constructor(
    @Inject(CONNECTION_TARGET) target: ConnectionTarget,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Its own small pool, working as the app role like every other connection: room for the workers'
    // polls and for each job's completion, so a completion never waits past its job's expiry.
    this.pool = new Pool({
      connectionString: target.url,
      max: 6,
      application_name: 'rapport-jobs',
      connectionTimeoutMillis: 5000,
      ...(target.setRole ? { options: `-c role=${target.setRole}` } : {}),
    });
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'A job queue connection failed'));
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => this.run(text, values) },
      schema: 'pgboss',
      // The schema and the queues are the migrations' work.
      migrate: false,
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: config.jobs.maintenanceSeconds,
      monitorStateIntervalSeconds: Math.max(60, config.jobs.maintenanceSeconds),
    });
    this.boss.on('error', (error) => this.logger.warn({ err: error }, 'The job queue reported an error'));
  }

  /**
   * pg-boss's own statements, on its own connections: the queue's schema, not the app's tables. After the
   * pool is closed a late one (a job's completion) answers nothing: that job stays active, expires and is
   * tried again, as after a crash.
   */
  private run(text: string, values: unknown[]): Promise<{ rows: unknown[] }> {
    // pg-boss reads no answer (null) as "nothing done"; an empty list it would read as a row count.
    if (this.isClosed) return Promise.resolve(null as unknown as { rows: unknown[] });
    // eslint-disable-next-line no-restricted-syntax
    const statement = this.pool.query(text, values);
    this.running.add(statement);
    void statement.finally(() => this.running.delete(statement)).catch(() => undefined);
    return statement;
  }

  /**
   * Who works a queue's jobs, and how many at once in this process (each by a worker of its own);
   * registered by the features before the app starts. After a crash, the jobs in doubt (tried
   * again, maybe done twice) are at most that many.
   */
  work<T>(queue: QueueName, handler: Handler<T>, concurrency = 1): void {
    this.handlers.set(queue, { handler: handler as Handler<never>, concurrency });
  }

  /** Sends a job as part of the transaction `manager` is in: rolled back with it, committed with it. */
  async sendWithin<T extends object>(
    manager: EntityManager,
    queue: QueueName,
    data: T,
    options: {
      startAfterSeconds?: number;
      /** Not before this moment (a case's due time, a member's summary hour). */
      startAfter?: Date;
      singletonKey?: string;
      retryLimit?: number;
      retryDelaySeconds?: number;
      /** How long one try may run before the queue takes it for dead and tries again. */
      expireInSeconds?: number;
    } = {},
  ): Promise<void> {
    await this.boss.send(queue, data, {
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.retryLimit === undefined ? {} : { retryLimit: options.retryLimit }),
      ...(options.retryDelaySeconds === undefined ? {} : { retryDelay: options.retryDelaySeconds }),
      ...(options.expireInSeconds === undefined ? {} : { expireInSeconds: options.expireInSeconds }),
      db: {
        executeSql: async (text: string, values: unknown[]) => ({
          rows: await queryRows<Record<string, unknown>>(manager, text, values),
        }),
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    this.isStarted = true;
    // Workers of their own, one job each: a receiver that hangs holds one of them, not the others.
    for (const [queue, { handler, concurrency }] of this.handlers)
      for (let worker = 0; worker < concurrency; worker++) await this.startWorker(queue, handler, 1);
  }

  private async startWorker(queue: QueueName, handler: Handler<never>, batchSize: number): Promise<void> {
    let workerId: string | null = null;
    workerId = await this.boss.work<never>(
      queue,
      { includeMetadata: true, batchSize, pollingIntervalSeconds: this.config.jobs.pollingSeconds },
      async (jobs) => {
        await Promise.all(
          jobs.map(async (job) => {
            try {
              await handler({
                id: job.id,
                data: job.data,
                retryCount: job.retryCount,
                retryLimit: job.retryLimit,
              });
            } catch (error) {
              // This job alone is retried (the others of the batch are done); the log has its ids only.
              const reason = error instanceof Error ? error.message : String(error);
              this.logger.warn({ queue, jobId: job.id, retryCount: job.retryCount, reason }, 'A job failed');
              // Failing it may itself fail (the database going away): the job then expires and is tried again.
              await this.boss
                .fail(queue, job.id, { reason })
                .catch((failure: unknown) =>
                  this.logger.warn(
                    { err: failure, queue, jobId: job.id },
                    'A failed job could not be marked',
                  ),
                );
            }
          }),
        );
        // A full batch: more may be waiting, so the worker looks again at once, not after its interval.
        if (jobs.length === batchSize && workerId) this.boss.notifyWorker(workerId);
      },
    );
  }

  async onModuleDestroy(): Promise<void> {
    if (this.isStarted) {
      // A try still running finishes (up to its limit); what is left is retried by the next process.
      await this.withinTime(this.boss.stop({ graceful: true, wait: true, timeout: 15_000 }), 20_000, 'stop');
    }
    // Let the statements pg-boss left running (a job's completion) finish on the open pool.
    await this.withinTime(Promise.allSettled([...this.running]), 5_000, 'finish its statements');
    this.isClosed = true;
    await this.withinTime(this.pool.end(), 5_000, 'close its connections');
  }

  /**
   * A step of the stop that takes longer than `ms` is left behind (and said so): the app's stop must end,
   * and whatever the queue had not finished is retried by the next process, as after a crash.
   */
  private async withinTime(step: Promise<unknown>, ms: number, what: string): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
    const outcome = await Promise.race([
      step.then(
        () => 'done' as const,
        () => 'done' as const,
      ),
      late,
    ]);
    clearTimeout(timer);
    if (outcome === 'late') this.logger.warn({ ms }, `The job queue did not ${what} in time; going on`);
  }
}
