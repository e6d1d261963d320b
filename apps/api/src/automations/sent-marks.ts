import type { DataSource } from 'typeorm';
import { execute } from '../database/query-rows';

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
    await execute(this.dataSource.manager, `SELECT mark_messages_sent($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
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
