import { randomUUID } from 'node:crypto';
import { CustomerOperations, ROLES, type Caller, type Role } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { GatewayHarness, type TestKey } from './support/gateway-harness';
import { roleMismatches, routeCases } from './support/roles-matrix';
import { CUSTOMER_SAMPLES, registration } from './support/route-samples';
import type { FakeService } from './support/fake-service';

// The e2e project's testTimeout is a global option Jest ignores per project: set it here.
jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SAMPLES = CUSTOMER_SAMPLES;

/**
 * GW-3 for every customers route, read from the operation table (libs/contracts) — the same table
 * the gateway's guard and the service's role checks read. `admin` passes everything; operations
 * the service refuses itself (CUS-7) let every key through the gateway.
 */
const MATRIX = routeCases(CustomerOperations, SAMPLES);

/**
 * The gateway side of every customers route against a stand-in customers service that records
 * what it receives: roles, validation, headers, the payloads and the Caller/correlation id sent
 * over RPC, and idempotency (GW-6). The domain behaviour itself is tested in services/customers.
 */
describe('customers routes (gateway side)', () => {
  let harness: GatewayHarness;
  let fake: FakeService;
  const keys = new Map<Role, TestKey>();
  let registered = 0;

  beforeAll(async () => {
    harness = await GatewayHarness.start('gw_routes');
    const answer = (payload: unknown) => ({ id: (payload as { id?: string }).id ?? randomUUID(), version: 7, status: 'prospect' });
    fake = await harness.fake('customers', {
      [CustomerOperations.register.pattern]: async (payload) => {
        const name = (payload as { name: string }).name;
        if (name === 'slow') await sleep(1500);
        if (name === 'boom') throw new Error('boom');
        if (name === 'conflict') throw { kind: ErrorKind.Conflict, code: 'DUPLICATE', message: 'already there' };
        registered += 1;
        return { id: randomUUID(), name, registered };
      },
      [CustomerOperations.list.pattern]: () => ({ items: [], nextCursor: null }),
      [CustomerOperations.get.pattern]: answer,
      [CustomerOperations.update.pattern]: answer,
      [CustomerOperations.submit.pattern]: answer,
      [CustomerOperations.approve.pattern]: answer,
      [CustomerOperations.reject.pattern]: answer,
      [CustomerOperations.grade.pattern]: answer,
      [CustomerOperations.review.pattern]: answer,
      [CustomerOperations.markDormant.pattern]: answer,
      [CustomerOperations.approveDestruction.pattern]: answer,
      [CustomerOperations.accessLog.pattern]: () => ({ items: [], nextCursor: null }),
    });
    for (const role of ROLES)
      keys.set(
        role,
        await harness.createKey(`${role}-key`, [role], role === 'pos' ? 'confidential' : 'secret', role === 'pos' ? { storeId: 'S1' } : {}),
      );
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('admits exactly the roles of API.md on every route, and admin everywhere (GW-3)', async () => {
    expect(await roleMismatches(harness, MATRIX, keys)).toEqual([]);
  });

  it('sends the caller and the X-Request-Id with every RPC, and the payload shapes of the contract', async () => {
    const manager = keys.get('manager')!;
    const id = randomUUID();
    fake.calls.length = 0;
    await harness
      .http()
      .patch(`/api/v1/customers/${id}`)
      .set(manager.auth)
      .set('If-Match', 'W/"3"')
      .set('X-Request-Id', 'corr-patch-1')
      .send({ industry: 'retail' })
      .expect(200);
    const [update] = fake.calls;
    expect(update).toMatchObject({
      pattern: CustomerOperations.update.pattern,
      payload: { id, expectedVersion: 3, changes: { industry: 'retail' } },
      correlationId: 'corr-patch-1',
    });
    expect(update.caller as Caller).toMatchObject({
      keyId: manager.id,
      name: 'manager-key',
      roles: ['manager'],
      clearance: 'secret',
      storeId: null,
      designatedCustomerIds: [],
    });

    const read = await harness
      .http()
      .get(`/api/v1/customers/${id}`)
      .set(manager.auth)
      .set('X-Access-Purpose', '  credit check ')
      .expect(200);
    expect(read.headers.etag).toBe('W/"7"');
    expect(fake.calls[1]).toMatchObject({ pattern: CustomerOperations.get.pattern, payload: { id, purpose: 'credit check' } });

    await harness
      .http()
      .get('/api/v1/customers')
      .query({ status: 'active', grade: 'B', reviewOverdue: 'true', createdLate: 'false', limit: '20', q: 'acme' })
      .set(manager.auth)
      .expect(200);
    expect(fake.calls[2].payload).toEqual({ status: 'active', grade: 'B', reviewOverdue: true, createdLate: false, limit: 20, q: 'acme' });

    await harness
      .http()
      .post(`/api/v1/customers/${id}/grade`)
      .set(manager.auth)
      .send({ creditRating: 'C', reason: 'late payments' })
      .expect(200);
    expect(fake.calls[3].payload).toEqual({ id, creditRating: 'C', reason: 'late payments' });
    await harness.http().get(`/api/v1/customers/${id}/access-log`).set(keys.get('auditor')!.auth).query({ limit: 5 }).expect(200);
    expect(fake.calls[4].payload).toEqual({ id, limit: 5 });
  });

  it('requires If-Match on PATCH, in any of its accepted forms', async () => {
    const sales = keys.get('sales')!;
    const id = randomUUID();
    const missing = await harness.http().patch(`/api/v1/customers/${id}`).set(sales.auth).send({ industry: 'x' }).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'If-Match', message: expect.stringContaining('required') }]);
    await harness.http().patch(`/api/v1/customers/${id}`).set(sales.auth).set('If-Match', '*').send({ industry: 'x' }).expect(400);
    for (const form of ['3', '"3"', 'W/"3"']) {
      await harness.http().patch(`/api/v1/customers/${id}`).set(sales.auth).set('If-Match', form).send({ industry: 'x' }).expect(200);
    }
  });

  it('requires X-Access-Purpose (≤ 200 characters) to read a full archive (CUS-7)', async () => {
    const sales = keys.get('sales')!;
    const id = randomUUID();
    const missing = await harness.http().get(`/api/v1/customers/${id}`).set(sales.auth).expect(400);
    expect(missing.body.errors[0].field).toBe('X-Access-Purpose');
    await harness.http().get(`/api/v1/customers/${id}`).set(sales.auth).set('X-Access-Purpose', 'p'.repeat(201)).expect(400);
  });

  it('validates bodies, queries and ids on every route', async () => {
    const manager = keys.get('manager')!;
    const id = randomUUID();
    const cases: [string, () => Promise<{ status: number; body: { errors?: { field: string }[] } }>, string][] = [
      ['submit', () => harness.http().post(`/api/v1/customers/${id}/submit`).set(manager.auth).send({ generalSurvey: 'g' }), 'fieldSurvey'],
      ['reject', () => harness.http().post(`/api/v1/customers/${id}/reject`).set(manager.auth).send({}), 'reason'],
      ['grade', () => harness.http().post(`/api/v1/customers/${id}/grade`).set(manager.auth).send({ grade: 'E', reason: 'x' }), 'grade'],
      ['review', () => harness.http().post(`/api/v1/customers/${id}/reviews`).set(manager.auth).send({ outcome: 'fine' }), 'outcome'],
      [
        'dormant',
        () =>
          harness
            .http()
            .post(`/api/v1/customers/${id}/dormant`)
            .set(manager.auth)
            .send({ reason: 'r'.repeat(10_001) }),
        'reason',
      ],
      ['list limit', () => harness.http().get('/api/v1/customers').query({ limit: 201 }).set(manager.auth), 'limit'],
      ['list flag', () => harness.http().get('/api/v1/customers').query({ reviewOverdue: 'yes' }).set(manager.auth), 'reviewOverdue'],
      ['list status', () => harness.http().get('/api/v1/customers').query({ status: 'sleeping' }).set(manager.auth), 'status'],
      ['bad id', () => harness.http().post('/api/v1/customers/123/approve').set(manager.auth).send({}), 'id'],
      [
        'too many contacts',
        () =>
          harness
            .http()
            .post('/api/v1/customers')
            .set(manager.auth)
            .send({ ...registration, contacts: Array.from({ length: 101 }, () => ({ name: 'n' })) }),
        'contacts',
      ],
      [
        'patch content',
        () => harness.http().patch(`/api/v1/customers/${id}`).set(manager.auth).set('If-Match', '1').send({ employees: -1 }),
        'employees',
      ],
    ];
    for (const [name, send, field] of cases) {
      const response = await send();
      expect({ name, status: response.status }).toEqual({ name, status: 400 });
      expect({ name, fields: response.body.errors?.map((error) => error.field) }).toEqual({
        name,
        fields: expect.arrayContaining([field]),
      });
    }
  });

  describe('Idempotency-Key (GW-6)', () => {
    const register = (key: TestKey, idempotencyKey: string, name: string) =>
      harness
        .http()
        .post('/api/v1/customers')
        .set(key.auth)
        .set('Idempotency-Key', idempotencyKey)
        .send({ ...registration, name });

    it('replays the first answer, refuses another body with 422, and scopes keys per API key', async () => {
      const sales = keys.get('sales')!;
      const first = await register(sales, 'idem-a', 'Alpha').expect(201);
      const before = registered;
      const replay = await register(sales, 'idem-a', 'Alpha').expect(201);
      expect(replay.body).toEqual(first.body);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(registered).toBe(before);

      const reused = await register(sales, 'idem-a', 'Beta').expect(422);
      expect(reused.body).toMatchObject({ status: 422, rule: 'GW-6' });

      // Another API key with the same Idempotency-Key is another request.
      const other = await register(keys.get('manager')!, 'idem-a', 'Alpha').expect(201);
      expect(other.body.id).not.toBe(first.body.id);
    });

    it('answers 409 while the first request is still running, then replays it', async () => {
      const sales = keys.get('sales')!;
      const first = register(sales, 'idem-slow', 'slow').then((response) => response);
      await sleep(300);
      const concurrent = await register(sales, 'idem-slow', 'slow').expect(409);
      expect(concurrent.body).toMatchObject({ status: 409, rule: 'GW-6' });
      const done = await first;
      expect(done.status).toBe(201);
      const replay = await register(sales, 'idem-slow', 'slow').expect(201);
      expect(replay.body).toEqual(done.body);
    });

    it('keeps a domain refusal, frees a validation error, and holds a 5xx in progress (it may have run)', async () => {
      const sales = keys.get('sales')!;
      const refused = await register(sales, 'idem-conflict', 'conflict').expect(409);
      const calls = fake.calls.length;
      const replayed = await register(sales, 'idem-conflict', 'conflict').expect(409);
      expect(replayed.body).toMatchObject({ code: refused.body.code, detail: refused.body.detail });
      expect(fake.calls.length).toBe(calls);

      await register(sales, 'idem-boom', 'boom').expect(500);
      const callsAfterFailure = fake.calls.length;
      // GW-6: a service that failed may have done part of the work; the retry waits for the lock.
      const held = await register(sales, 'idem-boom', 'boom').expect(409);
      expect(held.body).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
      expect(fake.calls.length).toBe(callsAfterFailure);

      await harness
        .http()
        .post('/api/v1/customers')
        .set(sales.auth)
        .set('Idempotency-Key', 'idem-fix')
        .send({ type: 'martian' })
        .expect(400);
      await register(sales, 'idem-fix', 'Fixed').expect(201);
    });

    it('refuses a malformed Idempotency-Key', async () => {
      await register(keys.get('sales')!, 'has space', 'X').expect(400);
    });
  });
});
