import { ConfigError, loadConfig } from './app-config';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('starts on port 3000 with an embedded database and the demo seed when nothing is set', () => {
    const config = loadConfig({}, '/srv/rapport');
    expect(config.port).toBe(3000);
    expect(config.database.ownerUrl).toBeUndefined();
    expect(config.embedded.dataDir).toBe('/srv/rapport/.data');
    expect(config.seedDemo).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('does not seed the demo on a real database unless asked', () => {
    const url = 'postgres://rapport:secret@db:5432/rapport';
    expect(loadConfig({ DATABASE_URL: url }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: url, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('does not seed the demo in production unless asked, even on the embedded database', () => {
    expect(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: KEY }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: KEY, SEED_DEMO: 'true' }).seedDemo).toBe(
      true,
    );
  });

  it('names the variable and the reason for each bad value, all at once', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x/y', PORT: '70000', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be a whole number from 1 to 65535, got "70000"',
      'DATABASE_URL is not a postgres:// URL with a database name (postgres://user:pass@host:5432/db)',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ]);
  });

  it('refuses an app connection without an owner connection to migrate with', () => {
    expect(() => loadConfig({ DATABASE_APP_URL: 'postgres://app:x@db:5432/rapport' })).toThrow(
      'DATABASE_APP_URL is set but DATABASE_URL is not',
    );
  });

  it('marks the session cookie secure when the public URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://rapport.example.com/' }).session.secureCookie).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://rapport.example.com/' }).publicUrl).toBe(
      'https://rapport.example.com',
    );
  });

  it('trusts no proxy unless TRUSTED_PROXIES lists it', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: KEY }).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 172.16.0.0/12' }).trustedProxies).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
    ]);
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address or a CIDR block', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.5, uniquelocal' })).toThrow(
      'TRUSTED_PROXIES must list IP addresses or CIDR blocks separated by commas (10.0.0.5, 192.168.0.0/16), got "uniquelocal"',
    );
  });

  it('opens the development mailbox by itself only on a loopback PUBLIC_URL outside production', () => {
    const open = (env: Record<string, string>) =>
      loadConfig({ ENCRYPTION_KEY: KEY, ...env }).mail.isDevMailboxOpen;
    expect(open({})).toBe(true);
    expect(open({ PUBLIC_URL: 'http://127.0.0.1:3000' })).toBe(true);
    expect(open({ PUBLIC_URL: 'https://rapport.example.com' })).toBe(false);
    expect(open({ PUBLIC_URL: 'http://192.168.1.20:3000' })).toBe(false);
    expect(open({ NODE_ENV: 'production' })).toBe(false);
    expect(open({ PUBLIC_URL: 'https://rapport.example.com', DEV_MAILBOX: 'on' })).toBe(true);
    expect(open({ NODE_ENV: 'production', DEV_MAILBOX: 'on' })).toBe(true);
    expect(open({ DEV_MAILBOX: 'off' })).toBe(false);
  });
});
