import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A business's own email templates, one per kind of follow-up and language (absent ones use the built-in
 * text), and the brand its emails wear. `version` grows on every save and keys the compiled-template cache.
 */
export class CreateEmailTemplates1795651900000 implements MigrationInterface {
  name = 'CreateEmailTemplates1795651900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN brand_color text NOT NULL DEFAULT '#00696b' CHECK (brand_color ~ '^#[0-9a-f]{6}$'),
        ADD COLUMN logo_url text CHECK (logo_url ~ '^https://')`);
    await db.query(`
      CREATE TABLE email_templates (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('thank-you', 'opinion-request', 'reminder', 'manual')),
        locale text NOT NULL CHECK (locale IN ('en', 'es', 'fr', 'de')),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
        version integer NOT NULL DEFAULT 1,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, kind, locale)
      )`);
    await db.query(`ALTER TABLE email_templates ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE email_templates FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON email_templates
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE email_templates`);
    await db.query(`ALTER TABLE tenants DROP COLUMN brand_color, DROP COLUMN logo_url`);
  }
}
