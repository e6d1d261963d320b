import type { DataSource, EntityManager } from 'typeorm';
import { execute } from '../database/query-rows';
import type { TenantDatabase, TenantManager } from '../tenancy/tenant-database';

/** What marking one message sent records. */
export interface SentMark {
  messageId: string;
  providerMessageId: string;
  toEmail: string;
  subject: string;
  unsubscribeTokenHash: Buffer;
  /** The survey version the email carried, if any. */
  surveyVersionId: string | null;
  /** An opinion request that carried its survey: its reminders are planned by the business's schedule. */
  plansReminders: boolean;
  /** For the `follow_up.sent` event. */
  customerId: string;
  kind: string;
}

/**
 * Tells of marked messages (the `follow_up.sent` events) in the transaction that marks them, so a message
 * is marked sent exactly when its event exists.
 */
export interface SentAnnouncer {
  database: TenantDatabase;
  announce: (manager: TenantManager, marks: SentMark[]) => Promise<void>;
}

interface Waiting {
  mark: SentMark;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Marks one business's sent messages, each as soon as it can, by statements committed on their own (not
 * with the batch): a mark waits only for the statement already being written, and the marks that arrived
 * meanwhile go together in the next one. Each send waits for its mark before its lane takes another
 * message, so no more messages are awaiting their mark than there are sends in flight: those are still
 * the only messages a crash can leave in doubt.
 */
export class SentMarks {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenantId: string,
    private readonly sentAt: Date,
    /** Null when nobody listens for sent follow-ups: the marks then go alone, as fast as they can. */
    private readonly announcer: SentAnnouncer | null = null,
  ) {}

  /** Resolves once the message's mark is committed; rejects with the statement's error. */
  mark(mark: SentMark): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ mark, resolve, reject });
      if (!this.writing) void this.writeWaiting();
    });
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0);
      try {
        await this.write(group.map((item) => item.mark));
        for (const item of group) item.resolve();
      } catch (error) {
        for (const item of group) item.reject(error);
      }
    }
    this.writing = false;
  }

  private async write(marks: SentMark[]): Promise<void> {
    const announcer = this.announcer;
    if (!announcer) return this.writeWith(this.dataSource.manager, marks);
    await announcer.database.transaction(this.tenantId, async (manager) => {
      await this.writeWith(manager, marks);
      await announcer.announce(manager, marks);
    });
  }

  private async writeWith(manager: EntityManager, marks: SentMark[]): Promise<void> {
    await execute(manager, `SELECT mark_messages_sent($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
      this.tenantId,
      this.sentAt,
      marks.map((mark) => mark.messageId),
      marks.map((mark) => mark.providerMessageId),
      marks.map((mark) => mark.toEmail),
      marks.map((mark) => mark.subject),
      marks.map((mark) => mark.unsubscribeTokenHash),
      marks.map((mark) => mark.surveyVersionId),
      marks.map((mark) => mark.plansReminders),
    ]);
  }
}
