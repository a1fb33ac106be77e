import request from 'supertest';
import type { ConfidentialityLevel, Role } from '@crm/contracts';
import { createTestDatabase, createTestVhost, type TestDatabase, type TestVhost } from '@crm/testing';
import { type GatewayConfig, loadGatewayConfig } from '../../src/gateway.config';
import { type RunningGateway, startGateway } from '../../src/gateway';
import { startFakeService, type FakeHandler, type FakeService } from './fake-service';
import { RoundRobin } from './round-robin';

export const ADMIN_KEY = 'gateway-e2e-admin-key-0123456789';

export interface TestKey {
  id: string;
  key: string;
  auth: { Authorization: string };
}

export interface HarnessOptions {
  /**
   * Runs before the gateway starts, on the harness's vhost: the suite-level tests in e2e/ boot the
   * real domain services here (a service's own tests never import another service, STYLE rule 12).
   */
  boot?: (harness: GatewayHarness) => Promise<void>;
  config?: Partial<GatewayConfig>;
  /**
   * Gateway replicas on the one gateway database and vhost (default 1). With more than one, `url`
   * is a round-robin balancer in front of them (issue 11, replicas) and `urls` are the replicas.
   */
  gateways?: number;
}

/**
 * One gateway per test file on a database and a RabbitMQ vhost of its own (STYLE rule 10):
 * the real servers, the real queue names, nothing shared with another run.
 */
export class GatewayHarness {
  private readonly closers: (() => Promise<void>)[] = [];

  private constructor(
    readonly vhost: TestVhost,
    private readonly databases: TestDatabase[],
  ) {}

  /** Where callers go: the gateway, or the balancer in front of the replicas. */
  url = '';
  /** Each gateway replica's own URL. */
  urls: string[] = [];
  /** The balancer when there is more than one gateway (requests per replica in `served`). */
  balancer?: RoundRobin;
  gatewayDatabase = '';

  static async start(purpose: string, options: HarnessOptions = {}): Promise<GatewayHarness> {
    const vhost = await createTestVhost(purpose);
    const harness = new GatewayHarness(vhost, []);
    try {
      await options.boot?.(harness);
      const database = await createTestDatabase(`${purpose}_gateway`);
      harness.databases.push(database);
      harness.gatewayDatabase = database.name;
      const config: GatewayConfig = {
        ...loadGatewayConfig({}),
        port: 0,
        adminKey: ADMIN_KEY,
        databaseName: database.name,
        amqpUrl: vhost.url,
        logLevel: 'warn',
        ...options.config,
      };
      // Replicas start together, as a deployment's pods do (migrations take an advisory lock).
      const started = await Promise.allSettled(Array.from({ length: options.gateways ?? 1 }, () => startGateway(config)));
      for (const result of started) if (result.status === 'fulfilled') harness.closers.push(() => result.value.close());
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      harness.urls = started.map((result) => (result as PromiseFulfilledResult<RunningGateway>).value.url);
      harness.url = harness.urls[0];
      if (harness.urls.length > 1) {
        const balancer = await RoundRobin.start(harness.urls);
        harness.closers.push(() => balancer.close());
        harness.balancer = balancer;
        harness.url = balancer.url;
      }
      return harness;
    } catch (error) {
      await harness.close();
      throw error;
    }
  }

  http() {
    return request(this.url);
  }

  /** A fresh test database, dropped on close. */
  async database(purpose: string): Promise<string> {
    const database = await createTestDatabase(purpose);
    this.databases.push(database);
    return database.name;
  }

  /** The names of every database of this run (domain services' and the gateway's), e.g. to count their rows. */
  get databaseNames(): string[] {
    return this.databases.map((database) => database.name);
  }

  /** Runs on close, before the databases are dropped (last registered, first run). */
  onClose(close: () => Promise<void>): void {
    this.closers.push(close);
  }

  get admin() {
    return { Authorization: `Bearer ${ADMIN_KEY}` };
  }

  async fake(service: string, handlers: Record<string, FakeHandler> = {}): Promise<FakeService> {
    const fake = await startFakeService(service, this.vhost.url, handlers);
    this.closers.push(() => fake.close());
    return fake;
  }

  async createKey(
    name: string,
    roles: Role[],
    clearance: ConfidentialityLevel = 'confidential',
    extra: Record<string, unknown> = {},
  ): Promise<TestKey> {
    const response = await this.http()
      .post('/api/v1/api-keys')
      .set(this.admin)
      .send({ name, roles, clearance, ...extra });
    if (response.status !== 201) throw new Error(`creating key ${name}: ${response.status} ${JSON.stringify(response.body)}`);
    return { id: response.body.id, key: response.body.key, auth: { Authorization: `Bearer ${response.body.key}` } };
  }

  async close(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) await close().catch(() => undefined);
    await Promise.allSettled(this.databases.map((database) => database.drop()));
    await this.vhost.delete();
  }
}
