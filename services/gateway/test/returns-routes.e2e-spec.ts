import { randomUUID } from 'node:crypto';
import { ReturnOperations, type Role } from '@crm/contracts';
import type { GatewayHarness, TestKey } from './support/gateway-harness';
import { type RouteCase, callRoute, roleMismatches, routeCases, startRoutesHarness } from './support/roles-matrix';
import { RETURN_SAMPLES } from './support/route-samples';
import type { FakeService } from './support/fake-service';

jest.setTimeout(60_000);

const SAMPLES = RETURN_SAMPLES;

/** GW-3 for every returns route, read from the operation table (libs/contracts). */
const MATRIX = routeCases(ReturnOperations, SAMPLES);

/**
 * The gateway side of every returns route against a stand-in returns service: roles (GW-3),
 * validation with the contract classes, and the payload (body + path id) sent over RPC. The domain
 * behaviour is tested in services/returns and e2e/finance-booking.
 */
describe('returns routes (gateway side)', () => {
  let harness: GatewayHarness;
  let fake: FakeService;
  let keys: Map<Role, TestKey>;

  beforeAll(async () => {
    ({ harness, fake, keys } = await startRoutesHarness('gw_return_routes', 'returns', ReturnOperations, {
      lists: [ReturnOperations.list],
      status: 'requested',
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
    const route = MATRIX.find((candidate) => candidate.pattern === ReturnOperations.receive.pattern)!;
    await call(route, keys.get('warehouse')!, id).expect(200);
    expect(fake.calls[0]).toMatchObject({ pattern: ReturnOperations.receive.pattern, payload: { id, signedBy: 'Zhao Lei' } });
  });

  it('refuses an invalid body before the service sees it (400)', async () => {
    fake.calls.length = 0;
    const response = await harness
      .http()
      .post('/api/v1/returns')
      .set(keys.get('sales')!.auth)
      .send({ customerId: 'nope', handling: 'refund', lines: [{ sku: 'A', quantity: 0, unitPrice: { amount: 1.5, currency: 'CNY' } }] });
    expect(response.status).toBe(400);
    expect(fake.calls).toEqual([]);
  });
});
