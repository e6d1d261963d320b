import { Inject, Injectable } from '@nestjs/common';
import { templateLocale } from '@rapport/domain';
import type { DataSource } from 'typeorm';
import { newTenantToken } from '../access/secret-token';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PermanentMailError } from '../mail/mail.errors';
import { MailTransport } from '../mail/mail-transport';
import { replyAddress } from '../replies/reply-address';
import { SurveysRepository, type SurveyVersion } from '../surveys/surveys.repository';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { caseReplyEmail, enquiryAnswerSubject } from '../templates/case-reply-email';
import { EmailTemplatesService, type TemplateLookups } from '../templates/email-templates.service';
import { surveyQuestionContext } from '../templates/survey-question';
import type { RenderedEmail } from '../templates/template-compiler';
import { templateContext } from '../templates/template-context';
import { close, type DueMessage, type Outcome } from '../outbox/dispatch-batch';
import { type SentAnnouncer, SentMarks } from './sent-marks';

const MAX_ATTEMPTS = 6;

/**
 * What the sends of one batch share: the business's templates in force and its surveys' versions (read
 * once), the batch's connection, and the marks of what was sent.
 */
export interface BatchContext {
  templates: TemplateLookups;
  surveys: Map<string, Promise<SurveyVersion | null>>;
  /** The lanes share the batch's connection, which takes one query at a time. */
  oneAtATime: <T>(work: () => Promise<T>) => Promise<T>;
  marks: SentMarks;
}

/** A fresh context for one batch: a template or survey saved meanwhile applies from the next batch. */
export function batchContext(
  dataSource: DataSource,
  tenantId: string,
  sentAt: Date,
  announcer: SentAnnouncer | null = null,
): BatchContext {
  return {
    templates: new Map(),
    surveys: new Map(),
    oneAtATime: serialQueue(),
    marks: new SentMarks(dataSource, tenantId, sentAt, announcer),
  };
}

/**
 * Sends one due message: renders it in the buyer's language with its survey, unsubscribe and reply links,
 * hands it to the mail transport, and marks it sent by a statement of its own, committed at once.
 */
@Injectable()
export class FollowUpSender {
  constructor(
    private readonly transport: MailTransport,
    private readonly templates: EmailTemplatesService,
    private readonly surveys: SurveysRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Renders and sends one message, marking it sent at once; answers how it ends when it was not sent. */
  async send(
    manager: TenantManager,
    message: DueMessage,
    now: Date,
    batch: BatchContext,
  ): Promise<Outcome | null> {
    const { token, hash } = newTenantToken(tenantIdOf(manager));
    const unsubscribeUrl = `${this.config.publicUrl}/api/u/${token}`;
    const locale = templateLocale(message.buyer_locale, message.locale);
    const answerUrl = `${this.config.publicUrl}/api/a/${token}`;
    const carried =
      message.kind === 'opinion-request' || message.kind === 'reminder'
        ? await batch.oneAtATime(() => this.surveyOf(manager, message, batch))
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
      interaction: message.interaction_type
        ? {
            subject: message.interaction_subject ?? '',
            amount: message.interaction_amount,
            currency: message.interaction_currency,
            date: message.interaction_date ? new Date(message.interaction_date) : null,
            timeZone: message.time_zone ?? message.business_time_zone,
          }
        : null,
      referral: message.referral_code
        ? {
            url: `${this.config.publicUrl}/api/r/${tenantIdOf(manager).replace(/-/g, '')}.${message.referral_code}`,
            code: message.referral_code,
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
        kind === 'case-reply' || kind === 'enquiry-reply'
          ? caseReplyEmail(
              message,
              context,
              message.subject || (kind === 'enquiry-reply' ? enquiryAnswerSubject(locale, message.name) : ''),
              message.body_text ?? '',
              locale,
            )
          : await batch.oneAtATime(() =>
              this.templates.render(manager, kind, locale, context, batch.templates),
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
    // Committed as soon as it can be (not with the batch): a crash from here on cannot send it again.
    await batch.marks.mark({
      messageId: message.id,
      providerMessageId,
      toEmail: message.email,
      subject: email.subject,
      unsubscribeTokenHash: hash,
      surveyVersionId: carried?.id ?? null,
      // The business's reminder schedule, read when the mark is written, plans the request's reminders.
      plansReminders: message.kind === 'opinion-request' && carried !== null,
      customerId: message.customer_id,
      kind: message.kind,
    });
    return null;
  }

  /**
   * The survey version the message carries: a reminder's own, else the current version of its rule's survey.
   * Read once per batch, as templates are.
   */
  private surveyOf(
    manager: TenantManager,
    message: DueMessage,
    batch: BatchContext,
  ): Promise<SurveyVersion | null> {
    const { carried_version_id: versionId, rule_survey_id: surveyId } = message;
    const key = versionId ? `version:${versionId}` : `current:${surveyId}`;
    let lookup = batch.surveys.get(key);
    if (!lookup) {
      lookup = versionId
        ? this.surveys.version(manager, versionId)
        : surveyId
          ? this.surveys.current(manager, surveyId)
          : Promise.resolve(null);
      batch.surveys.set(key, lookup);
    }
    return lookup;
  }
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

/**
 * A hidden link no person sees or follows: a request for it comes from a machine (a mail scanner fetching
 * every link), so that message's clicks are not counted as the buyer's.
 */
function withHoneypot(html: string, url: string): string {
  const link = `<a href="${url}" style="display:none;font-size:0;line-height:0;max-height:0;overflow:hidden" aria-hidden="true" tabindex="-1">&#8203;</a>`;
  // The last `</body>`, found from the end: the email is about 10 kB and the tag is near its end.
  const end = html.lastIndexOf('</body>');
  return end === -1 ? `${html}${link}` : `${html.slice(0, end)}${link}${html.slice(end)}`;
}
