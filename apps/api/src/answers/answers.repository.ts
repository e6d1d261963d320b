import { Injectable } from '@nestjs/common';
import {
  type AnswerDetailResponse,
  type AnswerListQuery,
  type AnswerResponse,
  type BuyerLocale,
  type Page,
  type ProductRatingResponse,
  questionPrompt,
  type SurveyAnswers,
  type SurveyDefinition,
  templateLocale,
  type ReviewPlatformName,
} from '@rapport/domain';
import { decodeCursor, encodeCursor } from '../database/keyset-cursor';
import { pageSize } from '../database/page-query.dto';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { ANSWER_COMMENT } from './answer-comment';
import { execute, queryRow, queryRows } from '../database/query-rows';

interface AnswerRow {
  id: string;
  customer_id: string;
  customer_name: string;
  customer_email: string;
  order_id: string | null;
  order_number: string | null;
  survey_id: string | null;
  survey_name: string | null;
  survey_version: number | null;
  score: number | null;
  score_type: 'nps' | 'csat' | null;
  band: AnswerResponse['band'];
  comment: string | null;
  ratings: { product: string; rating: number }[];
  channel: AnswerResponse['channel'];
  is_complete: boolean;
  answered_at: Date;
  case_id: string | null;
}

const ANSWER_SELECT = `
  SELECT a.id, a.customer_id, c.name AS customer_name, c.email AS customer_email, a.order_id,
         o.external_id AS order_number, s.id AS survey_id, s.name AS survey_name, v.version AS survey_version,
         a.score, a.score_type, a.band, ${ANSWER_COMMENT} AS comment, a.channel, a.is_complete, a.answered_at, k.id AS case_id,
         coalesce((SELECT json_agg(json_build_object('product', r.product_name, 'rating', r.rating) ORDER BY r.product_name)
                     FROM answer_ratings r WHERE r.tenant_id = a.tenant_id AND r.answer_id = a.id), '[]') AS ratings
    FROM answers a
    JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
    LEFT JOIN orders o ON o.tenant_id = a.tenant_id AND o.id = a.order_id
    LEFT JOIN survey_versions v ON v.tenant_id = a.tenant_id AND v.id = a.survey_version_id
    LEFT JOIN surveys s ON s.tenant_id = v.tenant_id AND s.id = v.survey_id
    LEFT JOIN cases k ON k.tenant_id = a.tenant_id AND k.answer_id = a.id`;

export function toAnswer(row: AnswerRow): AnswerResponse {
  return {
    id: row.id,
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    order: row.order_id && row.order_number ? { id: row.order_id, number: row.order_number } : null,
    survey:
      row.survey_id && row.survey_name && row.survey_version !== null
        ? { id: row.survey_id, name: row.survey_name, version: row.survey_version }
        : null,
    score: row.score,
    scoreType: row.score_type,
    band: row.band,
    comment: row.comment,
    ratings: row.ratings,
    channel: row.channel,
    isComplete: row.is_complete,
    answeredAt: new Date(row.answered_at).toISOString(),
    caseId: row.case_id,
  };
}

function describeAnswer(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, number>)
      .map(([product, stars]) => `${product}: ${stars} of 5`)
      .join('; ');
  return String(value);
}

/** The answers buyers gave, as the inbox and the case page read them. */
@Injectable()
export class AnswersRepository {
  /** One more click on the thank-you page's button to a review platform, counted for that day only. */
  async countReviewClick(manager: TenantManager, platform: ReviewPlatformName, at: Date): Promise<void> {
    await execute(
      manager,
      `INSERT INTO review_clicks (tenant_id, platform, day, clicks) VALUES ($1, $2, $3::date, 1)
       ON CONFLICT (tenant_id, platform, day) DO UPDATE SET clicks = review_clicks.clicks + 1`,
      [tenantIdOf(manager), platform, at.toISOString().slice(0, 10)],
    );
  }

  /** Clicks to each review platform since `since` (by UTC day). */
  async reviewClicks(
    manager: TenantManager,
    since: Date,
  ): Promise<{ platform: ReviewPlatformName; clicks: number }[]> {
    return queryRows<{ platform: ReviewPlatformName; clicks: number }>(
      manager,
      `SELECT platform, sum(clicks)::int AS clicks FROM review_clicks
        WHERE tenant_id = $1 AND day >= $2::date GROUP BY platform ORDER BY platform`,
      [tenantIdOf(manager), since.toISOString().slice(0, 10)],
    );
  }

