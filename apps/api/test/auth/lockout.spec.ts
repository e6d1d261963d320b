import type { ApiErrorBody } from '@rapport/domain';
import { createUser, mailTo } from '../support/factories';
import { withClient } from '../support/test-database';
import { startedApp } from '../support/spec-app';

interface Answer {
  status: number;
  retryAfter: string | null;
  body: Omit<ApiErrorBody, 'requestId'>;
}

/** Whether an email has an account must not show in how sign-in answers, however often it is tried. */
describe('wrong passwords for known and unknown emails', () => {
  const spec = startedApp();
  let sequence = 0;

  const unknownEmail = () => `nobody-${Date.now()}-${(sequence += 1)}@example.test`;

  async function signIn(email: string, password: string): Promise<Answer> {
    const result = await spec.testApp.http().post<ApiErrorBody>('/api/auth/login', { email, password });
    const { requestId: _requestId, ...body } = result.body;
    return { status: result.status, retryAfter: result.headers.get('retry-after'), body };
  }

  async function failFiveTimes(email: string): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (let attempt = 0; attempt < 5; attempt++) answers.push(await signIn(email, 'wrong guess'));
    return answers;
  }

  it('slows down an unknown email after five wrong passwords exactly as it slows down an account', async () => {
    const known = await createUser(spec.testApp);
    const unknown = unknownEmail();
    const knownAnswers = await failFiveTimes(known.email);
    const unknownAnswers = await failFiveTimes(unknown);
    expect(unknownAnswers).toEqual(knownAnswers);
    expect(knownAnswers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);

    const [knownSixth, unknownSixth] = [await signIn(known.email, 'wrong guess'), await signIn(unknown, 'x')];
    expect(knownSixth.status).toBe(429);
    expect(unknownSixth).toEqual(knownSixth);
    expect(Number(unknownSixth.retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('pauses an unknown email after ten wrong passwords exactly as it pauses an account', async () => {
    const known = await createUser(spec.testApp);
    const unknown = unknownEmail();
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(
        `INSERT INTO sign_in_failures (email_hash, failed_logins, last_failed_at)
         SELECT sha256(convert_to(lower(email), 'UTF8')), 9, now() - interval '1 hour' FROM unnest($1::text[]) AS email`,
        [[known.email, unknown]],
      ),
    );
    const tenth = [await signIn(known.email, 'wrong again'), await signIn(unknown, 'wrong again')];
    expect(tenth[0]?.status).toBe(401);
    expect(tenth[1]).toEqual(tenth[0]);
    const [knownPaused, unknownPaused] = [
      await signIn(known.email, known.password),
      await signIn(unknown, 'anything'),
    ];
    expect(knownPaused.status).toBe(429);
    expect(unknownPaused.status).toBe(429);
    expect(unknownPaused.body).toEqual(knownPaused.body);
    expect(Number(unknownPaused.retryAfter)).toBeGreaterThan(14 * 60);
    expect(Math.abs(Number(unknownPaused.retryAfter) - Number(knownPaused.retryAfter))).toBeLessThanOrEqual(
      1,
    );
    // Only a real account's owner hears about it.
    expect((await mailTo(spec.testApp, known.email))[0]?.subject).toBe(
      'Sign-ins to your Rapport account are paused',
    );
    expect(await mailTo(spec.testApp, unknown)).toEqual([]);
  });

  it('lets the account in with the right password once the wait is over, and starts counting again', async () => {
    const known = await createUser(spec.testApp);
    await failFiveTimes(known.email);
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(
        `UPDATE sign_in_failures SET last_failed_at = now() - interval '2 minutes'
          WHERE email_hash = sha256(convert_to(lower($1), 'UTF8'))`,
        [known.email],
      ),
    );
    expect((await signIn(known.email, known.password)).status).toBe(200);
    expect((await signIn(known.email, 'wrong guess')).status).toBe(401);
    expect((await signIn(known.email, known.password)).status).toBe(200);
  });

  it('takes about as long to refuse an unknown email as a wrong password', async () => {
    const users = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => createUser(spec.testApp)));
    const timed = async (email: string) => {
      const started = process.hrtime.bigint();
      expect((await signIn(email, 'wrong guess')).status).toBe(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (const user of users) {
      known.push(await timed(user.email));
      unknown.push(await timed(unknownEmail()));
    }
    const median = (values: number[]) =>
      [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
    // Both verify an argon2id hash (the unknown one a decoy); a skipped hash would be several times faster.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.6);
    expect(median(unknown) / median(known)).toBeLessThan(1.6);
  });
});
