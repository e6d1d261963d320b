import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = [
  'surveys',
  'survey_versions',
  'answers',
  'answer_ratings',
  'cases',
  'case_entries',
  'replies',
];

/**
 * The surveys a business started with when this migration was written, given to the businesses that
 * existed then. A snapshot: later changes to the defaults apply to new businesses only.
 */
const DEFAULT_SURVEYS = [
  {
    name: 'How did we do?',
    definition:
      '{"questions": [{"id": "score", "type": "nps", "prompt": null, "required": true}, {"id": "better", "type": "text", "prompt": null, "required": false, "showWhen": {"question": "score", "atMost": 6}}, {"id": "loved", "type": "text", "prompt": null, "required": false, "showWhen": {"question": "score", "atLeast": 9}}, {"id": "comment", "type": "text", "prompt": null, "required": false, "showWhen": {"question": "score", "atLeast": 7, "atMost": 8}}], "thankYou": null}',
  },
  {
    name: 'Rate your products',
    definition:
      '{"questions": [{"id": "products", "type": "product-rating", "prompt": null, "required": true}, {"id": "comment", "type": "text", "prompt": null, "required": false}], "thankYou": null}',
  },
];
const DEFAULT_OPINION_SURVEY = 'How did we do?';

/** The business's defaults for cases and answers, stated once so `up` and the column defaults agree. */
const CASE_THRESHOLDS = `'{"nps": 6, "csat": 2, "productRating": 2}'`;
const CASE_SETTINGS = `'{"businessHours": {"opens": "09:00", "closes": "17:00", "days": [1, 2, 3, 4, 5]}, "slaBusinessDays": 1}'`;

/**
 * Surveys (versioned: an answer points at the version it answered), the buyers' answers and their product
 * ratings, replies received by email, and the cases staff work for unhappy buyers. Messages learn which
 * survey version they carried, which message a reminder repeats, and which case a reply to the buyer
 * belongs to. Replies that name no business (`unrouted_replies`) are kept outside any tenant.
 */
