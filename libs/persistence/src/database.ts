import { Client } from 'pg';

/** Points a PostgreSQL URL at another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Refusing unsafe database name "${name}"`);
  return `"${name}"`;
}

/**
 * Creates the service's database when it is missing, so `npm start` works on a bare server.
 * Safe when several replicas start at once: a concurrent creation is treated as success.
 */
export async function ensureDatabase(serverUrl: string, database: string, connectTimeoutMs = 5000): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres'), connectionTimeoutMillis: connectTimeoutMs });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
      return true;
    } catch (error) {
      // 42P04 duplicate_database; 23505 when two CREATEs race on pg_database's unique index.
      const code = (error as { code?: string }).code;
      if (code === '42P04' || code === '23505') return false;
      throw error;
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * STYLE rule 10: tests refuse to touch a database whose name does not say it is a test database,
 * so a mis-set DATABASE_URL can never wipe real data.
 */
export function assertTestDatabase(database: string): void {
  if (!/(^test_|_test$|_test_)/.test(database)) {
    throw new Error(`Refusing to run tests against database "${database}": its name must start with "test_" or contain "_test"`);
  }
}
