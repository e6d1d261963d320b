import { Inject, Injectable } from '@nestjs/common';
import {
  type BuyerLocale,
  type CaseThresholds,
  commentOf,
  type FormValues,
  headlineScore,
  isReferralPromoter,
  lowScoreReasons,
  productRatingsOf,
  readAnswerForm,
  type ReviewPlatform,
  reviewLink,
  scoreBand,
  type SurveyAnswers,
  type SurveyDefinition,
  templateLocale,
} from '@rapport/domain';
import { parseTenantToken } from '../access/secret-token';
import { LowAnswers } from './low-answers';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { renderAnswerPage, renderLinkNotice } from './answer-page';
import type { PageBrand } from './buyer-page';
import { OutboxRepository } from '../outbox/outbox.repository';
import { PromoterAnswers } from './promoter-answers';
import { EventLog } from '../events/event-log';
import { AnswersRepository } from './answers.repository';

/** How long after sending an opinion request its answer link still takes answers. */
export const ANSWER_LINK_DAYS = 90;

interface LinkTarget {
  /** The message answered: the opinion request itself, also when the link came in its reminder. */
  messageId: string;
  customerId: string;
  orderId: string | null;
  sentAt: Date | null;
  locale: BuyerLocale;
  brand: PageBrand;
  definition: SurveyDefinition | null;
  surveyVersionId: string | null;
  products: string[];
  thresholds: CaseThresholds;
  /** Where the business invites reviews; empty when it invites nobody. */
  reviews: ReviewPlatform[];
  saved: { id: string; answers: SurveyAnswers } | null;
}

/** The message behind a buyer's link, with what its page needs from the order, the buyer and the business. */
interface LinkTargetRow {
  message_id: string;
  customer_id: string;
  order_id: string | null;
  sent_at: Date | null;
  survey_version_id: string | null;
  definition: SurveyDefinition | null;
  buyer_locale: BuyerLocale | null;
  name: string;
  locale: string;
  logo_url: string | null;
  brand_color: string;
  case_thresholds: CaseThresholds;
  review_platforms: ReviewPlatform[];
  products: string[];
}

export interface AnswerPage {
  status: number;
  html: string;
}

/**
 * The buyer's side of a survey: the page behind an opinion request's links, and recording what they post.
 * Reading never records anything (link scanners open every link); posting saves the answer, merged over
 * what was saved before, and opens a case when a score is low.
 */