export class CreateSurveysAndCases1795652200000 implements MigrationInterface {
  name = 'CreateSurveysAndCases1795652200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN case_thresholds jsonb NOT NULL DEFAULT ${CASE_THRESHOLDS},
        ADD COLUMN case_settings jsonb NOT NULL DEFAULT ${CASE_SETTINGS},
        ADD COLUMN reminder_days integer NOT NULL DEFAULT 4 CHECK (reminder_days BETWEEN 0 AND 30),
        ADD COLUMN review_url text CHECK (char_length(review_url) <= 500),
        ADD COLUMN review_invitations boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE memberships ADD COLUMN takes_cases boolean NOT NULL DEFAULT false`);

    await db.query(`
      CREATE TABLE surveys (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
        current_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, name)
      )`);
    await db.query(`
      CREATE TABLE survey_versions (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, survey_id, version),
        FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id) ON DELETE CASCADE
      )`);
    await db.query(`
      ALTER TABLE automations ADD COLUMN survey_id uuid,
        ADD FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id) ON DELETE SET NULL (survey_id)`);

    await db.query(`ALTER TABLE messages DROP CONSTRAINT messages_kind_check`);
    await db.query(`
      ALTER TABLE messages
        ADD CONSTRAINT messages_kind_check CHECK (kind IN ('thank-you', 'opinion-request', 'reminder', 'manual', 'case-reply')),
        ADD COLUMN survey_version_id uuid,
        ADD COLUMN reminder_of uuid,
        ADD COLUMN case_id uuid,
        ADD COLUMN body_text text CHECK (char_length(body_text) <= 20000),
        ADD COLUMN machine_activity_at timestamptz,
        ADD FOREIGN KEY (tenant_id, survey_version_id) REFERENCES survey_versions (tenant_id, id) ON DELETE SET NULL (survey_version_id),
        ADD FOREIGN KEY (tenant_id, reminder_of) REFERENCES messages (tenant_id, id) ON DELETE CASCADE`);
    // Partial: most messages are not reminders, and every index entry costs the dispatcher's updates.
    await db.query(
      `CREATE UNIQUE INDEX messages_one_reminder ON messages (tenant_id, reminder_of) WHERE reminder_of IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE answers (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        order_id uuid,
        survey_version_id uuid,
        answers jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(answers) = 'object'),
        score smallint CHECK (score BETWEEN 0 AND 10),
        score_type text CHECK (score_type IN ('nps', 'csat')),
        band text CHECK (band IN ('promoter', 'passive', 'detractor')),
        -- The buyer's written answers on the page, and the text of their email replies, kept apart so
        -- answering the page again never loses a reply.
        comment text,
        reply_comment text,
        channel text NOT NULL CHECK (channel IN ('web', 'reply')),
        is_complete boolean NOT NULL DEFAULT false,
        review_clicked_at timestamptz,
        answered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, message_id),
        CHECK ((score IS NULL) = (score_type IS NULL) AND (score IS NULL) = (band IS NULL)),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE SET NULL (order_id),
        FOREIGN KEY (tenant_id, survey_version_id) REFERENCES survey_versions (tenant_id, id) ON DELETE SET NULL (survey_version_id)
      )`);
    await db.query(`CREATE INDEX answers_recent_idx ON answers (tenant_id, answered_at DESC, id DESC)`);
    await db.query(`CREATE INDEX answers_customer_idx ON answers (tenant_id, customer_id)`);
    await db.query(`
      CREATE TABLE answer_ratings (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        answer_id uuid NOT NULL,
        product_name text NOT NULL,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, answer_id, product_name),
        FOREIGN KEY (tenant_id, answer_id) REFERENCES answers (tenant_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX answer_ratings_product_idx ON answer_ratings (tenant_id, product_name)`);

    await db.query(`
      CREATE TABLE cases (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        answer_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        order_id uuid,
        reasons text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'waiting', 'resolved')),
        resolution text CHECK (char_length(resolution) <= 500),
        assignee_id uuid,
        due_at timestamptz NOT NULL,
        first_reply_at timestamptz,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, answer_id),
        CHECK ((status = 'resolved') = (resolved_at IS NOT NULL)),
        FOREIGN KEY (tenant_id, answer_id) REFERENCES answers (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE SET NULL (order_id),
        FOREIGN KEY (tenant_id, assignee_id) REFERENCES memberships (tenant_id, user_id) ON DELETE SET NULL (assignee_id)
      )`);
    await db.query(`CREATE INDEX cases_queue_idx ON cases (tenant_id, status, due_at)`);
    await db.query(`CREATE INDEX cases_assignee_idx ON cases (tenant_id, assignee_id, status)`);
    await db.query(`
      ALTER TABLE messages ADD FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE SET NULL (case_id)`);
    await db.query(`
      CREATE TABLE case_entries (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('note', 'reply', 'buyer-reply', 'status')),
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        body text NOT NULL CHECK (char_length(body) <= 20000),
        message_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE SET NULL (message_id)
      )`);
    await db.query(`CREATE INDEX case_entries_case_idx ON case_entries (tenant_id, case_id, created_at)`);

    await db.query(`
      CREATE TABLE replies (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        message_id uuid,
        answer_id uuid,
        case_id uuid,
        from_email text NOT NULL,
        subject text NOT NULL DEFAULT '',
        body text NOT NULL,
        full_text text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE SET NULL (message_id),
        FOREIGN KEY (tenant_id, answer_id) REFERENCES answers (tenant_id, id) ON DELETE SET NULL (answer_id),
        FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE SET NULL (case_id)
      )`);
    await db.query(
      `CREATE INDEX replies_unmatched_idx ON replies (tenant_id, received_at DESC) WHERE message_id IS NULL`,
    );
    await db.query(`
      CREATE TABLE unrouted_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        from_email text NOT NULL,
        subject text NOT NULL DEFAULT '',
        full_text text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Businesses that exist already get the surveys a new one starts with, attached to their opinion requests.
    for (const survey of DEFAULT_SURVEYS) {
      await db.query(`INSERT INTO surveys (tenant_id, name) SELECT id, $1 FROM tenants`, [survey.name]);
      await db.query(
        `INSERT INTO survey_versions (tenant_id, survey_id, version, definition)
         SELECT tenant_id, id, 1, $2 FROM surveys WHERE name = $1`,
        [survey.name, survey.definition],
      );
    }
    await db.query(
      `UPDATE automations a SET survey_id = s.id FROM surveys s
        WHERE s.tenant_id = a.tenant_id AND s.name = $1 AND a.kind = 'opinion-request'`,
      [DEFAULT_OPINION_SURVEY],
    );

    for (const table of TENANT_TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE unrouted_replies`);
    await db.query(`DROP TABLE replies`);
    await db.query(`DROP TABLE case_entries`);
    await db.query(`ALTER TABLE messages DROP COLUMN case_id`);
    await db.query(`DROP TABLE cases`);
    await db.query(`DROP TABLE answer_ratings`);
    await db.query(`DROP TABLE answers`);
    await db.query(`DELETE FROM messages WHERE kind = 'case-reply'`);
    await db.query(`DROP INDEX messages_one_reminder`);
    await db.query(`ALTER TABLE messages DROP CONSTRAINT messages_kind_check`);
    await db.query(`
      ALTER TABLE messages
        DROP COLUMN machine_activity_at, DROP COLUMN body_text, DROP COLUMN reminder_of,
        DROP COLUMN survey_version_id,
        ADD CONSTRAINT messages_kind_check CHECK (kind IN ('thank-you', 'opinion-request', 'reminder', 'manual'))`);
    await db.query(`ALTER TABLE automations DROP COLUMN survey_id`);
    await db.query(`DROP TABLE survey_versions`);
    await db.query(`DROP TABLE surveys`);
    await db.query(`ALTER TABLE memberships DROP COLUMN takes_cases`);
    await db.query(`
      ALTER TABLE tenants DROP COLUMN review_invitations, DROP COLUMN review_url, DROP COLUMN reminder_days,
        DROP COLUMN case_settings, DROP COLUMN case_thresholds`);
  }
}
