import { randomUUID } from 'node:crypto';
import { ROLES, type Role, ServiceRequestOperations } from '@crm/contracts';
import { GatewayHarness, type TestKey } from './support/gateway-harness';
import { callRoute, roleMismatches, routeCases } from './support/roles-matrix';
import { SERVICE_REQUEST_SAMPLES } from './support/route-samples';
import type { FakeService } from './support/fake-service';

jest.setTimeout(60_000);

const money = (amount: number) => ({ amount, currency: 'CNY' });

const SAMPLES = SERVICE_REQUEST_SAMPLES;

/** GW-3 for every service-request route, read from the operation table (libs/contracts). */
const MATRIX = routeCases(ServiceRequestOperations, SAMPLES);

/**
 * The gateway side of every service-request route against a stand-in complaints service: roles
 * (GW-3, API.md "Who may call what"), validation with the contract classes, and the payload sent
 * over RPC. The domain behaviour is tested in services/complaints and e2e/service-request-desk.
 */
describe('service-request routes (gateway side)', () => {
  let harness: GatewayHarness;
  let fake: FakeService;
  const keys = new Map<Role, TestKey>();

  beforeAll(async () => {
    harness = await GatewayHarness.start('gw_service_request_routes');
    const answer = (payload: unknown) => ({ id: (payload as { id?: string }).id ?? randomUUID(), version: 1, status: 'registered' });
    const page = () => ({ items: [], nextCursor: null });
    fake = await harness.fake(
      'complaints',
      Object.fromEntries(
        Object.values(ServiceRequestOperations).map((operation) => [
          operation.pattern,
          operation === ServiceRequestOperations.list || operation === ServiceRequestOperations.dispatchQueue ? page : answer,
        ]),
      ),
    );
    for (const role of ROLES) {
      keys.set(role, await harness.createKey(`${role}-key`, [role], 'confidential', role === 'pos' ? { storeId: 'S1' } : {}));
    }
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('admits exactly the roles of API.md on every route, and admin everywhere (GW-3)', async () => {
    expect(await roleMismatches(harness, MATRIX, keys)).toEqual([]);
  });

  it('matches API.md: dispatch, countersign and off-site approval are the manager’s; grievance answers include executives', () => {
    const roles = Object.fromEntries(MATRIX.map((route) => [route.name, [...route.roles].sort()]));
    expect(roles.dispatch).toEqual(['manager']);
    expect(roles.countersign).toEqual(['manager']);
    expect(roles.approveOffSite).toEqual(['manager']);
    expect(roles.register).toEqual(['manager', 'sales', 'service']);
    expect(roles.applyOffSite).toEqual(['manager', 'sales', 'service']);
    expect(roles.start).toEqual(['manager', 'service']);
    expect(roles.voucher).toEqual(['manager', 'service']);
    expect(roles.customerSignature).toEqual(['manager', 'service']);
    expect(roles.opinion).toEqual(['manager', 'service']);
    expect(roles.answerGrievance).toEqual(['executive', 'manager', 'service']);
    expect(roles.get).not.toContain('pos');
  });

  it('sends the body plus the path id as the RPC payload', async () => {
    const id = randomUUID();
    fake.calls.length = 0;
    const route = MATRIX.find((candidate) => candidate.pattern === ServiceRequestOperations.applyOffSite.pattern)!;
    await callRoute(harness, route, keys.get('sales')!, id).expect(200);
    expect(fake.calls[0]).toMatchObject({
      pattern: ServiceRequestOperations.applyOffSite.pattern,
      payload: { id, technician: 'Li Qiang', destination: 'Ningbo', days: 2, estimatedCost: money(80_000) },
    });
  });

  it('routes the fixed paths, not `:id`: the dispatch queue is not a request id', async () => {
    fake.calls.length = 0;
    await harness.http().get('/api/v1/service-requests/dispatch-queue').set(keys.get('auditor')!.auth).expect(200);
    expect(fake.calls[0].pattern).toBe(ServiceRequestOperations.dispatchQueue.pattern);
  });

  it('refuses an invalid body before the service sees it (400): a technician longer than 200 characters', async () => {
    fake.calls.length = 0;
    const response = await harness
      .http()
      .post(`/api/v1/service-requests/${randomUUID()}/dispatch`)
      .set(keys.get('manager')!.auth)
      .send({ technician: 't'.repeat(201), promisedDate: '2026-11-06' });
    expect(response.status).toBe(400);
    expect(fake.calls).toEqual([]);
  });
});
