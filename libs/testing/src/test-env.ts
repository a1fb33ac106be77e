import { randomBytes } from 'node:crypto';

/** Where the real servers are during tests (the same defaults as the services). */
export const testEnv = {
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  amqpUrl: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
};

/** A short random suffix that makes database and queue names unique per test run. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}
