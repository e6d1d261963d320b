import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

const KINDS_BEFORE = `'thank-you', 'opinion-request', 'reminder', 'manual', 'enquiry-thanks', 'quote-follow-up', 'visit-thanks', 'missed-you'`;
const KINDS = `${KINDS_BEFORE}, 'referral-request', 'referral-thanks'`;

/**
 * Asking for a recommendation: each referrer's personal code (`referral_codes`, no personal data in it),
 * who came through whose code (`customers.referred_by`), and the two emails of the loop: the request to a
 * promoter and the thanks when someone they recommended becomes a customer. Businesses that exist keep
 * sending only what they chose (referral requests off); a new business starts with them on.
 */
export class CreateReferrals1795654600000 implements MigrationInterface {
  name = 'CreateReferrals1795654600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE referral_codes (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        code text NOT NULL CHECK (code ~ '^[A-Z2-9]{8}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, code),
        UNIQUE (tenant_id, customer_id),
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
      )`);
    await isolateByTenant(db, 'referral_codes');

    await db.query(`
      ALTER TABLE customers
        ADD COLUMN referred_by uuid,
        ADD COLUMN referred_at timestamptz,
        ADD COLUMN referrer_thanked_at timestamptz,
        ADD CONSTRAINT customers_referred_by_fkey FOREIGN KEY (tenant_id, referred_by)
          REFERENCES customers (tenant_id, id) ON DELETE SET NULL (referred_by),
        ADD CONSTRAINT customers_not_self_referred CHECK (referred_by IS DISTINCT FROM id)`);
    await db.query(
      `CREATE INDEX customers_referred_by_idx ON customers (tenant_id, referred_by) WHERE referred_by IS NOT NULL`,
    );

    await db.query(`ALTER TABLE tenants ADD COLUMN referral_requests boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE tenants ALTER COLUMN referral_requests SET DEFAULT true`);

    await db.query(`ALTER TABLE messages DROP CONSTRAINT messages_kind_check`);
    await db.query(
      `ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN (${KINDS}, 'case-reply', 'enquiry-reply'))`,
    );
    await db.query(`ALTER TABLE messages ADD COLUMN referred_customer_id uuid`);
    await db.query(`
      ALTER TABLE messages ADD FOREIGN KEY (tenant_id, referred_customer_id)
        REFERENCES customers (tenant_id, id) ON DELETE SET NULL (referred_customer_id)`);
    // Asked once: one request per person, whatever they answer later.
    await db.query(
      `CREATE UNIQUE INDEX messages_one_referral_request ON messages (tenant_id, customer_id) WHERE kind = 'referral-request'`,
    );
    await db.query(`ALTER TABLE email_templates DROP CONSTRAINT email_templates_kind_check`);
    await db.query(
      `ALTER TABLE email_templates ADD CONSTRAINT email_templates_kind_check CHECK (kind IN (${KINDS}))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM email_templates WHERE kind IN ('referral-request', 'referral-thanks')`);
    await db.query(`ALTER TABLE email_templates DROP CONSTRAINT email_templates_kind_check`);
    await db.query(
      `ALTER TABLE email_templates ADD CONSTRAINT email_templates_kind_check CHECK (kind IN (${KINDS_BEFORE}))`,
    );
    await db.query(`DELETE FROM messages WHERE kind IN ('referral-request', 'referral-thanks')`);
    await db.query(`DROP INDEX messages_one_referral_request`);
    await db.query(`ALTER TABLE messages DROP COLUMN referred_customer_id`);
    await db.query(`ALTER TABLE messages DROP CONSTRAINT messages_kind_check`);
    await db.query(
      `ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN (${KINDS_BEFORE}, 'case-reply', 'enquiry-reply'))`,
    );
    await db.query(`ALTER TABLE tenants DROP COLUMN referral_requests`);
    await db.query(`DROP INDEX customers_referred_by_idx`);
    await db.query(`
      ALTER TABLE customers DROP CONSTRAINT customers_not_self_referred,
        DROP CONSTRAINT customers_referred_by_fkey, DROP COLUMN referrer_thanked_at, DROP COLUMN referred_at,
        DROP COLUMN referred_by`);
    await db.query(`DROP TABLE referral_codes`);
  }
}
