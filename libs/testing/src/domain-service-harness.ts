import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { BaseServiceConfig } from '@crm/config';
import type { Caller, ConfidentialityLevel, Role } from '@crm/contracts';
import { RemoteException, type ErrorPayload } from '@crm/errors';
import { AmqpConnection, RpcClient } from '@crm/messaging';
import { createLogger } from '@crm/observability';
import { databaseUrl } from '@crm/persistence';
import type { RunningService } from '@crm/service-kit';
import { EventProbe } from './broker';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testEnv } from './test-env';
import { createTestVhost, type TestVhost } from './test-vhost';

export interface DomainServiceHarnessOptions<TConfig extends BaseServiceConfig> {
  /** Names the test database and vhost (`test_<purpose>_<random>`): letters, digits, `_`. */
  purpose: string;
  /** The service's configuration, e.g. `loadComplaintsConfig({})`; database, vhost and ports are replaced. */
  config: TConfig;
  /** The service's start function (libs never import services: the test passes it in). */
  start: (config: TConfig) => Promise<RunningService>;
  /** Routing key pattern the event probe binds to `crm.events`; default `<serviceName>.#`. */
  events?: string;
  rpcTimeoutMs?: number;
}

interface Parts {
  database?: TestDatabase;
  vhost?: TestVhost;
  service?: RunningService;
  connection?: AmqpConnection;
  client?: RpcClient;
  probe?: EventProbe;
  sql?: Client;
}

/**
 * One domain service booted for an integration test file on real PostgreSQL and RabbitMQ: its own
 * test database (STYLE rule 10) and vhost, an RPC client playing the gateway (`call`, `failure`),
 * an event probe on the service's events, and a direct SQL connection for what the API cannot
 * show (triggers, erased columns). `close()` in `afterAll` removes everything, also after a
 * failed start.
 *
 * ```ts
 * const h = await DomainServiceHarness.start({ purpose: 'complaints_flow', config: loadComplaintsConfig({}), start: startComplaintsService });
 * await h.call(ComplaintPattern.Register, input, testCaller(['service']));
 * ```
 */
export class DomainServiceHarness<TConfig extends BaseServiceConfig = BaseServiceConfig> {
  private constructor(
    readonly config: TConfig,
    private readonly parts: Required<Parts>,
  ) {}

  static async start<TConfig extends BaseServiceConfig>(
    options: DomainServiceHarnessOptions<TConfig>,
  ): Promise<DomainServiceHarness<TConfig>> {
    const parts: Parts = {};
    try {
      parts.database = await createTestDatabase(options.purpose);
      parts.vhost = await createTestVhost(options.purpose);
      const config: TConfig = {
        ...options.config,
        databaseUrl: testEnv.databaseUrl,
        databaseName: parts.database.name,
        amqpUrl: parts.vhost.url,
        httpPort: 0,
        logLevel: 'warn',
        outboxPollMs: 50,
      };
      parts.service = await options.start(config);
      const logger = createLogger(`${config.serviceName}-test`, 'warn');
      parts.connection = new AmqpConnection({ url: parts.vhost.url, connectionName: `${config.serviceName}-test-client`, logger });
      await parts.connection.connect();
      parts.client = new RpcClient(parts.connection, logger, options.rpcTimeoutMs ?? 10_000);
      await parts.client.start();
      parts.probe = await EventProbe.bind(options.events ?? `${config.serviceName}.#`, parts.vhost.url);
      parts.sql = new Client({ connectionString: databaseUrl(testEnv.databaseUrl, parts.database.name) });
      await parts.sql.connect();
      return new DomainServiceHarness(config, parts as Required<Parts>);
    } catch (error) {
      await closeParts(parts);
      throw error;
    }
  }

  get database(): TestDatabase {
    return this.parts.database;
  }
  get vhost(): TestVhost {
    return this.parts.vhost;
  }
  get service(): RunningService {
    return this.parts.service;
  }
  get probe(): EventProbe {
    return this.parts.probe;
  }
  get sql(): Client {
    return this.parts.sql;
  }

  /** Calls the service as the gateway would, on behalf of `caller`. */
  call<T = Record<string, unknown>>(pattern: string, payload: unknown, caller?: Caller): Promise<T> {
    return this.parts.client.send<T>(this.config.serviceName, pattern, payload, { correlationId: randomUUID(), caller });
  }

  /** The error payload of a call that must fail. */
  async failure(pattern: string, payload: unknown, caller?: Caller): Promise<ErrorPayload & Record<string, unknown>> {
    try {
      await this.call(pattern, payload, caller);
    } catch (error) {
      if (error instanceof RemoteException) return error.payload as ErrorPayload & Record<string, unknown>;
      throw error;
    }
    throw new Error(`${pattern} succeeded but was expected to fail`);
  }

  close(): Promise<void> {
    return closeParts(this.parts);
  }
}

async function closeParts(parts: Parts): Promise<void> {
  await parts.probe?.close().catch(() => undefined);
  await parts.client?.close().catch(() => undefined);
  await parts.connection?.close().catch(() => undefined);
  await parts.service?.close().catch(() => undefined);
  await parts.sql?.end().catch(() => undefined);
  await parts.database?.drop().catch(() => undefined);
  await parts.vhost?.delete().catch(() => undefined);
}

let callers = 0;

/** An authenticated API key as the gateway would resolve it; every call makes a new key. */
export function testCaller(
  roles: Role[],
  options: { clearance?: ConfidentialityLevel; designatedCustomerIds?: string[]; storeId?: string | null; name?: string } = {},
): Caller {
  callers += 1;
  return {
    keyId: randomUUID(),
    name: options.name ?? `${roles.join('+')}-key-${callers}`,
    roles,
    clearance: options.clearance ?? 'confidential',
    storeId: options.storeId ?? null,
    designatedCustomerIds: options.designatedCustomerIds ?? [],
  };
}
