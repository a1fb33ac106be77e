import { ConfigError, EnvReader, LOG_LEVELS } from '@crm/config';
import { parseCorsOrigins } from './http/security-headers';

/** The local-only bootstrap admin key of `.env.example`; refused in production (OPS-2). */
export const DEV_ADMIN_KEY = 'dev-admin-key-change-me';

/** Typed, validated configuration of the gateway (OPS-2, STYLE rule 9). */
export interface GatewayConfig {
  port: number;
  /** Bootstrap admin key (GW-2); compared by hash, never logged. */
  adminKey: string;
  databaseUrl: string;
  /** The gateway's own database: API keys and idempotency records. */
  databaseName: string;
  amqpUrl: string;
  /** Deadline of every RPC call: 4.5 s leaves room for the key lookup and the reply, so the whole answer (503/504 included) comes within GW-4's 5 s. */
  rpcTimeoutMs: number;
  /** Deadline of each domain service's answer to the readiness ping. */
  readinessTimeoutMs: number;
  bodyLimitBytes: number;
  /** Requests per second per API key when the key sets none (GW-4). */
  defaultRateLimit: number;
  idempotencyTtlHours: number;
  /** How often expired idempotency records are deleted (GW-6). */
  idempotencyCleanupMs: number;
  logLevel: string;
  shutdownGraceMs: number;
  production: boolean;
  /** Browser origins allowed by CORS (`GATEWAY_CORS_ORIGINS`); empty = CORS closed. */
  corsOrigins: string[];
}

function corsOrigins(reader: EnvReader): string[] {
  try {
    return parseCorsOrigins(reader.optionalString('GATEWAY_CORS_ORIGINS'));
  } catch (error) {
    throw new ConfigError('GATEWAY_CORS_ORIGINS', (error as Error).message);
  }
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const reader = new EnvReader(env);
  const production = env.NODE_ENV === 'production';
  // GW-2: a production gateway never runs with the well-known local key.
  const adminKey = production ? reader.string('GATEWAY_ADMIN_KEY') : reader.string('GATEWAY_ADMIN_KEY', DEV_ADMIN_KEY);
  const config: GatewayConfig = {
    port: reader.int('GATEWAY_PORT', 3000, { min: 0, max: 65535 }),
    adminKey,
    databaseUrl: reader.url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/postgres', ['postgres:', 'postgresql:']),
    databaseName: reader.string('GATEWAY_DB_NAME', 'gateway'),
    amqpUrl: reader.url('AMQP_URL', 'amqp://guest:guest@127.0.0.1:5672', ['amqp:', 'amqps:']),
    rpcTimeoutMs: reader.int('RPC_TIMEOUT_MS', 4500, { min: 100, max: 30_000 }),
    readinessTimeoutMs: reader.int('READINESS_TIMEOUT_MS', 2000, { min: 100, max: 10_000 }),
    bodyLimitBytes: reader.int('BODY_LIMIT_BYTES', 1_048_576, { min: 1024, max: 100 * 1_048_576 }),
    defaultRateLimit: reader.int('DEFAULT_RATE_LIMIT', 100, { min: 1, max: 1_000_000 }),
    idempotencyTtlHours: reader.int('IDEMPOTENCY_TTL_HOURS', 168, { min: 1, max: 24 * 365 }),
    idempotencyCleanupMs: reader.int('IDEMPOTENCY_CLEANUP_MS', 10 * 60_000, { min: 1000, max: 24 * 3_600_000 }),
    logLevel: reader.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    shutdownGraceMs: reader.int('SHUTDOWN_GRACE_MS', 10_000, { min: 0, max: 120_000 }),
    production,
    corsOrigins: corsOrigins(reader),
  };
  reader.done();
  if (production && (adminKey === DEV_ADMIN_KEY || adminKey.length < 16)) {
    throw new ConfigError('GATEWAY_ADMIN_KEY', 'must be a secret of at least 16 characters (not the local default) in production');
  }
  return config;
}
