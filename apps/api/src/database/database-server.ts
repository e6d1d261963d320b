import type { AppConfig } from '../config/app-config';
import { appConnectionTarget, type ConnectionTarget } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';
import { clearOrphanedPostmaster } from './stale-postmaster';

export interface DatabaseServer {
  ownerUrl: string;
  appTarget: ConnectionTarget;
  isEmbedded: boolean;
  stop(): Promise<void>;
}

/** The configured PostgreSQL, or an embedded one under DATA_DIR when DATABASE_URL is unset. */
export async function openDatabaseServer(
  config: AppConfig,
  log: (line: string) => void,
): Promise<DatabaseServer> {
  const { ownerUrl, appUrl, poolSize } = config.database;
  if (ownerUrl) {
    return {
      ownerUrl,
      appTarget: appConnectionTarget(ownerUrl, appUrl, poolSize),
      isEmbedded: false,
      stop: async () => undefined,
    };
  }
  const dataDir = `${config.embedded.dataDir}/postgres`;
  await clearOrphanedPostmaster(dataDir, log);
  log(`Starting the embedded PostgreSQL (data in ${dataDir}, port ${config.embedded.port})`);
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: config.embedded.port,
    database: 'rapport',
    onLog: () => undefined,
  });
  return {
    ownerUrl: embedded.ownerUrl,
    appTarget: appConnectionTarget(embedded.ownerUrl, undefined, poolSize),
    isEmbedded: true,
    stop: embedded.stop,
  };
}
