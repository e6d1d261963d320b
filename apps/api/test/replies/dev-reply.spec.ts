import type { AnswerResponse, CaseDetailResponse, DevMailboxMessageResponse, Page } from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { mailTo, sendOpinionRequest, signUpBusiness, waitForMailTo } from '../support/factories';
import { RemoteClient } from '../support/remote-client';
import { withClient } from '../support/test-database';
import { startTestApp } from '../support/test-app';
import { appWithSignedUpBusiness } from '../support/spec-app';

const T0 = new Date('2027-01-04T09:00:00Z');

describe('replying as the buyer from the development mailbox', () => {
  // No INBOUND_PARSE_SECRET: the development mailbox is where replies can be tried without a provider.
  const spec = appWithSignedUpBusiness(
    { name: 'Dev Reply Bakery', ownerName: 'Dana Owner', timeZone: 'Europe/London', country: 'GB' },
    { TRUSTED_PROXIES: '127.0.0.1' },
  );
  let request: DevMailboxMessageResponse;
  const buyer = 'petra@dev-replies.example';

  beforeAll(async () => {
    request = await sendOpinionRequest(spec.testApp, spec.owner, {
      externalId: '#D1',
      buyer: { email: buyer, name: 'Petra Buyer' },
      placedAt: T0,
    });
  });

  const replyTo = (id: string, text: unknown, client = spec.testApp.http()) =>
    client.post<{ stored?: string; details?: { field: string; reason: string }[] }>(
      `/api/dev/mailbox/${id}/reply`,
      { text },
    );

  it("lands on the buyer's answer without the quoted email, as an emailed reply does, and tells the owner", async () => {
    expect(request.subject).toBe('How did we do, Petra?');
    const stored = await replyTo(request.id, 'The rye was lovely.\n\nPetra');
    expect(stored).toMatchObject({ status: 200, body: { stored: 'answer' } });
    const answers = await spec.owner.get<Page<AnswerResponse>>('/api/answers?channel=reply');
    expect(
      answers.body.items.map((answer) => [answer.comment, answer.channel, answer.customer.name]),
    ).toEqual([['The rye was lovely.\n\nPetra', 'reply', 'Petra Buyer']]);
    const notice = await waitForMailTo(spec.testApp, spec.ownerEmail, (mail) =>
      mail.subject.includes('replied'),
    );
    expect(notice.subject).toBe('Petra Buyer replied to Dev Reply Bakery');
  });

  it("threads a reply to staff's email into its case", async () => {
    const page = await fetch(
      (/href="([^"]*\/api\/a\/[^"?]+)\?score=2"/.exec(request.html)?.[1] ?? '').replace(
        /^https?:\/\/[^/]+/,
        spec.testApp.baseUrl,
      ),
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'q.score=2',
      },
    );
    expect(page.status).toBe(200);
    const [opened] = (await spec.owner.get<Page<{ id: string }>>('/api/cases')).body.items;
    await spec.owner.post(`/api/cases/${opened?.id}/replies`, {
      body: 'Sorry, Petra: the next loaf is on us.',
    });
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(new Date());
    const [staffReply] = await mailTo(spec.testApp, buyer);
    expect(staffReply?.subject).toBe('Re: How did we do, Petra?');
    expect(await replyTo(staffReply?.id ?? '', 'Thank you, how kind!')).toMatchObject({
      status: 200,
      body: { stored: 'case' },
    });
    const detail = await spec.owner.get<CaseDetailResponse>(`/api/cases/${opened?.id}`);
    expect(detail.body.entries.map((entry) => [entry.kind, entry.body])).toEqual([
      ['reply', 'Sorry, Petra: the next loaf is on us.'],
      ['buyer-reply', 'Thank you, how kind!'],
    ]);
    // The quoted email came back with the replies, its links to the buyer's pages kept as "[link]" only.
    const kept = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ full_text: string }>(`SELECT full_text FROM replies`);
      return rows.map((row) => row.full_text).join('\n');
    });
    expect(kept).toContain('How likely are you to recommend');
    expect(kept).toContain('[link]');
    expect(kept).not.toMatch(/\/api\/[auh]\//);
  });

  it('refuses an empty reply, and an email that takes no replies, naming the field', async () => {
    for (const blank of ['', '   \n  ']) {
      const empty = await replyTo(request.id, blank);
      expect(empty.status).toBe(400);
      expect(empty.body.details).toEqual([{ field: 'text', reason: 'must not be empty' }]);
    }
    const [welcome] = await mailTo(spec.testApp, spec.ownerEmail);
    const refused = await replyTo(welcome?.id ?? '', 'Hello?');
    expect(refused.status).toBe(400);
    expect(refused.body.details?.map((detail) => detail.field)).toEqual(['id']);
  });

  it("lets a person elsewhere reply only to emails they may read: another business's is not found", async () => {
    const other = await signUpBusiness(spec.testApp, {
      name: 'Other Bakery',
      ownerName: 'Otto Other',
      timeZone: 'Europe/Madrid',
      country: 'ES',
    });
    const remote = new RemoteClient(spec.testApp.baseUrl);
    expect((await replyTo(request.id, 'Sneaky', remote)).status).toBe(401);
    await remote.signIn(other.ownerEmail, 'ovens warm before dawn');
    expect((await replyTo(request.id, 'Sneaky', remote)).status).toBe(404);
    const answers = await spec.owner.get<Page<AnswerResponse>>('/api/answers?channel=reply');
    expect(answers.body.items.map((answer) => answer.comment)).not.toContain('Sneaky');
  });
});

describe('replying from a closed development mailbox', () => {
  it('is not found where the mailbox is closed', async () => {
    const published = await startTestApp({ PUBLIC_URL: 'https://rapport.example.com' });
    try {
      const response = await published
        .http()
        .post(`/api/dev/mailbox/00000000-0000-4000-8000-000000000000/reply`, { text: 'Hi' });
      expect(response.status).toBe(404);
    } finally {
      await published.close();
    }
  });
});
