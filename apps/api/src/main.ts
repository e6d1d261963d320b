import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { devEncryptionKey } from './config/dev-encryption-key';
import { openDatabaseServer } from './database/database-server';
import { migrateDownOne, migrateUp } from './database/migrator';
import { createHttpApp } from './http-app';
import { DEMO_LOGIN, DEMO_STAFF, DemoSeeder } from './seed/demo-seeder';

const COMMANDS = ['serve', 'migrate', 'revert', 'seed-demo'] as const;
type Command = (typeof COMMANDS)[number];

function say(line: string): void {
  process.stdout.write(`${line}\n`);
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
      process.once(signal, () => {
        say(`\n${signal} received: stopping`);
        void app
          .close()
          .then(stopDatabase)
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