  async list(manager: TenantManager, query: AnswerListQuery): Promise<Page<AnswerResponse>> {
    const limit = pageSize(query.limit);
    const values: unknown[] = [tenantIdOf(manager)];
    const where = ['a.tenant_id = $1'];
    const add = (sql: (index: number) => string, value: unknown): void => {
      values.push(value);
      where.push(sql(values.length));
    };
    if (query.band) add((i) => `a.band = $${i}`, query.band);
    if (query.surveyId) add((i) => `v.survey_id = $${i}`, query.surveyId);
    if (query.channel) add((i) => `a.channel = $${i}`, query.channel);
    if (query.customerId) add((i) => `a.customer_id = $${i}`, query.customerId);
    if (query.from) add((i) => `a.answered_at >= $${i}::timestamptz`, query.from);
    if (query.to) add((i) => `a.answered_at < $${i}::timestamptz`, query.to);
    if (query.hasComment !== undefined)
      where.push(`${ANSWER_COMMENT} IS ${query.hasComment ? 'NOT ' : ''}NULL`);
    if (query.product)
      add(
        (i) =>
          `EXISTS (SELECT 1 FROM answer_ratings r WHERE r.tenant_id = a.tenant_id AND r.answer_id = a.id AND r.product_name = $${i})`,
        query.product,
      );
    if (query.q)
      add(
        (i) => `${ANSWER_COMMENT} ILIKE '%' || $${i} || '%'`,
        query.q.replace(/[\\%_]/g, (c) => `\\${c}`),
      );
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      values.push(at, id);
      where.push(`(a.answered_at, a.id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
    }
    values.push(limit + 1);
    const rows = await queryRows<AnswerRow>(
      manager,
      `${ANSWER_SELECT} WHERE ${where.join(' AND ')} ORDER BY a.answered_at DESC, a.id DESC LIMIT $${values.length}`,
      values,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toAnswer),
      nextCursor: rows.length > limit && last ? encodeCursor(last.answered_at, last.id) : null,
    };
  }

  async find(manager: TenantManager, id: string): Promise<AnswerDetailResponse | null> {
    const row = await queryRow<
      AnswerRow & {
        answers: SurveyAnswers;
        definition: SurveyDefinition | null;
        locale: string;
        buyer_locale: BuyerLocale | null;
        business_name: string;
      }
    >(
      manager,
      `SELECT q.*, a.answers, v.definition, t.locale, c.locale AS buyer_locale, t.name AS business_name
         FROM (${ANSWER_SELECT} WHERE a.tenant_id = $1 AND a.id = $2) q
         JOIN answers a ON a.tenant_id = $1 AND a.id = q.id
         JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
         JOIN tenants t ON t.id = a.tenant_id
         LEFT JOIN survey_versions v ON v.tenant_id = a.tenant_id AND v.id = a.survey_version_id`,
      [tenantIdOf(manager), id],
    );
    if (!row) return null;
    const replies = await queryRows<{ id: string; body: string; received_at: Date }>(
      manager,
      `SELECT id, body, received_at FROM replies WHERE tenant_id = $1 AND answer_id = $2 ORDER BY received_at`,
      [tenantIdOf(manager), id],
    );
    // The questions read as the buyer saw them: in their language, as the answer page chose it.
    const locale = templateLocale(row.buyer_locale, row.locale);
    return {
      ...toAnswer(row),
      locale,
      answers: row.answers,
      // Each answer is read against the questions of the version its buyer saw.
      questions: (row.definition?.questions ?? [])
        .filter((question) => row.answers[question.id] !== undefined)
        .map((question) => ({
          id: question.id,
          prompt: questionPrompt(question, locale, row.business_name),
          answer: describeAnswer(row.answers[question.id]),
        })),
      replies: replies.map((reply) => ({
        id: reply.id,
        body: reply.body,
        receivedAt: new Date(reply.received_at).toISOString(),
      })),
    };
  }

  /** Each rated product: its average, how many ratings, and the comments that came with them. */
  async productRatings(manager: TenantManager): Promise<ProductRatingResponse[]> {
    const rows = await queryRows<{
      product: string;
      average: string;
      ratings: string;
      comments: ProductRatingResponse['comments'];
    }>(
      manager,
      `SELECT r.product_name AS product, round(avg(r.rating), 2) AS average, count(*) AS ratings,
                coalesce(json_agg(json_build_object('answerId', a.id, 'comment', ${ANSWER_COMMENT}, 'rating', r.rating,
                                                    'answeredAt', a.answered_at) ORDER BY a.answered_at DESC)
                           FILTER (WHERE ${ANSWER_COMMENT} IS NOT NULL), '[]') AS comments
           FROM answer_ratings r JOIN answers a ON a.tenant_id = r.tenant_id AND a.id = r.answer_id
          WHERE r.tenant_id = $1
          GROUP BY r.product_name ORDER BY avg(r.rating) DESC, r.product_name`,
      [tenantIdOf(manager)],
    );
    return rows.map((row) => ({
      product: row.product,
      average: Number(row.average),
      ratings: Number(row.ratings),
      comments: row.comments.slice(0, 20),
    }));
  }
}
