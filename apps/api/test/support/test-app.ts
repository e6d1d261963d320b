import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { loadConfig } from '../../src/config/app-config';
import { appConnectionTarget } from '../../src/database/data-source';
import { createHttpApp } from '../../src/http-app';
import { workerDatabase } from './test-database';
import { HttpClient } from './http-client';

/** The fixed key test apps encrypt shop secrets with (32 bytes, base64). */
export const TEST_ENCRYPTION_KEY = 'dGVzdC1rZXktZm9yLXJhcHBvcnQtdGVzdHMtMzJieXQ=';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  /** Owner connection of this worker's database, for assertions below the API. */
  ownerUrl: string;
  /** The app's own pool (app role, RLS applies). */
  dataSource: DataSource;
  http(): HttpClient;
  close(): Promise<void>;
}

/**
 * The real app on this worker's database, listening on a free loopback port (or on `env.PORT`, for specs
 * where the app posts to its own PUBLIC_URL).
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const ownerUrl = env['DATABASE_URL'] ?? (await workerDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    DB_POOL_SIZE: '5',
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    RATE_LIMIT_MULTIPLIER: '1000',
    WEB_DIST_DIR: '/nonexistent/rapport-console',
    // Webhook receivers in specs listen on this machine.
    OUTGOING_ALLOW_PRIVATE_TARGETS: 'true',
    OUTGOING_TIMEOUT_MS: '3000',
    JOBS_POLLING_SECONDS: '1',
    ...env,
    DATABASE_URL: ownerUrl,
  });
  const app = await createHttpApp(config, appConnectionTarget(ownerUrl, undefined, config.database.poolSize));
  await app.listen({ port: Number(env['PORT'] ?? 0), host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    ownerUrl,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    http: () => new HttpClient(baseUrl),
    close: () => app.close(),
  };
}
