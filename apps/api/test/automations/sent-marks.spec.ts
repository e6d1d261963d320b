import { randomBytes } from 'node:crypto';
import { SentMarks, type SentMark } from '../../src/automations/sent-marks';
import { planDueMessages } from '../support/due-messages';
import { createTenant } from '../support/factories';
import { withClient } from '../support/test-database';
import { startedApp } from '../support/spec-app';

describe('SentMarks', () => {
  const spec = startedApp();
  let tenantId: string;
  let otherTenantId: string;
  const sentAt = new Date('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    tenantId = (await createTenant(spec.testApp)).id;
    otherTenantId = (await createTenant(spec.testApp)).id;
  });

  /** `count` due messages of a business, claimed (`sending`) as the dispatcher leaves them. */
  async function claimedMessages(business: string, count: number): Promise<string[]> {
    await planDueMessages(spec.testApp.ownerUrl, business, count, `marks-${randomBytes(4).toString('hex')}-`);
    return withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ id: string }>(
        `UPDATE messages SET status = 'sending', lease_until = now() + interval '5 minutes'
          WHERE tenant_id = $1 AND status = 'scheduled' AND kind = 'thank-you' RETURNING id`,
        [business],
      );
      return rows.map((row) => row.id);
    });
  }

  function markOf(messageId: string, plansReminders = false): SentMark {
    return {
      messageId,
      providerMessageId: `provider-${messageId}`,
      toEmail: `${messageId}@buyers.example`,
      subject: `Subject of ${messageId}`,
      unsubscribeTokenHash: randomBytes(32),
      surveyVersionId: null,
      plansReminders,
      customerId: 'unused-by-the-marks',
      kind: 'thank-you',
    };
  }

  async function rowsOf(ids: string[]) {
    return withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{
        id: string;
        status: string;
        sent_at: Date | null;
        provider_message_id: string | null;
        subject: string | null;
        lease_until: Date | null;
      }>(
        `SELECT id, status, sent_at, provider_message_id, subject, lease_until FROM messages
          WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return new Map(rows.map((row) => [row.id, row]));
    });
  }

  it('writes the marks that arrive during a statement together in the next one, each with its own fields', async () => {
    const ids = await claimedMessages(tenantId, 5);
    const query = jest.spyOn(spec.testApp.dataSource, 'query');
    try {
      const marks = new SentMarks(spec.testApp.dataSource, tenantId, sentAt);
      // All five arrive at once: the first starts a statement; the four that find it running go next, together.
      await Promise.all(ids.map((id) => marks.mark(markOf(id))));
      const statements = query.mock.calls.map(([, parameters]) => (parameters as unknown[][])[2]);
      expect(statements).toEqual([[ids[0]], ids.slice(1)]);
    } finally {
      query.mockRestore();
    }
    const rows = await rowsOf(ids);
    for (const id of ids) {
      expect(rows.get(id)).toEqual({
        id,
        status: 'sent',
        sent_at: sentAt,
        provider_message_id: `provider-${id}`,
        subject: `Subject of ${id}`,
        lease_until: null,
      });
    }
  });

  it("plans the business's reminders only for the marks that ask for them, once each", async () => {
    const [withReminders = '', without = ''] = await claimedMessages(tenantId, 2);
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE tenants SET reminder_schedule = '{3,7}' WHERE id = $1`, [tenantId]),
    );
    const marks = new SentMarks(spec.testApp.dataSource, tenantId, sentAt);
    await Promise.all([marks.mark(markOf(withReminders, true)), marks.mark(markOf(without))]);
    // Marked again (a retried statement): the reminders already planned are not planned twice.
    await marks.mark(markOf(withReminders, true));
    const reminders = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ reminder_of: string; reminder_number: number; due_at: Date }>(
        `SELECT reminder_of, reminder_number, due_at FROM messages
          WHERE reminder_of = ANY($1::uuid[]) AND status = 'scheduled' ORDER BY reminder_number`,
        [[withReminders, without]],
      );
      return rows;
    });
    expect(reminders).toEqual([
      { reminder_of: withReminders, reminder_number: 1, due_at: new Date('2026-11-23T10:00:00Z') },
      { reminder_of: withReminders, reminder_number: 2, due_at: new Date('2026-11-27T10:00:00Z') },
    ]);
  });

  it('rejects every mark of a statement that fails, and the next marks are written', async () => {
    const [first = '', second = ''] = await claimedMessages(tenantId, 2);
    const marks = new SentMarks(spec.testApp.dataSource, tenantId, sentAt);
    const failing = [marks.mark(markOf(first)), marks.mark(markOf('not-a-message-id'))];
    // The first goes alone; the second (not a uuid) fails its statement, which carries only itself.
    await expect(failing[0]).resolves.toBeUndefined();
    await expect(failing[1]).rejects.toThrow(/uuid/);
    await marks.mark(markOf(second));
    const rows = await rowsOf([first, second]);
    expect([rows.get(first)?.status, rows.get(second)?.status]).toEqual(['sent', 'sent']);
  });

  it("cannot mark another business's messages", async () => {
    const [theirs = ''] = await claimedMessages(otherTenantId, 1);
    await new SentMarks(spec.testApp.dataSource, tenantId, sentAt).mark(markOf(theirs));
    expect((await rowsOf([theirs])).get(theirs)?.status).toBe('sending');
  });
});
