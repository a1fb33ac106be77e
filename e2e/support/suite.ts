import request from 'supertest';
import { EnvReader, readBaseConfig } from '@crm/config';
import type { ConfidentialityLevel, Role } from '@crm/contracts';
import { createTestDatabase, createTestVhost, type TestDatabase, type TestVhost } from '@crm/testing';
import { startGateway } from '../../services/gateway/src/gateway';
import { loadGatewayConfig } from '../../services/gateway/src/gateway.config';
import { startCustomersService } from '../../services/customers/src/customers.service';
import { startComplaintsService } from '../../services/complaints/src/complaints.service';
import { startReturnsService } from '../../services/returns/src/returns.service';
import { startLoyaltyService } from '../../services/loyalty/src/loyalty.service';

const STARTERS = {
  customers: startCustomersService,
  complaints: startComplaintsService,
  returns: startReturnsService,
  loyalty: startLoyaltyService,
} as const;
type DomainServiceName = keyof typeof STARTERS;

export const ADMIN_KEY = 'e2e-admin-key-0123456789';

export interface ApiKey {
  id: string;
  key: string;
  auth: { Authorization: string };
}

/**
 * The whole suite in this process: the gateway and the chosen domain services, each with its own
 * test database, all on one RabbitMQ vhost of their own — the real servers, isolated per file.
 */
export class Suite {
  private constructor(
    readonly url: string,
    readonly vhost: TestVhost,
    private readonly databases: TestDatabase[],
    private readonly running: { close(): Promise<void> }[],
  ) {}

  static async start(purpose: string, services: DomainServiceName[] = ['customers', 'complaints', 'returns', 'loyalty']): Promise<Suite> {
    const vhost = await createTestVhost(purpose);
    const databases: TestDatabase[] = [];
    const running: { close(): Promise<void> }[] = [];
    try {
      for (const service of services) {
        const database = await createTestDatabase(`${purpose}_${service}`);
        databases.push(database);
        const config = {
          ...readBaseConfig(new EnvReader({}), service, { httpPort: 0 }),
          databaseName: database.name,
          amqpUrl: vhost.url,
          logLevel: 'warn',
          outboxPollMs: 50,
        };
        running.push(await STARTERS[service](config));
      }
      const gatewayDatabase = await createTestDatabase(`${purpose}_gateway`);
      databases.push(gatewayDatabase);
      const gateway = await startGateway({
        ...loadGatewayConfig({}),
        port: 0,
        adminKey: ADMIN_KEY,
        databaseName: gatewayDatabase.name,
        amqpUrl: vhost.url,
        logLevel: 'warn',
      });
      running.push(gateway);
      return new Suite(gateway.url, vhost, databases, running);
    } catch (error) {
      await Promise.allSettled(running.reverse().map((service) => service.close()));
      await Promise.allSettled(databases.map((database) => database.drop()));
      await vhost.delete();
      throw error;
    }
  }

  http() {
    return request(this.url);
  }

  get admin() {
    return { Authorization: `Bearer ${ADMIN_KEY}` };
  }

  async createKey(name: string, roles: Role[], clearance: ConfidentialityLevel = 'confidential', extra: Record<string, unknown> = {}): Promise<ApiKey> {
    const response = await this.http()
      .post('/api/v1/api-keys')
      .set(this.admin)
      .send({ name, roles, clearance, ...extra })
      .expect(201);
    return { id: response.body.id, key: response.body.key, auth: { Authorization: `Bearer ${response.body.key}` } };
  }

  async close(): Promise<void> {
    for (const service of [...this.running].reverse()) await service.close().catch(() => undefined);
    await Promise.allSettled(this.databases.map((database) => database.drop()));
    await this.vhost.delete();
  }
}
