import { withClient } from './test-database';

/** A send window open all day every day, so real-clock dispatch specs never wait for an opening. */
export const ALWAYS_OPEN = { opens: '00:00', closes: '23:59', days: [1, 2, 3, 4, 5, 6, 7] };

/**
 * Opens the business's send window all week and adds `count` buyers with a thank-you due a minute ago,
 * straight in the database: for specs that run the dispatcher on the real clock.
 */
export async function planDueMessages(
  databaseUrl: string,
  tenantId: string,
  count: number,
  emailPrefix: string,
): Promise<void> {
  await withClient(databaseUrl, async (db) => {
    await db.query(`UPDATE tenants SET send_window = $2 WHERE id = $1`, [tenantId, ALWAYS_OPEN]);
    await db.query(
      `WITH buyers AS (
         INSERT INTO customers (tenant_id, email, name)
         SELECT $1, $3 || n || '@buyers.example', 'Buyer ' || n FROM generate_series(1, $2) AS n
         RETURNING id)
       INSERT INTO messages (tenant_id, customer_id, kind, status, due_at)
       SELECT $1, id, 'thank-you', 'scheduled', now() - interval '1 minute' FROM buyers`,
      [tenantId, count, emailPrefix],
    );
  });
}
