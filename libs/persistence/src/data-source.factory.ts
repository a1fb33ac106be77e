import { DataSource, EntitySchema, MigrationInterface } from 'typeorm';
import { databaseUrl } from './database';

type EntityTarget = Function | EntitySchema;
type MigrationClass = new () => MigrationInterface;

export interface DataSourceSettings {
  serverUrl: string;
  database: string;
  entities: EntityTarget[];
  migrations: MigrationClass[];
  applicationName: string;
  poolSize?: number;
  /** Default statement timeout; a hung query must not hang a request (GW-4). */
  statementTimeoutMs?: number;
}

/** One DataSource per service, migrations only (never `synchronize`: SPEC "Fixed architecture"). */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl(settings.serverUrl, settings.database),
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    connectTimeoutMS: 5000,
    applicationName: settings.applicationName,
    poolSize: settings.poolSize ?? 10,
    extra: {
      statement_timeout: settings.statementTimeoutMs ?? 10_000,
      idle_in_transaction_session_timeout: 30_000,
      // Every session starts READ COMMITTED whatever the server's default, so a transaction is a
      // bare BEGIN — no SET TRANSACTION round trip per command (issue 10, bench/README "Profile").
      options: '-c default_transaction_isolation=read\\ committed',
    },
  });
}

const MIGRATION_LOCK_KEY = 727_101;

/**
 * Runs pending migrations under an advisory lock, so N replicas booting together migrate once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * A pooled connection that the server ends while a query runner holds it between statements (a
 * PostgreSQL restart: `terminating connection due to administrator command`) emits 'error' with no
 * listener, and Node ends the process (found by the fault suite, scenario 3: the returns service
 * exited). Every client the pool opens gets a listener; the runner's next statement fails as a
 * transient error and is retried.
 */
export function keepPoolErrorsInProcess(dataSource: DataSource, onError: (error: Error) => void): void {
  const pool = (
    dataSource.driver as unknown as {
      master?: { on(event: 'connect', listener: (client: { on(event: 'error', listener: (error: Error) => void): void }) => void): void };
    }
  ).master;
  pool?.on('connect', (client) => client.on('error', onError));
}
