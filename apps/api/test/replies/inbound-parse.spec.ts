import type { AnswerResponse, CaseDetailResponse, Page, UnmatchedReplyResponse } from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { mailTo, sendOpinionRequest, waitForMailTo } from '../support/factories';
import { withClient } from '../support/test-database';
import { appWithSignedUpBusiness } from '../support/spec-app';

const SECRET = 'inbound-secret-for-tests';
const T0 = new Date('2027-01-04T09:00:00Z');

describe('replies by email through SendGrid Inbound Parse', () => {
  const spec = appWithSignedUpBusiness(
    { name: 'Reply Bakery', timeZone: 'Europe/Madrid', country: 'GB' },
    { INBOUND_PARSE_SECRET: SECRET },
  );
  let replyTo: string;
  const buyer = 'dora@replies.example';

  /** Posts an email the way Inbound Parse does: multipart fields, attachments as files. */
  function inbound(fields: Record<string, string>, path = `/api/inbound/${SECRET}`, attachment?: Blob) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (attachment) form.append('attachment1', attachment, 'photo.jpg');
    return fetch(`${spec.testApp.baseUrl}${path}`, { method: 'POST', body: form });
  }

  const reply = (to: string, text: string) => ({
    to: `Northwind <${to}>`,
    from: 'Dora Buyer <dora@replies.example>',
    subject: 'Re: How did we do, Dora?',
    text,
    envelope: JSON.stringify({ to: [to], from: 'dora@replies.example' }),
  });

  beforeAll(async () => {
    const request = await sendOpinionRequest(spec.testApp, spec.owner, {
      externalId: '#R1',
      buyer: { email: buyer, name: 'Dora Buyer' },
      placedAt: T0,
    });
    replyTo = request.replyTo ?? '';
  });

  it('answers 404 on a wrong secret and 415 for a body that is not multipart, storing nothing', async () => {
    expect((await inbound(reply(replyTo, 'Hello'), '/api/inbound/wrong-secret')).status).toBe(404);
    const plain = await fetch(`${spec.testApp.baseUrl}/api/inbound/${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hi"}',
    });
    expect(plain.status).toBe(415);
    const stored = await withClient(
      spec.testApp.ownerUrl,
      async (db) =>
        (await db.query(`SELECT count(*)::int AS n FROM replies WHERE tenant_id = $1`, [spec.tenantId]))
          .rows[0]?.n,
    );
    expect(stored).toBe(0);
  });

  it("stores a reply without its quoted history as a comment on the buyer's answer, and tells the owner", async () => {
    const response = await inbound(
      reply(
        replyTo,
        'Lovely rye, but it came a day late.\n\nDora\n\nOn Mon, 14 Jan 2027 at 10:00, Reply Bakery <x@y>\nwrote:\n> How did we do?',
      ),
      undefined,
      new Blob([Buffer.alloc(200_000, 1)], { type: 'image/jpeg' }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ stored: 'answer' });
    const answers = await spec.owner.get<Page<AnswerResponse>>('/api/answers?channel=reply');
    expect(answers.body.items).toHaveLength(1);
    expect(answers.body.items[0]).toMatchObject({
      comment: 'Lovely rye, but it came a day late.\n\nDora',
      channel: 'reply',
      score: null,
      customer: { name: 'Dora Buyer' },
    });
    const notice = await waitForMailTo(spec.testApp, spec.ownerEmail, (mail) =>
      mail.subject.includes('replied'),
    );
    expect(notice.subject).toBe('Dora Buyer replied to Reply Bakery');
    expect(notice?.text).toContain('Lovely rye, but it came a day late.');
  });

  it('keeps the reply when the buyer later answers on the page', async () => {
    const [request] = await mailTo(spec.testApp, buyer);
    const link = /href="[^"]*(\/api\/a\/[^"?]+)\?score=2"/.exec(request?.html ?? '')?.[1] ?? '';
    const page = await fetch(`${spec.testApp.baseUrl}${link}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'q.score': '2', 'q.better': 'Deliver on time.' }).toString(),
    });
    expect(page.status).toBe(200);
    const answers = await spec.owner.get<Page<AnswerResponse>>('/api/answers');
    expect(answers.body.items).toHaveLength(1);
    expect(answers.body.items[0]).toMatchObject({
      score: 2,
      comment: 'Deliver on time.\n\nLovely rye, but it came a day late.\n\nDora',
    });
  });

  it("threads the buyer's answer to a staff reply back into the case and reopens it", async () => {
    const [opened] = (await spec.owner.get<Page<{ id: string }>>('/api/cases')).body.items;
    await spec.owner.post(`/api/cases/${opened?.id}/replies`, {
      body: 'Sorry, Dora: a fresh loaf is on us.',
    });
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(new Date());
    const [staffReply] = await mailTo(spec.testApp, buyer);
    expect(staffReply?.subject).toBe('Re: How did we do, Dora?');
    const response = await inbound(reply(staffReply?.replyTo ?? '', 'Thank you, that is kind!\n-- \nDora'));
    expect(await response.json()).toEqual({ stored: 'case' });
    const detail = await spec.owner.get<CaseDetailResponse>(`/api/cases/${opened?.id}`);
    expect(detail.body.status).toBe('open');
    expect(detail.body.entries.map((entry) => [entry.kind, entry.body])).toEqual([
      ['reply', 'Sorry, Dora: a fresh loaf is on us.'],
      ['buyer-reply', 'Thank you, that is kind!'],
    ]);
  });

  it("lists a reply to the business's address that matches no message, and keeps one naming no business", async () => {
    const unknownMessage = replyTo.replace(/-[0-9a-z]{25}@/, `-${'1'.repeat(25)}@`);
    const unmatched = await inbound(reply(unknownMessage, 'Do you bake on Sundays?'));
    expect(await unmatched.json()).toEqual({ stored: 'unmatched' });
    const listed = await spec.owner.get<UnmatchedReplyResponse[]>('/api/replies/unmatched');
    expect(listed.body.map((item) => [item.from, item.body])).toEqual([
      ['dora@replies.example', 'Do you bake on Sundays?'],
    ]);

    const nowhere = await inbound(reply('someone@elsewhere.example', 'Wrong address'));
    expect(await nowhere.json()).toEqual({ stored: 'unrouted' });
    const kept = await withClient(spec.testApp.ownerUrl, async (db) =>
      (await db.query(`SELECT full_text FROM unrouted_replies`)).rows.map((row) => row.full_text),
    );
    expect(kept).toContain('Wrong address');
  });

  it('answers 5xx while the reply cannot be stored, so SendGrid retries, and stores it on the retry', async () => {
    const withRights = (sql: string) => withClient(spec.testApp.ownerUrl, (db) => db.query(sql));
    await withRights(`REVOKE INSERT ON replies FROM rapport_app`);
    try {
      const failed = await inbound(reply(replyTo, 'Second thoughts: the crust was perfect.'));
      expect(failed.status).toBeGreaterThanOrEqual(500);
    } finally {
      await withRights(`GRANT INSERT ON replies TO rapport_app`);
    }
    const retried = await inbound(reply(replyTo, 'Second thoughts: the crust was perfect.'));
    expect(retried.status).toBe(200);
    const stored = await withClient(
      spec.testApp.ownerUrl,
      async (db) =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM replies WHERE tenant_id = $1 AND body LIKE 'Second thoughts%'`,
            [spec.tenantId],
          )
        ).rows[0]?.n,
    );
    expect(stored).toBe(1);
  });

  it('keeps the first megabyte of a very long reply and says so', async () => {
    const response = await inbound(reply(replyTo, `Long story. ${'x'.repeat(1_100_000)}`));
    expect(response.status).toBe(200);
    const [row] = await withClient(
      spec.testApp.ownerUrl,
      async (db) =>
        (
          await db.query(
            `SELECT length(full_text) AS length, full_text LIKE '%kept the first megabyte%' AS noted FROM replies
            WHERE tenant_id = $1 ORDER BY received_at DESC LIMIT 1`,
            [spec.tenantId],
          )
        ).rows,
    );
    expect(row).toMatchObject({ noted: true });
    expect(Number(row?.length)).toBeLessThan(1_100_000);
  });

  it('reads an HTML-only reply as its visible text, and one of half a million unclosed `<` without stalling', async () => {
    const html = `<html><head><style>p{color:red}</style></head><body><p>Crust &amp; crumb were <b>perfect</b>.</p></body></html>`;
    const { text: _text, ...withoutText } = reply(replyTo, '');
    expect((await inbound({ ...withoutText, html })).status).toBe(200);
    // Stripping tags with a pattern took five minutes on this, with the event loop blocked for everyone.
    expect((await inbound({ ...withoutText, html: `Hello ${'<'.repeat(500_000)}` })).status).toBe(200);
    const bodies = await withClient(
      spec.testApp.ownerUrl,
      async (db) =>
        (
          await db.query<{ body: string }>(
            `SELECT body FROM replies WHERE tenant_id = $1 AND (body LIKE 'Crust%' OR body LIKE 'Hello%') ORDER BY body`,
            [spec.tenantId],
          )
        ).rows,
    );
    expect(bodies.map((row) => row.body.slice(0, 30))).toEqual([
      'Crust & crumb were perfect.',
      `Hello ${'<'.repeat(24)}`,
    ]);
  });
});
