import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiErrorBody, HealthResponse } from '@rapport/domain';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the HTTP surface', () => {
  let testApp: TestApp;
  let consoleDir: string;

  beforeAll(async () => {
    consoleDir = await mkdtemp(join(tmpdir(), 'rapport-console-'));
    await writeFile(join(consoleDir, 'index.html'), '<!doctype html><title>Rapport console</title>');
    await writeFile(join(consoleDir, 'main-ABCDEFGH.js'), 'console.log(1)');
    testApp = await startTestApp({ WEB_DIST_DIR: consoleDir });
  });
  afterAll(() => testApp.close());

  it('reports a reachable database and a current schema on /api/health', async () => {
    const result = await testApp.http().get<HealthResponse>('/api/health');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      status: 'ok',
      database: 'up',
      migrations: { current: true, pending: [] },
    });
  });

  it('answers every request with a request id, keeping a well-formed one from the caller', async () => {
    const given = await testApp.http().get('/api/health', { 'x-request-id': 'trace-1234abcd' });
    expect(given.headers.get('x-request-id')).toBe('trace-1234abcd');
    const generated = await testApp.http().get('/api/health', { 'x-request-id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const result = await testApp.http().get<ApiErrorBody>('/api/no-such-thing');
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ statusCode: 404, error: 'not_found' });
  });

  it('serves the console for deep links and its hashed assets with long caching', async () => {
    const page = await testApp.http().get<string>('/customers/123');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Rapport console</title>');
    const asset = await testApp.http().get('/main-ABCDEFGH.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('sets security headers', async () => {
    const result = await testApp.http().get('/');
    expect(result.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    expect(result.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('refuses an oversized body with 413 before any handler runs', async () => {
    const big = JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2 * 1024 * 1024) });
    const result = await testApp
      .http()
      .post<ApiErrorBody>('/api/auth/login', big, { 'content-type': 'application/json' });
    expect(result.status).toBe(413);
    expect(result.body.error).toBe('payload_too_large');
  });

  it('refuses malformed JSON and unsupported content types with a clear 4xx', async () => {
    const malformed = await testApp
      .http()
      .post<ApiErrorBody>('/api/auth/login', '{"email": ', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    const wrongType = await testApp
      .http()
      .post<ApiErrorBody>('/api/auth/login', 'email=a', { 'content-type': 'application/xml' });
    expect(wrongType.status).toBe(415);
  });

  it('publishes the OpenAPI document with the sign-in route', async () => {
    const result = await testApp.http().get<{ paths: Record<string, unknown> }>('/api/docs/openapi.json');
    expect(result.status).toBe(200);
    expect(Object.keys(result.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/health']),
    );
  });
});
