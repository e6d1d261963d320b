import { MIGRATIONS } from '../../src/database/migrations';
import { migrateDownOne, migrateUp } from '../../src/database/migrator';
import { cloneTemplate, requiredEnv, TEST_ENV, withClient } from '../support/test-database';

describe('migrations', () => {
  let url: string;

  beforeAll(async () => {
    url = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_migrations`);
  });

  async function tables(): Promise<string[]> {
    return withClient(url, async (client) => {
      const { rows } = await client.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
      );
      return rows.map((row) => row.tablename);
    });
  }

  it('reverts every migration down to an empty schema and applies them all again', async () => {
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(['memberships', 'sessions', 'tenants', 'users']));

    const reverted: string[] = [];
    for (let i = 0; i < MIGRATIONS.length; i++) {
      const name = await migrateDownOne(url);
      if (name) reverted.push(name);
    }
    expect(reverted).toEqual(MIGRATIONS.map((migration) => migration.name).reverse());
    expect(await tables()).toEqual(['schema_migrations']);
    expect(await migrateDownOne(url)).toBeNull();

    expect(await migrateUp(url)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await tables()).toEqual(before);
    expect(await migrateUp(url)).toEqual([]);
  });

  it('lets concurrent starts migrate once between them', async () => {
    const fresh = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_concurrent`);
    for (let i = 0; i < MIGRATIONS.length; i++) await migrateDownOne(fresh);
    const results = await Promise.all([migrateUp(fresh), migrateUp(fresh), migrateUp(fresh)]);
    expect(results.flat().sort()).toEqual(MIGRATIONS.map((migration) => migration.name).sort());
  });

  it('gives the keys that could read `responses:read` the same right as `answers:read`, and back on revert', async () => {
    const db = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_answers_scope`);
    const later = MIGRATIONS.map((migration) => migration.name).slice(
      MIGRATIONS.findIndex((migration) => migration.name === 'AnswersScope1795654400000'),
    );
    for (const name of [...later].reverse()) expect(await migrateDownOne(db)).toBe(name);
    const scopes = () =>
      withClient(db, async (client) => {
        const { rows } = await client.query<{ scopes: string[] }>(
          `SELECT scopes FROM api_keys ORDER BY name`,
        );
        return rows.map((row) => row.scopes);
      });
    await withClient(db, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO tenants (name, time_zone, locale, country) VALUES ('Scopes', 'UTC', 'en', 'GB') RETURNING id`,
      );
      await client.query(
        `INSERT INTO api_keys (tenant_id, name, prefix, secret_hash, scopes)
         VALUES ($1, 'a-shop', 'rk_a', '\\x00', '{orders:read,responses:read}'),
                ($1, 'b-crm', 'rk_b', '\\x00', '{customers:read}')`,
        [rows[0]?.id],
      );
    });

    expect(await migrateUp(db)).toEqual(later);
    expect(await scopes()).toEqual([['orders:read', 'answers:read'], ['customers:read']]);
    for (let i = 0; i < later.length; i++) await migrateDownOne(db);
    expect(await scopes()).toEqual([['orders:read', 'responses:read'], ['customers:read']]);
  });

  it('gives a business that exists the rules for enquiries, quotes and appointments, off, makes its buyers customers, and asks nobody to recommend it yet', async () => {
    const db = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_interactions`);
    const later = MIGRATIONS.map((migration) => migration.name).slice(
      MIGRATIONS.findIndex((migration) => migration.name === 'CreateInteractions1795654500000'),
    );
    for (const name of [...later].reverse()) expect(await migrateDownOne(db)).toBe(name);
    const tenantId = await withClient(db, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO tenants (name, time_zone, locale, country) VALUES ('Old shop', 'UTC', 'en', 'GB') RETURNING id`,
      );
      const id = rows[0]?.id;
      const buyer = await client.query<{ id: string }>(
        `INSERT INTO customers (tenant_id, email) VALUES ($1, 'old@buyer.example'), ($1, 'never@buyer.example') RETURNING id`,
        [id],
      );
      await client.query(
        `INSERT INTO orders (tenant_id, customer_id, source, external_id, placed_at, status, total, currency)
         VALUES ($1, $2, 'api', '#1', '2026-01-02T10:00:00Z', 'placed', 5, 'EUR'),
                ($1, $2, 'api', '#2', '2026-03-02T10:00:00Z', 'placed', 5, 'EUR')`,
        [id, buyer.rows[0]?.id],
      );
      return id;
    });

    expect(await migrateUp(db)).toEqual(later);
    await withClient(db, async (client) => {
      const rules = await client.query<{ trigger: string; kind: string; is_enabled: boolean }>(
        `SELECT trigger, kind, is_enabled FROM automations WHERE tenant_id = $1 ORDER BY delay_minutes`,
        [tenantId],
      );
      expect(rules.rows).toEqual([
        { trigger: 'enquiry_received', kind: 'enquiry-thanks', is_enabled: false },
        { trigger: 'appointment_no_show', kind: 'missed-you', is_enabled: false },
        { trigger: 'appointment_completed', kind: 'visit-thanks', is_enabled: false },
        { trigger: 'quote_sent', kind: 'quote-follow-up', is_enabled: false },
        { trigger: 'appointment_completed', kind: 'opinion-request', is_enabled: false },
      ]);
      const customers = await client.query<{ email: string; became_customer_at: Date | null }>(
        `SELECT email, became_customer_at FROM customers WHERE tenant_id = $1 ORDER BY email`,
        [tenantId],
      );
      // A business that exists starts asking for recommendations only when it turns that on.
      const asks = await client.query<{ referral_requests: boolean }>(
        `SELECT referral_requests FROM tenants WHERE id = $1`,
        [tenantId],
      );
      expect(asks.rows).toEqual([{ referral_requests: false }]);
      expect(customers.rows).toEqual([
        { email: 'never@buyer.example', became_customer_at: null },
        { email: 'old@buyer.example', became_customer_at: new Date('2026-01-02T10:00:00Z') },
      ]);
    });
  });

  it("makes a business's one review page its 'other' review platform, and back on revert", async () => {
    const db = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_reviews`);
    const later = MIGRATIONS.map((migration) => migration.name).slice(
      MIGRATIONS.findIndex((migration) => migration.name === 'ReviewPlatforms1795654700000'),
    );
    for (const name of [...later].reverse()) expect(await migrateDownOne(db)).toBe(name);
    const tenantId = await withClient(db, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO tenants (name, time_zone, locale, country, review_url) VALUES ('Reviews', 'UTC', 'en', 'GB', 'https://reviews.example/x') RETURNING id`,
      );
      return rows[0]?.id;
    });
    expect(await migrateUp(db)).toEqual(later);
    const platforms = await withClient(db, (client) =>
      client.query(`SELECT review_platforms FROM tenants WHERE id = $1`, [tenantId]),
    );
    expect(platforms.rows).toEqual([
      { review_platforms: [{ platform: 'other', target: 'https://reviews.example/x' }] },
    ]);
    for (let i = 0; i < later.length; i++) await migrateDownOne(db);
    const url = await withClient(db, (client) =>
      client.query(`SELECT review_url FROM tenants WHERE id = $1`, [tenantId]),
    );
    expect(url.rows).toEqual([{ review_url: 'https://reviews.example/x' }]);
  });
});
