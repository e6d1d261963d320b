import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * A business invites reviews on the platforms it chooses (Google, Trustpilot, Facebook, any page), each a
 * button on the thank-you page; clicks are counted per platform and day, with nothing about who clicked.
 * The one review address a business had becomes its "other" platform.
 */
export class ReviewPlatforms1795654700000 implements MigrationInterface {
  name = 'ReviewPlatforms1795654700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants ADD COLUMN review_platforms jsonb NOT NULL DEFAULT '[]'
        CHECK (jsonb_typeof(review_platforms) = 'array' AND jsonb_array_length(review_platforms) <= 4)`);
    await db.query(`
      UPDATE tenants SET review_platforms = jsonb_build_array(jsonb_build_object('platform', 'other', 'target', review_url))
       WHERE review_url IS NOT NULL`);
    await db.query(`ALTER TABLE tenants DROP COLUMN review_url`);
    await db.query(`
      CREATE TABLE review_clicks (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        platform text NOT NULL CHECK (platform IN ('google', 'trustpilot', 'facebook', 'other')),
        day date NOT NULL,
        clicks integer NOT NULL DEFAULT 0 CHECK (clicks >= 0),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, platform, day)
      )`);
    await isolateByTenant(db, 'review_clicks');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE review_clicks`);
    await db.query(`ALTER TABLE tenants ADD COLUMN review_url text CHECK (char_length(review_url) <= 500)`);
    await db.query(`
      UPDATE tenants SET review_url = (SELECT p->>'target' FROM jsonb_array_elements(review_platforms) p
                                         WHERE p->>'platform' = 'other' LIMIT 1)`);
    await db.query(`ALTER TABLE tenants DROP COLUMN review_platforms`);
  }
}
