import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CasesRepository } from '../cases/cases.repository';
import { eventNotice, type EventNotice } from '../events/event-notice';
import { AccountEmails } from '../mail/account-emails';
import type { TenantManager } from '../tenancy/tenant-database';
import type { WaitingNoticeRow } from './member-notices.repository';
import { NoticeDetailsRepository } from './notice-details.repository';

/** The business a notice is about, as its emails name it. */
export interface NoticeBusiness {
  name: string;
  timeZone: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A moment for a member, in their time zone, as Rapport's English emails write it. */
export function longMoment(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
}

/**
 * Writes one event as an email to one member. A case of theirs, a reply and an enquiry come with the
 * buyer's own words, as staff need them to answer; everything else is the event's notice with its link.
 * Rapport's own emails are in English for now, whatever the business's language.
 */
@Injectable()
export class NoticeMail {
  constructor(
    private readonly emails: AccountEmails,
    private readonly cases: CasesRepository,
    private readonly details: NoticeDetailsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(manager: TenantManager, notice: WaitingNoticeRow, business: NoticeBusiness): Promise<void> {
    const data = notice.data;
    // Every moment in the member's own time zone, when they chose one.
    const timeZone = notice.time_zone ?? business.timeZone;
    if (notice.type === 'case.opened' || notice.type === 'case.assigned') {
      const found = await this.cases.find(manager, text(data['caseId']), new Date());
      if (found && found.assignee?.id === notice.user_id) {
        await this.emails.sendCaseAssigned({
          to: notice.email,
          businessName: business.name,
          buyerName: found.customer.name,
          reasons: found.reasons,
          comment: found.comment,
          dueAt: longMoment(new Date(found.dueAt), timeZone),
          caseId: found.id,
        });
        return;
      }
    }
    if (notice.type === 'reply.received' && text(data['replyId'])) {
      // A reply that matched none of the business's emails: only its sender's address names them.
      const reply = await this.details.replyById(manager, text(data['replyId']));
      if (reply) {
        await this.emails.sendBuyerReplied({
          to: notice.email,
          businessName: business.name,
          buyerName: reply.from_email,
          body: reply.body,
          link: '/answers',
        });
        return;
      }
    }
    if (notice.type === 'reply.received' && text(data['messageId'])) {
      const reply = await this.details.reply(manager, text(data['messageId']), notice.occurred_at);
      if (reply) {
        await this.emails.sendBuyerReplied({
          to: notice.email,
          businessName: business.name,
          buyerName: reply.buyer_name,
          body: reply.body,
          link: text(data['caseId']) ? `/cases/${text(data['caseId'])}` : '/answers',
        });
        return;
      }
    }
    if (notice.type === 'enquiry.received') {
      const enquiry = await this.details.enquiry(manager, text(data['interactionId']));
      if (enquiry) {
        await this.emails.sendEnquiryReceived({
          to: notice.email,
          businessName: business.name,
          personName: enquiry.name || enquiry.email,
          subject: enquiry.subject,
          message: enquiry.message,
          dueAt: longMoment(enquiry.due_at ?? notice.occurred_at, timeZone),
          interactionId: text(data['interactionId']),
        });
        return;
      }
    }
    await this.emails.sendNotice({
      to: notice.email,
      businessName: business.name,
      notice: this.noticeOf(notice, business, timeZone),
    });
  }

  /** The event in one line with its link, for the generic email and the daily summary. */
  noticeOf(
    notice: Pick<WaitingNoticeRow, 'type' | 'data'>,
    business: NoticeBusiness,
    timeZone: string,
  ): EventNotice {
    const written = eventNotice(
      { type: notice.type, data: notice.data },
      { name: business.name, locale: 'en', timeZone },
      this.config.publicUrl,
    );
    // The subject names the business once: the summary and the email heading carry it already.
    return { ...written, title: written.title.replace(`${business.name}: `, '') };
  }
}