@Injectable()
export class AnswersService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly database: TenantDatabase,
    private readonly cases: LowAnswers,
    private readonly promoters: PromoterAnswers,
    private readonly records: AnswersRepository,
    private readonly events: EventLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The page for `GET /a/:token`, with `score` laid over the saved answer when the email's button gave one. */
  async page(token: string, score: string | undefined, now: Date): Promise<AnswerPage> {
    const parsed = parseTenantToken(token);
    if (!parsed) return { status: 404, html: renderLinkNotice('invalid', 'en') };
    return this.database.transaction(parsed.tenantId, async (manager) => {
      const target = await this.find(manager, parsed.hash, false);
      const closed = this.closedPage(target, now);
      if (closed || !target?.definition)
        return closed ?? { status: 404, html: renderLinkNotice('invalid', 'en') };
      const preselect = readAnswerForm(
        target.definition,
        this.scoreForm(target.definition, score),
        target.products,
      );
      const answers = { ...(target.saved?.answers ?? {}), ...preselect.answers };
      return {
        status: 200,
        html: renderAnswerPage({
          ...this.pageBase(token, target),
          answers,
          problems: [],
          missing: [],
          isSaved: false,
        }),
      };
    });
  }

  /** Records a buyer's form post; `null` is a post that could not be read as a form (asked again, 400). */
  async submit(token: string, form: FormValues | null, now: Date): Promise<AnswerPage> {
    const parsed = parseTenantToken(token);
    if (!parsed) return { status: 404, html: renderLinkNotice('invalid', 'en') };
    const page = await this.database.transaction(parsed.tenantId, async (manager) => {
      const target = await this.find(manager, parsed.hash, true);
      const closed = this.closedPage(target, now);
      if (closed || !target?.definition)
        return closed ?? { status: 404, html: renderLinkNotice('invalid', 'en') };
      if (form === null) {
        return {
          status: 400,
          html: renderAnswerPage({
            ...this.pageBase(token, target),
            answers: target.saved?.answers ?? {},
            problems: [],
            missing: [],
            isSaved: false,
            isUnreadable: true,
          }),
        };
      }
      const read = readAnswerForm(target.definition, form, target.products, target.saved?.answers);
      if (read.problems.length > 0) {
        return {
          status: 400,
          html: renderAnswerPage({
            ...this.pageBase(token, target),
            answers: { ...read.answers, ...readAnswerForm(target.definition, {}, target.products).answers },
            problems: read.problems,
            missing: [],
            isSaved: target.saved !== null,
          }),
        };
      }
      if (Object.keys(read.answers).length > 0) {
        const answerId = await this.save(manager, target, read.answers, read.missing.length === 0, now);
        const headline = headlineScore(target.definition, read.answers);
        await this.events.record(
          manager,
          'answer.recorded',
          {
            answerId,
            customerId: target.customerId,
            orderId: target.orderId,
            scoreType: headline?.type ?? null,
            score: headline?.score ?? null,
            isComplete: read.missing.length === 0,
          },
          now,
        );
        // A promoter is asked, once ever, whether they would recommend the business.
        if (headline && isReferralPromoter(headline.type, headline.score))
          await this.promoters.askPromoter(manager, target.customerId, now);
        const reasons = lowScoreReasons(target.definition, read.answers, target.thresholds);
        if (reasons.length > 0) {
          await this.cases.open(
            manager,
            {
              id: answerId,
              customerId: target.customerId,
              orderId: target.orderId,
              comment: commentOf(target.definition, read.answers),
            },
            reasons,
            now,
          );
        }
      }
      return {
        status: 200,
        html: renderAnswerPage({
          ...this.pageBase(token, target),
          answers: read.answers,
          problems: [],
          missing: read.missing,
          isSaved: Object.keys(read.answers).length > 0,
        }),
      };
    });
    return page;
  }

  /**
   * The platform's page for reviewing the business, for a thank-you page's button: the click is counted for
   * the platform and day (nothing about who clicked, and nothing added to the address the buyer goes to)
   * and noted on the answer as an accepted invitation. Null when the business invites nobody there or
   * nothing was answered.
   */
  async acceptReview(token: string, platform: string | undefined, now: Date): Promise<string | null> {
    const parsed = parseTenantToken(token);
    if (!parsed) return null;
    return this.database.transaction(parsed.tenantId, async (manager) => {
      const target = await this.find(manager, parsed.hash, false);
      // A thank-you page from before platforms were named posts none: it meant the one page there was.
      const review =
        target?.reviews.find((one) => one.platform === (platform ?? 'other')) ??
        (platform ? undefined : target?.reviews[0]);
      if (!target?.saved || !review) return null;
      await execute(
        manager,
        `UPDATE answers SET review_clicked_at = coalesce(review_clicked_at, $3) WHERE tenant_id = $1 AND id = $2`,
        [tenantIdOf(manager), target.saved.id, now],
      );
      await this.records.countReviewClick(manager, review.platform, now);
      return reviewLink(review);
    });
  }

  private scoreForm(definition: SurveyDefinition, score: string | undefined): FormValues {
    const first = definition.questions[0];
    return first && score !== undefined ? { [`q.${first.id}`]: score } : {};
  }

  private pageBase(token: string, target: LinkTarget) {
    return {
      brand: target.brand,
      locale: target.locale,
      definition: target.definition as SurveyDefinition,
      products: target.products,
      action: `${this.config.publicUrl}/api/a/${token}`,
      reviews: target.reviews.map((review) => ({
        platform: review.platform,
        action: `${this.config.publicUrl}/api/a/${token}/review?platform=${review.platform}`,
      })),
    };
  }

  private closedPage(target: LinkTarget | null, now: Date): AnswerPage | null {
    if (!target || !target.definition)
      return { status: 404, html: renderLinkNotice('invalid', target?.locale ?? 'en', target?.brand) };
    const sentAt = target.sentAt?.getTime() ?? now.getTime();
    if (now.getTime() - sentAt > ANSWER_LINK_DAYS * 86_400_000) {
      return { status: 410, html: renderLinkNotice('expired', target.locale, target.brand) };
    }
    return null;
  }

  private async find(manager: TenantManager, hash: Buffer, forUpdate: boolean): Promise<LinkTarget | null> {
    const row = await queryRow<LinkTargetRow>(
      manager,
      `SELECT coalesce(m.reminder_of, m.id) AS message_id, m.customer_id, m.order_id, m.sent_at, m.survey_version_id,
              v.definition, c.locale AS buyer_locale, t.name, t.locale, t.logo_url, t.brand_color, t.case_thresholds,
              CASE WHEN t.review_invitations THEN t.review_platforms ELSE '[]' END AS review_platforms,
              coalesce((SELECT array_agg(l.product_name ORDER BY l.product_name) FROM order_lines l
                         WHERE l.tenant_id = m.tenant_id AND l.order_id = m.order_id), '{}') AS products
         FROM messages m
         JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
         JOIN tenants t ON t.id = m.tenant_id
         LEFT JOIN survey_versions v ON v.tenant_id = m.tenant_id AND v.id = m.survey_version_id
        WHERE m.tenant_id = $1 AND m.unsubscribe_token_hash = $2`,
      [tenantIdOf(manager), hash],
    );
    if (!row) return null;
    // Holding the answered message serializes two posts of one answer (a double tap), so both merge.
    const saved = await queryRow<{ id: string | null; answers: SurveyAnswers | null }>(
      manager,
      `SELECT a.id, a.answers FROM messages m
         LEFT JOIN answers a ON a.tenant_id = m.tenant_id AND a.message_id = m.id
        WHERE m.tenant_id = $1 AND m.id = $2 ${forUpdate ? 'FOR UPDATE OF m' : ''}`,
      [tenantIdOf(manager), row.message_id],
    );
    return {
      messageId: row.message_id,
      customerId: row.customer_id,
      orderId: row.order_id,
      sentAt: row.sent_at ? new Date(row.sent_at) : null,
      locale: templateLocale(row.buyer_locale, row.locale),
      brand: { name: row.name, logoUrl: row.logo_url, color: row.brand_color },
      definition: row.definition,
      surveyVersionId: row.survey_version_id,
      products: [...new Set<string>(row.products)],
      thresholds: row.case_thresholds,
      reviews: row.review_platforms,
      saved: saved?.id && saved.answers ? { id: saved.id, answers: saved.answers } : null,
    };
  }

  private async save(
    manager: TenantManager,
    target: LinkTarget,
    answers: SurveyAnswers,
    isComplete: boolean,
    now: Date,
  ): Promise<string> {
    const definition = target.definition as SurveyDefinition;
    const headline = headlineScore(definition, answers);
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO answers (tenant_id, message_id, customer_id, order_id, survey_version_id, answers, score, score_type,
                            band, comment, channel, is_complete, answered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'web', $11, $12, $12)
       ON CONFLICT (tenant_id, message_id) DO UPDATE
          SET answers = excluded.answers, score = excluded.score, score_type = excluded.score_type, band = excluded.band,
              comment = excluded.comment, channel = excluded.channel, is_complete = excluded.is_complete, survey_version_id = excluded.survey_version_id,
              updated_at = excluded.updated_at
       RETURNING id`,
      [
        tenantIdOf(manager),
        target.messageId,
        target.customerId,
        target.orderId,
        target.surveyVersionId,
        JSON.stringify(answers),
        headline?.score ?? null,
        headline?.type ?? null,
        headline ? scoreBand(headline.type, headline.score) : null,
        commentOf(definition, answers),
        isComplete,
        now,
      ],
    );
    if (!row) throw new Error('Saving the answer returned no row');
    const answerId = row.id;
    const ratings = Object.entries(productRatingsOf(definition, answers));
    await execute(manager, `DELETE FROM answer_ratings WHERE tenant_id = $1 AND answer_id = $2`, [
      tenantIdOf(manager),
      answerId,
    ]);
    if (ratings.length > 0) {
      await execute(
        manager,
        `INSERT INTO answer_ratings (tenant_id, answer_id, product_name, rating)
         SELECT $1, $2, product, rating FROM unnest($3::text[], $4::smallint[]) AS r(product, rating)`,
        [
          tenantIdOf(manager),
          answerId,
          ratings.map(([product]) => product),
          ratings.map(([, rating]) => rating),
        ],
      );
    }
    // Once the buyer answered, a reminder or a second request for the same order would only annoy them.
    await this.outbox.cancelScheduled(
      manager,
      { answered: { messageId: target.messageId, customerId: target.customerId, orderId: target.orderId } },
      'the buyer answered',
    );
    return answerId;
  }
}
