import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_ROLE, MIGRATIONS_TABLE } from './database-roles';
import { MIGRATIONS } from './migrations';

export interface ConnectionTarget {
  url: string;
  /** Switch to this role on every new connection (used when the URL logs in as the owner). */
  setRole?: string;
  poolSize?: number;
  applicationName?: string;
}

export function dataSourceOptions(target: ConnectionTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: target.poolSize ?? 10,
      application_name: target.applicationName ?? 'rapport',
      // A startup parameter, so the role is in force before the first query and a pooled
      // connection can never run as the owner.
      ...(target.setRole ? { options: `-c role=${target.setRole}` } : {}),
      connectionTimeoutMillis: 5000,
    },
  };
}

/** How the app itself connects: its own login when given, else the owner login acting as the app role. */
export function appConnectionTarget(
  ownerUrl: string,
  appUrl: string | undefined,
  poolSize: number,
): ConnectionTarget {
  return appUrl ? { url: appUrl, poolSize } : { url: ownerUrl, setRole: APP_ROLE, poolSize };
}

export function ownerDataSource(ownerUrl: string): DataSource {
  return new DataSource(
    dataSourceOptions({ url: ownerUrl, poolSize: 2, applicationName: 'rapport-migrate' }),
  );
}
