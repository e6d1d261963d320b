import type { ApiErrorBody, CaseResponse, NotificationPreferencesResponse, Page } from '@rapport/domain';
import { CaseDeadlines } from '../../src/cases/case-deadlines';
import { MemberNotifier } from '../../src/notifications/member-notifier';
import { replyAddress } from '../../src/replies/reply-address';
import { RepliesService } from '../../src/replies/replies.service';
import {
  addMember,
  createUser,
  mailTo,
  sendOpinionRequest,
  signedIn,
  type TestUser,
  waitForMailTo,
} from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { appWithSignedUpBusiness } from '../support/spec-app';
import { withClient } from '../support/test-database';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe("members' notifications: at once, in a daily summary, or not at all", () => {
  const spec = appWithSignedUpBusiness({
    name: 'Notice Bakery',
    ownerName: 'Nora Owner',
    timeZone: 'Europe/Madrid',
    country: 'ES',
  });
  let staff: TestUser;
  let staffClient: HttpClient;
  const buyer = 'beto@notices.example';

  const preferences = (client: HttpClient) =>
    client.get<NotificationPreferencesResponse>('/api/me/notifications');
  const deliveryOf = (body: NotificationPreferencesResponse, kind: string) =>
    body.kinds.find((one) => one.kind === kind);

  async function rows<T>(sql: string, values: unknown[] = []): Promise<T[]> {
    return withClient(
      spec.testApp.ownerUrl,
      async (db) => (await db.query(sql, [spec.tenantId, ...values])).rows as T[],
    );
  }

  beforeAll(async () => {
    staff = await createUser(spec.testApp, { name: 'Sam Staff', email: 'sam@notice-bakery.example' });
    await addMember(spec.testApp, spec.tenantId, staff, 'staff');
    staffClient = await signedIn(spec.testApp, staff);
    expect((await staffClient.put('/api/cases/assignees/me', { takesCases: true })).status).toBe(200);
  });

  it("gives each member their role's defaults until they choose", async () => {
    const owner = await preferences(spec.owner);
    expect(owner.status).toBe(200);
    expect(deliveryOf(owner.body, 'case.opened')).toEqual({
      kind: 'case.opened',
      delivery: 'instant',
      isChosen: false,
    });
    expect(deliveryOf(owner.body, 'case.due_soon')?.delivery).toBe('summary');
    expect(deliveryOf(owner.body, 'report.ready')?.delivery).toBe('none');
    expect(owner.body).toMatchObject({ summaryHour: 8, timeZone: null, businessTimeZone: 'Europe/Madrid' });
    const mine = await preferences(staffClient);
    expect(deliveryOf(mine.body, 'enquiry.received')?.delivery).toBe('instant');
    expect(deliveryOf(mine.body, 'case.opened')?.delivery).toBe('none');
  });

  it('changes only what is named, and puts a kind back to the default with null', async () => {
    const changed = await spec.owner.put<NotificationPreferencesResponse>('/api/me/notifications', {
      choices: { 'case.opened': 'summary', 'reply.received': 'none' },
      summaryHour: 18,
    });
    expect(changed.status).toBe(200);
    expect(deliveryOf(changed.body, 'case.opened')).toMatchObject({ delivery: 'summary', isChosen: true });
    expect(deliveryOf(changed.body, 'reply.received')).toMatchObject({ delivery: 'none', isChosen: true });
    expect(changed.body.summaryHour).toBe(18);
    const reset = await spec.owner.put<NotificationPreferencesResponse>('/api/me/notifications', {
      choices: { 'reply.received': null },
    });
    expect(deliveryOf(reset.body, 'reply.received')).toMatchObject({ delivery: 'instant', isChosen: false });
    expect(deliveryOf(reset.body, 'case.opened')?.delivery).toBe('summary');
    expect(reset.body.summaryHour).toBe(18);
    // One member's choices are theirs alone.
    expect(deliveryOf((await preferences(staffClient)).body, 'reply.received')?.delivery).toBe('summary');
  });

  it.each([
    [{ choices: { 'case.opened': 'loudly' } }, 'choices.case.opened'],
    [{ choices: { 'case.closed': 'instant' } }, 'choices.case.closed'],
    [{ choices: 'instant' }, 'choices'],
    [{ summaryHour: 24 }, 'summaryHour'],
    [{ summaryHour: 7.5 }, 'summaryHour'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
  ])('refuses %j, naming the field, and changes nothing', async (body, field) => {
    const before = await preferences(spec.owner);
    const refused = await spec.owner.put<ApiErrorBody>('/api/me/notifications', body);
    expect(refused.status).toBe(400);
    expect(refused.body.details?.map((detail) => detail.field)).toContain(field);
    expect((await preferences(spec.owner)).body).toEqual(before.body);
  });

  it('keeps every choice of saves made at the same moment', async () => {
    const member = await createUser(spec.testApp, { name: 'Ada Admin' });
    await addMember(spec.testApp, spec.tenantId, member, 'admin');
    const admin = await signedIn(spec.testApp, member);
    const kinds = [
      'case.opened',
      'case.assigned',
      'case.due_soon',
      'case.overdue',
      'reply.received',
      'report.ready',
    ];
    const saved = await Promise.all(
      kinds.map((kind) => admin.put('/api/me/notifications', { choices: { [kind]: 'none' } })),
    );
    expect(saved.map((one) => one.status)).toEqual(kinds.map(() => 200));
    const after = (await preferences(admin)).body;
    expect(kinds.map((kind) => deliveryOf(after, kind))).toEqual(
      kinds.map((kind) => ({ kind, delivery: 'none', isChosen: true })),
    );
  });

  it('keeps a time zone as the pickers name it, and refuses one that is no place or choices that are a list', async () => {
    const saved = await staffClient.put<NotificationPreferencesResponse>('/api/me/notifications', {
      timeZone: 'europe/lisbon',
    });
    expect(saved.body.timeZone).toBe('Europe/Lisbon');
    const gmt = await staffClient.put<ApiErrorBody>('/api/me/notifications', { timeZone: 'Etc/GMT+5' });
    expect(gmt.status).toBe(400);
    expect(gmt.body.details).toEqual([
      { field: 'timeZone', reason: 'must be the time zone of a place, such as Europe/Madrid' },
    ]);
    const list = await staffClient.put<ApiErrorBody>('/api/me/notifications', {
      choices: [{ 'case.opened': 'summary' }],
    });
    expect(list.status).toBe(400);
    expect(list.body.details?.map((detail) => detail.field)).toContain('choices');
    expect((await staffClient.put('/api/me/notifications', { timeZone: null })).status).toBe(200);
  });

  it('answers a property name of fifty thousand characters with a 400 that names it shortened', async () => {
    const refused = await spec.owner.put<ApiErrorBody>('/api/me/notifications', {
      choices: { ['x'.repeat(50_000)]: 'instant' },
    });
    expect(refused.status).toBe(400);
    const [detail] = refused.body.details ?? [];
    expect(detail?.field.length).toBeLessThan(300);
    expect(detail?.field.startsWith('choices.xxx')).toBe(true);
  });

  it("tells the assignee of a low score at once and keeps it for the owner's summary at their hour", async () => {
    const request = await sendOpinionRequest(spec.testApp, spec.owner, {
      externalId: '#N1',
      buyer: { email: buyer, name: 'Beto Buyer' },
      placedAt: new Date('2027-01-04T09:00:00Z'),
    });
    const answerUrl = (/href="([^"]*\/api\/a\/[^"?]+)\?score=2"/.exec(request.html)?.[1] ?? '').replace(
      /^https?:\/\/[^/]+/,
      spec.testApp.baseUrl,
    );
    const answered = await fetch(answerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ 'q.score': '2', 'q.comment': 'The bread was stale.' }),
    });
    expect(answered.status).toBe(200);
    const cases = await spec.owner.get<Page<CaseResponse>>('/api/cases');
    const [opened] = cases.body.items;
    expect(opened?.assignee?.name).toBe('Sam Staff');

    // Sam turned nothing on, yet hears of his own case at once, with the buyer's words.
    const alert = await waitForMailTo(spec.testApp, staff.email, (mail) =>
      mail.subject.includes('needs an answer'),
    );
    expect(alert.subject).toBe('Beto Buyer needs an answer: NPS 2');
    expect(alert.text).toContain(`/cases/${opened?.id}`);

    // The owner chose the summary for new cases: a notice waits, and the summary is due at 18:00 in Madrid.
    const waiting = async () =>
      rows<{ delivery: string; sent_at: Date | null }>(
        `SELECT n.delivery, n.sent_at FROM member_notices n JOIN users u ON u.id = n.user_id
          WHERE n.tenant_id = $1 AND u.email = $2`,
        [spec.ownerEmail],
      );
    for (let tries = 0; (await waiting()).length === 0 && tries < 100; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await waiting()).toEqual([{ delivery: 'summary', sent_at: null }]);
    const [job] = await rows<{ start_after: Date }>(
      `SELECT start_after FROM pgboss.job WHERE name = 'member-summary' AND data->>'tenantId' = $1::text`,
    );
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Madrid',
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(local.format(new Date(job?.start_after ?? 0))).toBe('18:00');
    expect(
      (await mailTo(spec.testApp, spec.ownerEmail)).some((mail) => mail.subject.includes('needs an answer')),
    ).toBe(false);

    // At the hour, one email lists it; a second run finds nothing more to send.
    const [owner] = await rows<{ id: string }>(
      `SELECT id FROM users WHERE email = $2 AND $1::uuid IS NOT NULL`,
      [spec.ownerEmail],
    );
    const notifier = spec.testApp.app.get(MemberNotifier);
    await notifier.sendSummary({ tenantId: spec.tenantId, userId: owner?.id ?? '' });
    await notifier.sendSummary({ tenantId: spec.tenantId, userId: owner?.id ?? '' });
    const summaries = (await mailTo(spec.testApp, spec.ownerEmail)).filter((mail) =>
      mail.subject.includes('since your last summary'),
    );
    expect(summaries.map((mail) => mail.subject)).toEqual(['Notice Bakery: 1 thing since your last summary']);
    expect(summaries[0]?.text).toContain('New case: an unhappy buyer');
    expect(summaries[0]?.text).toContain(`/cases/${opened?.id}`);
    expect(summaries[0]?.text).not.toContain('stale');
    expect(await waiting()).toEqual([{ delivery: 'summary', sent_at: expect.any(Date) }]);
  });

  it('plans the case due-soon and overdue moments, and tells the assignee when it is overdue and still open', async () => {
    const [opened] = (await spec.owner.get<Page<CaseResponse>>('/api/cases')).body.items;
    const jobs = await rows<{ moment: string; start_after: Date }>(
      `SELECT data->>'moment' AS moment, start_after FROM pgboss.job
        WHERE name = 'case-due' AND data->>'tenantId' = $1::text ORDER BY start_after`,
    );
    expect(jobs.map((job) => job.moment)).toEqual(['due_soon', 'overdue']);
    expect(new Date(jobs[1]?.start_after ?? 0).toISOString()).toBe(opened?.dueAt);

    const deadlines = spec.testApp.app.get(CaseDeadlines);
    const job = { tenantId: spec.tenantId, caseId: opened?.id ?? '', dueAt: opened?.dueAt ?? '' };
    await deadlines.arrive({ ...job, moment: 'overdue' });
    await deadlines.arrive({ ...job, moment: 'overdue' });
    const overdue = await waitForMailTo(
      spec.testApp,
      staff.email,
      (mail) => mail.subject === 'A case is overdue',
    );
    expect(overdue.text).toContain(`/cases/${opened?.id}`);
    // A second arrival (a retried job) records no second event.
    const events = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM business_events WHERE tenant_id = $1 AND type = 'case.overdue'`,
    );
    expect(events).toEqual([{ n: 1 }]);

    // "Due soon" coming after the due time (the queue stood still) says nothing: "overdue" told it.
    await deadlines.arrive({ ...job, moment: 'due_soon' }, new Date(Date.parse(job.dueAt) + 60_000));
    expect(
      await rows(`SELECT 1 FROM business_events WHERE tenant_id = $1 AND type = 'case.due_soon'`),
    ).toEqual([]);

    // A moment that comes for a resolved case says nothing.
    await spec.owner.patch(`/api/cases/${opened?.id}`, {
      status: 'resolved',
      resolution: 'Called and refunded',
    });
    await deadlines.arrive({ ...job, moment: 'due_soon' });
    expect(
      await rows(`SELECT 1 FROM business_events WHERE tenant_id = $1 AND type = 'case.due_soon'`),
    ).toEqual([]);
  });

  it('tells no one of an event more than a day old when its job finally runs', async () => {
    const [event] = await rows<{ id: string; occurred_at: Date }>(
      `SELECT id, occurred_at FROM business_events WHERE tenant_id = $1 AND type = 'case.opened'`,
    );
    const before = await rows(`SELECT id FROM member_notices WHERE tenant_id = $1`);
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`DELETE FROM member_notices WHERE tenant_id = $1 AND event_id = $2`, [
        spec.tenantId,
        event?.id,
      ]),
    );
    const later = new Date(new Date(event?.occurred_at ?? 0).getTime() + 25 * 3_600_000);
    await spec.testApp.app
      .get(MemberNotifier)
      .decide({ tenantId: spec.tenantId, eventId: event?.id ?? '' }, later);
    const after = await rows(`SELECT id FROM member_notices WHERE tenant_id = $1`);
    expect(after.length).toBe(before.length - 2);
  });

  it('tells nobody of what they did themselves: the owner taking a case gets no email about it', async () => {
    const [opened] = (await spec.owner.get<Page<CaseResponse>>('/api/cases')).body.items;
    const [owner] = await rows<{ id: string }>(
      `SELECT id FROM users WHERE email = $2 AND $1::uuid IS NOT NULL`,
      [spec.ownerEmail],
    );
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE cases SET status = 'open', resolved_at = NULL WHERE tenant_id = $1`, [spec.tenantId]),
    );
    const before = (await mailTo(spec.testApp, spec.ownerEmail)).length;
    const taken = await spec.owner.patch(`/api/cases/${opened?.id}`, { assigneeId: owner?.id });
    expect(taken.status).toBe(200);
    const [event] = await rows<{ id: string }>(
      `SELECT id FROM business_events WHERE tenant_id = $1 AND type = 'case.assigned'`,
    );
    await spec.testApp.app.get(MemberNotifier).decide({ tenantId: spec.tenantId, eventId: event?.id ?? '' });
    expect(
      await rows(`SELECT 1 FROM member_notices WHERE tenant_id = $1 AND event_id = $2`, [event?.id]),
    ).toEqual([]);
    expect((await mailTo(spec.testApp, spec.ownerEmail)).length).toBe(before);
  });

  it("writes a summary's moments in the member's own time zone", async () => {
    await staffClient.put('/api/me/notifications', {
      timeZone: 'America/Los_Angeles',
      choices: { 'case.overdue': 'summary' },
    });
    const [opened] = (await spec.owner.get<Page<CaseResponse>>('/api/cases')).body.items;
    await spec.owner.patch(`/api/cases/${opened?.id}`, { assigneeId: staff.id });
    const dueAt = new Date(Date.now() - 3_600_000).toISOString();
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE cases SET due_at = $2 WHERE tenant_id = $1`, [spec.tenantId, dueAt]),
    );
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`DELETE FROM business_events WHERE tenant_id = $1 AND type = 'case.overdue'`, [spec.tenantId]),
    );
    await spec.testApp.app
      .get(CaseDeadlines)
      .arrive({ tenantId: spec.tenantId, caseId: opened?.id ?? '', dueAt, moment: 'overdue' });
    // The overdue notice kept for Sam's summary (his instant email of the hand-over may still be on its way).
    const waiting = async () =>
      rows(
        `SELECT 1 FROM member_notices n JOIN business_events e ON e.tenant_id = n.tenant_id AND e.id = n.event_id
          WHERE n.tenant_id = $1 AND n.user_id = $2 AND n.delivery = 'summary' AND n.sent_at IS NULL
            AND e.type = 'case.overdue'`,
        [staff.id],
      );
    for (let tries = 0; (await waiting()).length === 0 && tries < 100; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 200));
    await spec.testApp.app.get(MemberNotifier).sendSummary({ tenantId: spec.tenantId, userId: staff.id });
    const summary = await waitForMailTo(spec.testApp, staff.email, (mail) =>
      mail.subject.includes('since your last summary'),
    );
    const pacific = (at: string) =>
      new Intl.DateTimeFormat('en', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'America/Los_Angeles',
      }).format(new Date(at));
    expect(summary.text).toContain(`It was due by ${pacific(dueAt)}.`);
  });

  it('plans the next summary for a notice decided while the last one was being sent', async () => {
    const [owner] = await rows<{ id: string }>(
      `SELECT id FROM users WHERE email = $2 AND $1::uuid IS NOT NULL`,
      [spec.ownerEmail],
    );
    await spec.owner.put('/api/me/notifications', { choices: { 'report.ready': 'summary' } });
    const summaryJobs = async () =>
      rows(
        `SELECT 1 FROM pgboss.job WHERE name = 'member-summary' AND state = 'created'
            AND data->>'tenantId' = $1::text AND data->>'userId' = $2`,
        [owner?.id],
      );
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`DELETE FROM pgboss.job WHERE name = 'member-summary' AND data->>'tenantId' = $1::text`, [
        spec.tenantId,
      ]),
    );
    const event = async () => {
      const [made] = await rows<{ id: string }>(
        `INSERT INTO business_events (tenant_id, type, data) VALUES ($1, 'report.ready', '{"weekStart":"2026-11-30"}')
         RETURNING id`,
      );
      return made?.id ?? '';
    };
    const notifier = spec.testApp.app.get(MemberNotifier);
    await notifier.decide({ tenantId: spec.tenantId, eventId: await event() });
    expect(await summaryJobs()).toHaveLength(1);

    // The summary is being sent (its lock held, its notices being marked) while a second event is decided.
    await withClient(spec.testApp.ownerUrl, async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || ':summary:' || $2, 0))`, [
        spec.tenantId,
        owner?.id,
      ]);
      await db.query(`UPDATE member_notices SET sent_at = now() WHERE tenant_id = $1 AND user_id = $2`, [
        spec.tenantId,
        owner?.id,
      ]);
      await db.query(
        `DELETE FROM pgboss.job WHERE name = 'member-summary' AND data->>'tenantId' = $1::text`,
        [spec.tenantId],
      );
      const second = event();
      const deciding = second.then((id) => notifier.decide({ tenantId: spec.tenantId, eventId: id }));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await db.query('COMMIT');
      await deciding;
    });
    // It waited for the summary, saw it sent, and planned the next one.
    expect(await summaryJobs()).toHaveLength(1);
  });

  it('tells the owner of a reply that matched no email only as they chose', async () => {
    await spec.owner.put('/api/me/notifications', { choices: { 'reply.received': 'none' } });
    const replies = spec.testApp.app.get(RepliesService);
    const to = replyAddress(spec.tenantId, '00000000-0000-4000-8000-000000000000', 'reply.rapport.localhost');
    const inbound = {
      to,
      from: 'Mystery <mystery@elsewhere.example>',
      subject: 'Re: hello',
      html: '',
      envelope: '',
      attachments: 0,
      isTruncated: false,
    };
    expect(await replies.store({ ...inbound, text: 'Who are you?' }, new Date())).toBe('unmatched');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(
      (await mailTo(spec.testApp, spec.ownerEmail)).some((mail) => mail.subject.includes('mystery@')),
    ).toBe(false);

    await spec.owner.put('/api/me/notifications', { choices: { 'reply.received': 'instant' } });
    await replies.store({ ...inbound, text: 'Anyone there?' }, new Date());
    const notice = await waitForMailTo(
      spec.testApp,
      spec.ownerEmail,
      (mail) => mail.subject === 'mystery@elsewhere.example replied to Notice Bakery',
    );
    expect(notice.text).toContain('Anyone there?');
  });
});
