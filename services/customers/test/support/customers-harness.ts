import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Caller, ConfidentialityLevel, Role } from '@crm/contracts';
import { RemoteException, type ErrorPayload } from '@crm/errors';
import { AmqpConnection, RpcClient } from '@crm/messaging';
import { createLogger } from '@crm/observability';
import { databaseUrl } from '@crm/persistence';
import type { RunningService } from '@crm/service-kit';
import { EventProbe, createTestDatabase, createTestVhost, testEnv, type TestDatabase, type TestVhost } from '@crm/testing';
import { loadCustomersConfig } from '../../src/customers.config';
import { startCustomersService } from '../../src/customers.service';

/**
 * One customers service on its own test database and RabbitMQ vhost, an RPC client playing the
 * gateway, an event probe on `customers.#`, and a direct SQL connection for checks the API cannot
 * make (triggers, erased columns).
 */
export class CustomersHarness {
  private constructor(
    readonly database: TestDatabase,
    readonly vhost: TestVhost,
    readonly service: RunningService,
    private readonly connection: AmqpConnection,
    private readonly client: RpcClient,
    readonly probe: EventProbe,
    readonly sql: Client,
  ) {}

  static async start(purpose: string): Promise<CustomersHarness> {
    const database = await createTestDatabase(purpose);
    const vhost = await createTestVhost(purpose);
    const config = {
      ...loadCustomersConfig({}),
      databaseUrl: testEnv.databaseUrl,
      databaseName: database.name,
      amqpUrl: vhost.url,
      httpPort: 0,
      logLevel: 'warn',
      outboxPollMs: 50,
    };
    const service = await startCustomersService(config);
    const logger = createLogger('customers-test', 'warn');
    const connection = new AmqpConnection({ url: vhost.url, connectionName: 'customers-test-client', logger });
    await connection.connect();
    const client = new RpcClient(connection, logger, 10_000);
    await client.start();
    const probe = await EventProbe.bind('customers.#', vhost.url);
    const sql = new Client({ connectionString: databaseUrl(testEnv.databaseUrl, database.name) });
    await sql.connect();
    return new CustomersHarness(database, vhost, service, connection, client, probe, sql);
  }

  /** Calls the service as the gateway would, on behalf of `caller`. */
  call<T = Record<string, unknown>>(pattern: string, payload: unknown, caller?: Caller): Promise<T> {
    return this.client.send<T>('customers', pattern, payload, { correlationId: randomUUID(), caller });
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

  async close(): Promise<void> {
    await this.probe?.close().catch(() => undefined);
    await this.client?.close().catch(() => undefined);
    await this.connection?.close().catch(() => undefined);
    await this.service?.close().catch(() => undefined);
    await this.sql?.end().catch(() => undefined);
    await this.database?.drop().catch(() => undefined);
    await this.vhost?.delete().catch(() => undefined);
  }
}

let keys = 0;

/** An authenticated API key as the gateway would resolve it. */
export function caller(roles: Role[], clearance: ConfidentialityLevel = 'confidential', designatedCustomerIds: string[] = []): Caller {
  keys += 1;
  return { keyId: randomUUID(), name: `${roles.join('+')}-key-${keys}`, roles, clearance, storeId: null, designatedCustomerIds };
}

export const DAY = 24 * 60 * 60 * 1000;

/** A valid Register body; `overrides` replace fields. */
export function archiveInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'enterprise',
    name: `Hangzhou West Lake Trading ${randomUUID().slice(0, 8)}`,
    industry: 'tea wholesale',
    employees: 80,
    annualRevenue: { amount: 300_000_000, currency: 'CNY' },
    address: { line: '1 Longjing Road', city: 'Hangzhou', province: 'Zhejiang', country: 'CN' },
    contacts: [
      { name: 'Li Wei', title: 'CEO', phone: '+86 571 8888 1234', email: 'li.wei@example.cn', birthday: '1975-03-09', keyPerson: true },
    ],
    organisationNotes: 'Family-owned; the founder decides.',
    businessStatus: { salesHistorySummary: 'Steady growth', cooperationAttitude: 'Positive' },
    creditInformation: {
      investigationSummary: 'No defaults found',
      paymentBehaviour: 'Pays within 30 days',
      creditLimit: { amount: 50_000_000, currency: 'CNY' },
    },
    emergencyContact: { name: 'Li Na', phone: '13800138000', relation: 'CFO' },
    ownerRep: 'rep-007',
    notes: 'Prefers WeChat',
    ...overrides,
  };
}
