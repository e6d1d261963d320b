import { caseDueAt, DEFAULT_CASE_SETTINGS, scoreBand } from '@rapport/domain';
import { queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { generator } from './demo-commerce';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const COMMENTS = {
  promoter: [
    'The sourdough is the best in town, and it arrived still warm.',
    'Lovely croissants, my kids ask for them every Sunday.',
    'Friendly delivery and beautiful packaging. Thank you!',
    'The brunch box made our anniversary morning.',
  ],
  passive: [
    'Good bread, but delivery took a while.',
    'Tasty, though the cake was smaller than I expected.',
    'Nice, a bit pricey for every week.',
  ],
  detractor: [
    'The rye was dry and the box arrived crushed.',
    'My order came a day late and nobody told me.',
    'The cake was not what the picture showed.',
    'Half of the bagels were missing.',
  ],
} as const;

const RESOLUTIONS = ['Sent a fresh loaf', 'Refunded the order', 'Apologised and explained the delay'];

/**
 * Ten weeks of follow-ups for the demo business, as if Rapport had run all along: a thank-you and an
 * opinion request for every order old enough, answers from a part of the buyers (mostly happy, some not),
 * and the cases the low ones opened, the older of them answered and resolved by the team.
 */
export async function seedDemoFeedback(
  manager: TenantManager,
  now: Date,
  team: { ownerId: string; staffId: string },
): Promise<void> {
  const random = generator(2_026_112_6);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const tenantId = tenantIdOf(manager);
  const rules = await queryRows<{ id: string; kind: 'thank-you' | 'opinion-request' }>(
    manager,
    `SELECT id, kind FROM automations WHERE tenant_id = $1`,
    [tenantId],
  );
  const [version] = await queryRows<{ id: string }>(
    manager,
    `SELECT v.id FROM survey_versions v JOIN surveys s ON s.tenant_id = v.tenant_id AND s.id = v.survey_id
      WHERE v.tenant_id = $1 AND s.name = 'How did we do?' AND v.version = 1`,
    [tenantId],
  );
  const orders = await queryRows<{
    id: string;
    customer_id: string;
    placed_at: Date;
    email: string;
    name: string;
  }>(
    manager,
    `SELECT o.id, o.customer_id, o.placed_at, c.email, c.name FROM orders o
       JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
      WHERE o.tenant_id = $1 AND o.status NOT IN ('cancelled', 'refunded') AND o.placed_at < $2
      ORDER BY o.placed_at`,
    [tenantId, new Date(now.getTime() - 11 * DAY_MS)],
  );
  const thankYouRule = rules.find((rule) => rule.kind === 'thank-you')?.id ?? null;
  const opinionRule = rules.find((rule) => rule.kind === 'opinion-request')?.id ?? null;
  let caseCount = 0;
  for (const order of orders) {
    const placed = new Date(order.placed_at).getTime();
    const firstName = order.name.split(' ')[0] ?? '';
    await manager.query(
      `INSERT INTO messages (tenant_id, automation_id, customer_id, order_id, kind, status, due_at, sent_at, to_email, subject)
       VALUES ($1, $2, $3, $4, 'thank-you', 'delivered', $5, $5, $6, 'Thank you for your order from Northwind Bakery')
       ON CONFLICT DO NOTHING`,
      [tenantId, thankYouRule, order.customer_id, order.id, new Date(placed + DAY_MS), order.email],
    );
    const sentAt = new Date(placed + 10 * DAY_MS);
    const [request] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO messages (tenant_id, automation_id, customer_id, order_id, kind, status, due_at, sent_at, to_email,
                             subject, survey_version_id)
       VALUES ($1, $2, $3, $4, 'opinion-request', $5, $6, $6, $7, $8, $9)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        tenantId,
        opinionRule,
        order.customer_id,
        order.id,
        random() < 0.5 ? 'opened' : 'delivered',
        sentAt,
        order.email,
        `How did we do, ${firstName}?`,
        version?.id ?? null,
      ],
    );
    await manager.query(`UPDATE order_events SET planned_at = $3 WHERE tenant_id = $1 AND order_id = $2`, [
      tenantId,
      order.id,
      now,
    ]);
    if (!request || random() > 0.45) continue;
    const roll = random();
    const score =
      roll < 0.55
        ? 9 + Math.floor(random() * 2)
        : roll < 0.8
          ? 7 + Math.floor(random() * 2)
          : Math.floor(random() * 7);
    const band = scoreBand('nps', score);
    const comment = random() < 0.65 ? pick(COMMENTS[band]) : null;
    const commentKey = band === 'detractor' ? 'better' : band === 'promoter' ? 'loved' : 'comment';
    const answeredAt = new Date(sentAt.getTime() + (1 + Math.floor(random() * 48)) * HOUR_MS);
    if (answeredAt.getTime() > now.getTime()) continue;
    const [answer] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO answers (tenant_id, message_id, customer_id, order_id, survey_version_id, answers, score, score_type,
                            band, comment, channel, is_complete, answered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'nps', $8, $9, 'web', true, $10, $10) RETURNING id`,
      [
        tenantId,
        request.id,
        order.customer_id,
        order.id,
        version?.id ?? null,
        JSON.stringify(comment ? { score, [commentKey]: comment } : { score }),
        score,
        band,
        comment,
        answeredAt,
      ],
    );
    if (!answer || score > 6) continue;
    caseCount += 1;
    const assignee = caseCount % 2 === 0 ? team.staffId : team.ownerId;
    const dueAt = caseDueAt(answeredAt, DEFAULT_CASE_SETTINGS, 'Europe/London');
    const isOld = now.getTime() - answeredAt.getTime() > 5 * DAY_MS;
    const repliedAt = new Date(answeredAt.getTime() + (2 + Math.floor(random() * 20)) * HOUR_MS);
    const resolvedAt = new Date(repliedAt.getTime() + (4 + Math.floor(random() * 40)) * HOUR_MS);
    const status = isOld ? 'resolved' : caseCount % 3 === 0 ? 'waiting' : 'open';
    const resolution = status === 'resolved' ? pick(RESOLUTIONS) : null;
    const [opened] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO cases (tenant_id, answer_id, customer_id, order_id, reasons, status, resolution, assignee_id, due_at,
                          first_reply_at, resolved_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
      [
        tenantId,
        answer.id,
        order.customer_id,
        order.id,
        [`NPS ${score}`],
        status,
        resolution,
        assignee,
        dueAt,
        status === 'open' ? null : repliedAt,
        status === 'resolved' ? resolvedAt : null,
        answeredAt,
      ],
    );
    if (!opened || status === 'open') continue;
    await manager.query(
      `INSERT INTO case_entries (tenant_id, case_id, kind, author_id, body, created_at)
       VALUES ($1, $2, 'reply', $3, $4, $5)`,
      [tenantId, opened.id, assignee, `Sorry about that, ${firstName}. We will make it right.`, repliedAt],
    );
    if (resolution) {
      await manager.query(
        `INSERT INTO case_entries (tenant_id, case_id, kind, author_id, body, created_at)
         VALUES ($1, $2, 'status', $3, $4, $5)`,
        [tenantId, opened.id, assignee, `Marked resolved: ${resolution}`, resolvedAt],
      );
    }
  }
}
