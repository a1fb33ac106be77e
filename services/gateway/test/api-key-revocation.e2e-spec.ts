import request from 'supertest';
import { CustomerOperations } from '@crm/contracts';
import { type GatewayConfig, loadGatewayConfig } from '../src/gateway.config';
import { type RunningGateway, startGateway } from '../src/gateway';
import { ADMIN_KEY, GatewayHarness } from './support/gateway-harness';

// The e2e project's testTimeout is a global option Jest ignores per project: set it here.
jest.setTimeout(60_000);

/**
 * Issue 10 / GW-2: gateways cache API keys, yet a key revoked through one replica is refused by
 * every other replica at once — two gateways on one database and one vhost.
 */
describe('API key cache across gateway replicas', () => {
  let harness: GatewayHarness;
  let second: RunningGateway;

  beforeAll(async () => {
    harness = await GatewayHarness.start('gw_key_cache');
    await harness.fake('customers', { [CustomerOperations.list.pattern]: () => ({ items: [], nextCursor: null }) });
    const config: GatewayConfig = {
      ...loadGatewayConfig({}),
      port: 0,
      adminKey: ADMIN_KEY,
      databaseName: harness.gatewayDatabase,
      amqpUrl: harness.vhost.url,
      logLevel: 'warn',
    };
    second = await startGateway(config);
    harness.onClose(() => second.close());
  });

  afterAll(async () => {
    await harness?.close();
  });

  const list = (url: string, auth: { Authorization: string }) => request(url).get('/api/v1/customers').set(auth);

  it('refuses a key on the other replica as soon as the revocation through one replica answered', async () => {
    for (let round = 0; round < 5; round++) {
      const key = await harness.createKey(`replicated-${round}`, ['sales']);
      // Both replicas have the key cached (several calls each).
      for (let i = 0; i < 3; i++) {
        await list(harness.url, key.auth).expect(200);
        await list(second.url, key.auth).expect(200);
      }
      const [revokeThrough, other] = round % 2 === 0 ? [harness.url, second.url] : [second.url, harness.url];
      await request(revokeThrough).delete(`/api/v1/api-keys/${key.id}`).set(harness.admin).expect(204);
      const refused = await list(other, key.auth).expect(401);
      expect(refused.body.code).toBe('API_KEY_INVALID');
      await list(revokeThrough, key.auth).expect(401);
    }
  });

  it('serves a cached key with its roles, clearance and rate limit, and still refuses it once expired', async () => {
    const key = await harness.createKey('cached', ['sales'], 'secret', {
      rateLimitPerSecond: 2,
      expiresAt: new Date(Date.now() + 1500).toISOString(),
    });
    await list(second.url, key.auth).expect(200);
    await request(second.url).get('/api/v1/api-keys').set(key.auth).expect(403); // roles from the cached row
    await list(second.url, key.auth).expect(429); // the key's own limit (2/s), from the cached row
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const expired = await list(second.url, key.auth).expect(401);
    expect(expired.body.code).toBe('API_KEY_EXPIRED');
  });

  it('revoking again is harmless and answers 204', async () => {
    const key = await harness.createKey('twice', ['sales']);
    await request(harness.url).delete(`/api/v1/api-keys/${key.id}`).set(harness.admin).expect(204);
    await request(second.url).delete(`/api/v1/api-keys/${key.id}`).set(harness.admin).expect(204);
    await list(second.url, key.auth).expect(401);
  });
});
