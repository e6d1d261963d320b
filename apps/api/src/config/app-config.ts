import { resolve } from 'node:path';
import { isLoopbackUrl, parseAddressList } from './network-address';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEMO_SEED_MODES = ['auto', 'true', 'false'] as const;
export const DEV_MAILBOX_MODES = ['auto', 'on', 'off'] as const;

/** Everything the app reads from its environment, parsed and checked once at boot. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  publicUrl: string;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses and CIDR blocks). Empty: the client is the
   * socket's peer, whatever the headers say.
   */
  trustedProxies: string[];
  logLevel: LogLevel;
  database: {
    /** Connection that owns the schema and runs migrations. Unset: an embedded PostgreSQL is started. */
    ownerUrl: string | undefined;
    /** Connection of the app role. Unset: the owner connection switches to the app role (SET ROLE). */
    appUrl: string | undefined;
    poolSize: number;
  };
  embedded: { dataDir: string; port: number };
  /** Seed the demo business on first start: by default only on the embedded database, outside production. */
  seedDemo: boolean;
  mail: {
    /** Sender of the product's own emails (invitations, password resets). */
    from: string;
    /**
     * Show caught emails at /dev/mailbox (the development mail catcher): to this machine all of them, to a
     * signed-in person their own and their business's.
     */
    isDevMailboxOpen: boolean;
    /** SendGrid delivers the mail when set; else the development mailbox keeps it. */
    sendGridApiKey: string | undefined;
    /** SendGrid's API address; tests and benchmarks point it at the mock server. */
    sendGridBaseUrl: string;
    /** How long one SendGrid request may take before it counts as failed. */
    sendGridTimeoutMs: number;
    /** SendGrid's Event Webhook verification key (base64); the events endpoint answers 404 without it. */
    sendGridWebhookPublicKey: string | undefined;
    /** Emails to buyers carry Reply-To `r-<business>-<message>@<this domain>`, routed back by Inbound Parse. */
    replyDomain: string;
    /**
     * The secret path segment of the Inbound Parse webhook (`/api/inbound/<secret>`): SendGrid posts replies
     * there. The endpoint answers 404 without it.
     */
    inboundParseSecret: string | undefined;
  };
  /** AES-256 key for secrets stored in the database (shop webhook secrets). */
  encryptionKey: Buffer | undefined;
  /** Multiplies every rate limit (e.g. 100 for load tests); 1 in normal operation. */
  rateLimitMultiplier: number;
  /** How often the weekly reporter looks for reports due (each business's own day and hour). */
  reportCheckMs: number;
  session: { ttlDays: number; secureCookie: boolean };
  webDistDir: string;
  /** Deliveries to the business's own endpoints (outgoing webhooks, Slack, Teams). */
  outgoing: {
    /**
     * Also to loopback, private and link-local addresses: for a developer's local receiver only. Off, such
     * an address is refused when it is saved and again when the connection is made (after DNS).
     */
    allowPrivateTargets: boolean;
    /** How long one delivery may take, connecting and answering. */
    timeoutMs: number;
    /** Tries after the first, and the wait before the first of them (doubling, jittered, after it). */
    retries: number;
    retryDelaySeconds: number;
    /** Deliveries in flight at once in one process: after a crash, at most these may arrive twice. */
    concurrency: number;
  };
  /** The job queue (pg-boss). */
  jobs: {
    /** How often an idle worker looks for work. */
    pollingSeconds: number;
    /** How often jobs whose process died are found and retried, and old ones archived. */
    maintenanceSeconds: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the environment; throws one ConfigError listing every problem found. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const nodeEnv = read.oneOf('NODE_ENV', NODE_ENVS, 'development');
  const port = read.integer('PORT', 3000, 1, 65535);
  const ownerUrl = read.postgresUrl('DATABASE_URL');
  const appUrl = read.postgresUrl('DATABASE_APP_URL');
  const publicUrl = read.httpUrl('PUBLIC_URL', `http://localhost:${port}`);
  const seedMode = read.oneOf('SEED_DEMO', DEMO_SEED_MODES, 'auto');
  const devMailbox = read.oneOf('DEV_MAILBOX', DEV_MAILBOX_MODES, 'auto');
  if (appUrl && !ownerUrl)
    problems.push('DATABASE_APP_URL is set but DATABASE_URL is not: set both or neither');

  const config: AppConfig = {
    nodeEnv,
    host: read.string('HOST', '127.0.0.1'),
    port,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    trustedProxies: read.addressList('TRUSTED_PROXIES'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    database: { ownerUrl, appUrl, poolSize: read.integer('DB_POOL_SIZE', 10, 1, 500) },
    embedded: {
      dataDir: resolve(cwd, read.string('DATA_DIR', '.data')),
      port: read.integer('EMBEDDED_PG_PORT', 5488, 1, 65535),
    },
    // The demo's logins are published in the README: never by default in production.
    seedDemo: seedMode === 'auto' ? ownerUrl === undefined && nodeEnv !== 'production' : seedMode === 'true',
    mail: {
      from: read.string('MAIL_FROM', 'Rapport <no-reply@rapport.localhost>'),
      // It shows every invitation and password-reset link: by itself only on a developer's own machine.
      isDevMailboxOpen:
        devMailbox === 'auto' ? nodeEnv !== 'production' && isLoopbackUrl(publicUrl) : devMailbox === 'on',
      sendGridApiKey: read.string('SENDGRID_API_KEY', '') || undefined,
      sendGridBaseUrl: read.httpUrl('SENDGRID_BASE_URL', 'https://api.sendgrid.com').replace(/\/+$/, ''),
      sendGridTimeoutMs: read.integer('SENDGRID_TIMEOUT_MS', 10_000, 100, 120_000),
      replyDomain: read.string('REPLY_DOMAIN', 'reply.rapport.localhost'),
      sendGridWebhookPublicKey: read.string('SENDGRID_WEBHOOK_PUBLIC_KEY', '') || undefined,
      inboundParseSecret: read.string('INBOUND_PARSE_SECRET', '') || undefined,
    },
    encryptionKey: read.key32('ENCRYPTION_KEY'),
    rateLimitMultiplier: read.integer('RATE_LIMIT_MULTIPLIER', 1, 1, 100_000),
    reportCheckMs: read.integer('REPORT_CHECK_SECONDS', 60, 1, 3600) * 1000,
    session: {
      ttlDays: read.integer('SESSION_TTL_DAYS', 14, 1, 365),
      secureCookie: publicUrl.startsWith('https://'),
    },
    webDistDir: resolve(cwd, read.string('WEB_DIST_DIR', 'dist/apps/web/browser')),
    outgoing: {
      allowPrivateTargets:
        read.oneOf('OUTGOING_ALLOW_PRIVATE_TARGETS', ['true', 'false'], 'false') === 'true',
      timeoutMs: read.integer('OUTGOING_TIMEOUT_MS', 10_000, 100, 60_000),
      retries: read.integer('OUTGOING_RETRIES', 12, 0, 20),
      retryDelaySeconds: read.integer('OUTGOING_RETRY_DELAY_SECONDS', 15, 1, 3600),
      concurrency: read.integer('OUTGOING_CONCURRENCY', 8, 1, 64),
    },
    jobs: {
      pollingSeconds: read.integer('JOBS_POLLING_SECONDS', 2, 1, 60),
      maintenanceSeconds: read.integer('JOBS_MAINTENANCE_SECONDS', 60, 1, 3600),
    },
  };
  if (nodeEnv === 'production' && config.outgoing.allowPrivateTargets)
    problems.push(
      'OUTGOING_ALLOW_PRIVATE_TARGETS=true is for development: it lets anyone reach this network',
    );
  if (nodeEnv === 'production' && !config.encryptionKey) {
    problems.push(
      'ENCRYPTION_KEY is required in production (32 random bytes, base64: openssl rand -base64 32)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
      return fallback;
    }
    return parsed;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
      return fallback;
    }
    return value as T;
  }

  postgresUrl(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!/^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(value) || !isUrl(value)) {
      this.problems.push(
        `${name} is not a postgres:// URL with a database name (postgres://user:pass@host:5432/db)`,
      );
      return undefined;
    }
    return value;
  }

  /** Comma-separated IP addresses and CIDR blocks. */
  addressList(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    const { entries, invalid } = parseAddressList(value);
    if (invalid.length > 0) {
      this.problems.push(
        `${name} must list IP addresses or CIDR blocks separated by commas (10.0.0.5, 192.168.0.0/16), got ${invalid.map((entry) => `"${entry}"`).join(', ')}`,
      );
      return [];
    }
    return entries;
  }

  /** 32 bytes, base64-encoded. */
  key32(name: string): Buffer | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const key = Buffer.from(value, 'base64');
    if (key.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
      this.problems.push(`${name} must be 32 random bytes in base64 (openssl rand -base64 32)`);
      return undefined;
    }
    return key;
  }

  httpUrl(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^https?:\/\//.test(value) || !isUrl(value)) {
      this.problems.push(`${name} is not an http(s):// URL, got "${value}"`);
      return fallback;
    }
    return value;
  }
}

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
