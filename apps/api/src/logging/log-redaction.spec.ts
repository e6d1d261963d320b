import { createHash } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { loggableError, loggableUrl, secretFingerprint } from './log-redaction';

const TOKEN = '0b5f3c1e2d4a4b6c8d9e0f1a2b3c4d5e.Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex').slice(0, 6);

describe('loggableUrl', () => {
  it.each([
    [`/api/a/${TOKEN}`, `/api/a/:token#${hash(TOKEN)}`],
    [`/api/a/${TOKEN}?score=9`, `/api/a/:token#${hash(TOKEN)}?score`],
    [`/api/a/${TOKEN}/review`, `/api/a/:token#${hash(TOKEN)}/review`],
    [`/api/u/${TOKEN}`, `/api/u/:token#${hash(TOKEN)}`],
    [`/api/h/${TOKEN}`, `/api/h/:token#${hash(TOKEN)}`],
    // The enquiry form's and a referral link's addresses: public, yet they are what lets someone post.
    [`/api/f/${TOKEN}?lang=es`, `/api/f/:address#${hash(TOKEN)}?lang`],
    [`/api/r/${TOKEN}`, `/api/r/:address#${hash(TOKEN)}`],
    [`/api/invitations/${TOKEN}/accept`, `/api/invitations/:token#${hash(TOKEN)}/accept`],
    ['/api/inbound/s3cret-path-value', `/api/inbound/:secret#${hash('s3cret-path-value')}`],
    [`/api/%61/${TOKEN}`, `/api/a/:token#${hash(TOKEN)}`],
    [
      `http://rapport.example/api/a/${TOKEN}?score=9`,
      `http://rapport.example/api/a/:token#${hash(TOKEN)}?score`,
    ],
    [`HTTP://rapport.example:8080/api/u/${TOKEN}`, `HTTP://rapport.example:8080/api/u/:token#${hash(TOKEN)}`],
    [
      '//evil.example/api/inbound/s3cret-path-value',
      `//evil.example/api/inbound/:secret#${hash('s3cret-path-value')}`,
    ],
    [`/api/a/${TOKEN}/api/a/${TOKEN}2`, `/api/a/:token#${hash(TOKEN)}/api/a/:token#${hash(`${TOKEN}2`)}`],
  ])('logs %s as %s', (url, logged) => {
    expect(loggableUrl(url)).toBe(logged);
  });

  it('keeps the names of query parameters and drops their values', () => {
    expect(loggableUrl('/api/dev/mailbox?to=maya%40harbour.example')).toBe('/api/dev/mailbox?to');
    expect(loggableUrl('/api/customers?q=ana&cursor=abc&limit=50')).toBe('/api/customers?q&cursor&limit');
    expect(loggableUrl(`/api/customers?${TOKEN}`)).toBe('/api/customers?…');
    expect(loggableUrl('/api/customers?')).toBe('/api/customers?');
  });

  it('leaves paths without secrets as they are', () => {
    expect(loggableUrl('/api/customers/5b0a4c1e-0000-4000-8000-000000000000')).toBe(
      '/api/customers/5b0a4c1e-0000-4000-8000-000000000000',
    );
    expect(loggableUrl('/api/webhooks/shopify/5b0a4c1e-0000-4000-8000-000000000000')).toBe(
      '/api/webhooks/shopify/5b0a4c1e-0000-4000-8000-000000000000',
    );
  });

  it('fingerprints with the first 6 hex digits of SHA-256', () => {
    expect(secretFingerprint('abc')).toBe('ba7816');
  });
});

describe('loggableError', () => {
  it("leaves a failed query's parameters out and keeps its message and code", () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      constraint: 'users_email_key',
      detail: 'Key (email)=(maya@harbour.example) already exists.',
    });
    const error = new QueryFailedError('INSERT INTO users ...', [TOKEN, 'maya@harbour.example'], driverError);
    const logged = JSON.stringify(loggableError(error));
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain('maya@harbour.example');
    expect(loggableError(error)).toMatchObject({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint',
      code: '23505',
      constraint: 'users_email_key',
    });
  });

  it('leaves out what an HTTP client error carries about its request', () => {
    const error = Object.assign(new Error('Unauthorized'), {
      statusCode: 401,
      config: { headers: { Authorization: 'Bearer SG.secret-key' } },
      response: { body: { errors: [] } },
    });
    const logged = loggableError(error);
    expect(JSON.stringify(logged)).not.toContain('SG.secret-key');
    expect(logged).toMatchObject({ type: 'Error', message: 'Unauthorized', statusCode: 401 });
  });

  it('follows causes a few levels deep', () => {
    const error = new Error('outer', { cause: new Error('inner') });
    expect(loggableError(error)).toMatchObject({ message: 'outer', cause: { message: 'inner' } });
  });
});
