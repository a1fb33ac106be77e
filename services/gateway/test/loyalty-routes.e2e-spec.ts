import { LoyaltyOperations, ROLES, type Role } from '@crm/contracts';
import { GatewayHarness, type TestKey } from './support/gateway-harness';
import { callRoute, roleMismatches, routeCases } from './support/roles-matrix';
import { CARD, LOYALTY_SAMPLES, purchase } from './support/route-samples';
import type { FakeService } from './support/fake-service';

jest.setTimeout(120_000);

const money = (amount: number) => ({ amount, currency: 'CNY' });

const SAMPLES = LOYALTY_SAMPLES;

/** GW-3 for every loyalty route, read from the operation table (libs/contracts). */
const MATRIX = routeCases(LoyaltyOperations, SAMPLES);

/**
 * The gateway side of every loyalty route against a stand-in loyalty service: roles (GW-3),
 * validation with the contract classes, the RPC payload, and LOY-4's 201/200. The store checks and
 * every LOY rule are the service's (services/loyalty, e2e/loyalty-*.e2e-spec.ts).
 */
describe('loyalty routes (gateway side)', () => {
  let harness: GatewayHarness;
  let fake: FakeService;
  let replayed = false;
  const keys = new Map<Role, TestKey>();

  beforeAll(async () => {
    harness = await GatewayHarness.start('gw_loyalty_routes');
    const answers: Record<string, () => unknown> = {
      [LoyaltyOperations.recordPurchase.pattern]: () => ({
        purchase: { purchaseId: 'd4ccb286-4291-4a8d-a3e1-0f380ebce8d8', pointsEarned: 10, vipEligible: true },
        replayed,
      }),
      [LoyaltyOperations.listRewards.pattern]: () => ({ items: [], nextCursor: null }),
      [LoyaltyOperations.ledger.pattern]: () => ({ items: [], nextCursor: null }),
    };
    fake = await harness.fake(
      'loyalty',
      Object.fromEntries(
        Object.values(LoyaltyOperations).map((operation) => [operation.pattern, answers[operation.pattern] ?? (() => ({ ok: 1 }))]),
      ),
    );
    for (const role of ROLES)
      keys.set(role, await harness.createKey(`${role}-key`, [role], 'confidential', role === 'pos' ? { storeId: 'S1' } : {}));
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('admits exactly the roles of API.md on every route, and admin everywhere (GW-3)', async () => {
    expect(await roleMismatches(harness, MATRIX, keys)).toEqual([]);
  });

  it('answers 201 for a first purchase and 200 with the same body for a replay (LOY-4)', async () => {
    const route = MATRIX.find((candidate) => candidate.pattern === LoyaltyOperations.recordPurchase.pattern)!;
    replayed = false;
    const first = await callRoute(harness, route, keys.get('pos')!).expect(201);
    replayed = true;
    const again = await callRoute(harness, route, keys.get('pos')!).expect(200);
    expect(again.body).toEqual(first.body);
    expect(first.body).toEqual({ purchaseId: 'd4ccb286-4291-4a8d-a3e1-0f380ebce8d8', pointsEarned: 10, vipEligible: true });
  });

  it('sends the path card number with the query as the RPC payload', async () => {
    fake.calls.length = 0;
    const route = MATRIX.find((candidate) => candidate.pattern === LoyaltyOperations.ledger.pattern)!;
    await callRoute(harness, route, keys.get('service')!, CARD).expect(200);
    expect(fake.calls[0]).toMatchObject({ pattern: LoyaltyOperations.ledger.pattern, payload: { cardNumber: CARD, limit: 10 } });
  });

  it('refuses an invalid body before the service sees it (400)', async () => {
    fake.calls.length = 0;
    const response = await harness
      .http()
      .post('/api/v1/loyalty/purchases')
      .set(keys.get('pos')!.auth)
      .send({ ...purchase, lines: [], paid: money(1.5) });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['lines', 'paid.amount']);
    expect(fake.calls).toEqual([]);
  });
});
