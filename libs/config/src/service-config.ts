import { EnvReader } from './env';

/**
 * Settings every service shares: where PostgreSQL and RabbitMQ are, log level, shutdown grace.
 * Each service extends this with its own typed class (`customers.config.ts`, …).
 */
export interface BaseServiceConfig {
  serviceName: string;
  databaseUrl: string;
  databaseName: string;
  amqpUrl: string;
  httpPort: number;
  logLevel: string;
  prefetch: number;
  shutdownGraceMs: number;
  outboxPollMs: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function readBaseConfig(
  env: EnvReader,
  serviceName: string,
  defaults: { httpPort: number; databaseName?: string },
): BaseServiceConfig {
  const prefix = serviceName.toUpperCase();
  return {
    serviceName,
    databaseUrl: env.url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/postgres', ['postgres:', 'postgresql:']),
    databaseName: env.string(`${prefix}_DB_NAME`, defaults.databaseName ?? serviceName),
    amqpUrl: env.url('AMQP_URL', 'amqp://guest:guest@127.0.0.1:5672', ['amqp:', 'amqps:']),
    httpPort: env.int(`${prefix}_PORT`, defaults.httpPort, { min: 0, max: 65535 }),
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    prefetch: env.int('AMQP_PREFETCH', 20, { min: 1, max: 1000 }),
    shutdownGraceMs: env.int('SHUTDOWN_GRACE_MS', 10_000, { min: 0, max: 120_000 }),
    outboxPollMs: env.int('OUTBOX_POLL_MS', 250, { min: 10, max: 60_000 }),
  };
}
