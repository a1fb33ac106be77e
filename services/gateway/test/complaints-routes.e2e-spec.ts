import { randomUUID } from 'node:crypto';
import { ComplaintOperations, type Role } from '@crm/contracts';
import type { GatewayHarness, TestKey } from './support/gateway-harness';
import { type RouteCase, callRoute, roleMismatches, routeCases, startRoutesHarness } from './support/roles-matrix';
import { COMPLAINT_SAMPLES } from './support/route-samples';
import type { FakeService } from './support/fake-service';

jest.setTimeout(60_000);

const money = (amount: number) => ({ amount, currency: 'CNY' });

const SAMPLES = COMPLAINT_SAMPLES;

/** GW-3 for every complaints route, read from the operation table (libs/contracts). */
const MATRIX = routeCases(ComplaintOperations, SAMPLES);

/**
 * The gateway side of every complaints route against a stand-in complaints service: roles (GW-3),
 * validation with the contract classes, and the payload (body + path id) sent over RPC. The domain
 * behaviour — including CMP-8's manager threshold, which the service decides — is tested in
 * services/complaints and e2e/complaint-lifecycle.
 */
describe('complaints routes (gateway side)', () => {
  let harness: GatewayHarness;
  let fake: FakeService;
  let keys: Map<Role, TestKey>;

  beforeAll(async () => {
    ({ harness, fake, keys } = await startRoutesHarness('gw_complaint_routes', 'complaints', ComplaintOperations, {
      lists: [ComplaintOperations.list],
      status: 'registered',
    }));
  });

  afterAll(async () => {
    await harness?.close();
  });

  const call = (route: RouteCase, key: TestKey, id = randomUUID()) => callRoute(harness, route, key, id);

  it('admits exactly the roles of API.md on every route, and admin everywhere (GW-3)', async () => {
    expect(await roleMismatches(harness, MATRIX, keys)).toEqual([]);
  });

  it('sends the body plus the path id as the RPC payload', async () => {
    const id = randomUUID();
    fake.calls.length = 0;
    const route = MATRIX.find((candidate) => candidate.pattern === ComplaintOperations.propose.pattern)!;
    await call(route, keys.get('sales')!, id).expect(200);
    expect(fake.calls[0]).toMatchObject({
      pattern: ComplaintOperations.propose.pattern,
      payload: { id, resolution: 'compensation', amount: money(600_000) },
    });
  });

  it('refuses an invalid body before the service sees it (400)', async () => {
    fake.calls.length = 0;
    const response = await harness
      .http()
      .post(`/api/v1/complaints/${randomUUID()}/follow-up`)
      .set(keys.get('service')!.auth)
      .send({ satisfied: 'yes', ratings: { attitude: 'great' } });
    expect(response.status).toBe(400);
    expect(fake.calls).toEqual([]);
  });
});
