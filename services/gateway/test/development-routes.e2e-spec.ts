import { randomUUID } from 'node:crypto';
import { DevelopmentOperations, ROLES, type Role } from '@crm/contracts';
import { GatewayHarness, type TestKey } from './support/gateway-harness';
import { type RouteCase, callRoute, roleMismatches, routeCases } from './support/roles-matrix';
import { DEVELOPMENT_SAMPLES } from './support/route-samples';
import type { FakeService } from './support/fake-service';

jest.setTimeout(60_000);

const SAMPLES = DEVELOPMENT_SAMPLES;

/** GW-3 for every development-and-visits route, read from the operation table (libs/contracts). */
const MATRIX = routeCases(DevelopmentOperations, SAMPLES);

/**
 * The gateway side of every development-and-visits route against a stand-in customers service:
 * roles (GW-3), validation with the contract classes and the RPC payload. The rules (DEV-1..DEV-5)
 * are tested in services/customers/test/development.int-spec.ts and e2e/customer-development.
 */
describe('development and visits routes (gateway side)', () => {
  let harness: GatewayHarness;
  let fake: FakeService;
  const keys = new Map<Role, TestKey>();

  beforeAll(async () => {
    harness = await GatewayHarness.start('gw_development_routes');
    fake = await harness.fake(
      'customers',
      Object.fromEntries(
        Object.values(DevelopmentOperations).map((operation) => [operation.pattern, () => ({ items: [], nextCursor: null })]),
      ),
    );
    for (const role of ROLES) {
      keys.set(role, await harness.createKey(`${role}-key`, [role], 'confidential', role === 'pos' ? { storeId: 'S1' } : {}));
    }
  });

  afterAll(async () => {
    await harness?.close();
  });

  const call = (route: RouteCase, key: TestKey, id = randomUUID()) => callRoute(harness, route, key, id);

  it('admits exactly the roles of API.md on every route, and admin everywhere (GW-3)', async () => {
    expect(await roleMismatches(harness, MATRIX, keys)).toEqual([]);
  });

  it('sends the body plus the path id, period and purpose as the RPC payload', async () => {
    const id = randomUUID();
    fake.calls.length = 0;
    await harness
      .http()
      .put(`/api/v1/customers/${id}/sales-figures/2026-10`)
      .set(keys.get('finance')!.auth)
      .send(SAMPLES.putSalesFigures.body!)
      .expect(200);
    const visits = MATRIX.find((candidate) => candidate.pattern === DevelopmentOperations.listVisits.pattern)!;
    await call(visits, keys.get('sales')!, id).expect(200);
    expect(fake.calls).toEqual([
      expect.objectContaining({
        pattern: DevelopmentOperations.putSalesFigures.pattern,
        payload: { id, period: '2026-10', ...SAMPLES.putSalesFigures.body },
      }),
      expect.objectContaining({ pattern: DevelopmentOperations.listVisits.pattern, payload: { id, purpose: 'follow-up' } }),
    ]);
  });

  it('refuses an invalid body or query before the service sees it (400)', async () => {
    fake.calls.length = 0;
    const manager = keys.get('manager')!;
    await harness
      .http()
      .post(`/api/v1/customers/${randomUUID()}/visits`)
      .set(manager.auth)
      .send({ visitedAt: 'yesterday', visitor: 'v' })
      .expect(400);
    await harness
      .http()
      .post(`/api/v1/customers/${randomUUID()}/visits`)
      .set(manager.auth)
      .send({ visitedAt: '2026-11-03T08:15:00Z', visitor: 'v', urgent: { kind: 'gossip', summary: 's' } })
      .expect(400);
    await harness.http().get('/api/v1/customers/reports/key-customers?period=26-Q1').set(manager.auth).expect(400);
    await harness.http().get(`/api/v1/customers/${randomUUID()}/visits`).set(manager.auth).expect(400);
    expect(fake.calls).toEqual([]);
  });
});
