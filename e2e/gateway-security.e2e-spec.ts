import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PHONE_PATTERN } from '@crm/contracts';
import { testEnv } from '@crm/testing';
import { databaseUrl } from '@crm/persistence';
import { startSuite, type Suite as GatewayHarness, type ApiKey as TestKey } from './support/suite';

// The e2e project's testTimeout is a global option Jest ignores per project: set it here.
jest.setTimeout(60_000);

const PROBLEM = /^application\/problem\+json/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const customerBody = (name: string) => ({ type: 'enterprise', name, contacts: [{ name: 'Wang Fang', phone: '+86 10 5555 0101' }] });

/**
 * GW-2..GW-5 against the real customers service: authentication, roles, API keys, errors as
 * problem details, X-Request-Id, body limits and the OpenAPI document (GW-1).
 */
describe('gateway security and errors', () => {
  let harness: GatewayHarness;
  let sales: TestKey;
  let clerk: TestKey;

  beforeAll(async () => {
    harness = await startSuite('gw_security', ['customers']);
    sales = await harness.createKey('sales-rep', ['sales']);
    clerk = await harness.createKey('service-clerk', ['service']);
  });

  afterAll(async () => {
    await harness?.close();
  });

  describe('authentication (GW-2)', () => {
    it('refuses a request without a key, with a malformed header, or with an unknown key', async () => {
      for (const authorization of [undefined, 'Basic abc', 'Bearer not-a-real-key']) {
        const call = harness.http().get('/api/v1/customers');
        if (authorization) void call.set('Authorization', authorization);
        const response = await call.expect(401);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(response.body).toMatchObject({ status: 401, title: 'Unauthorized', requestId: expect.any(String) });
      }
    });

    it('accepts the bootstrap admin key from GATEWAY_ADMIN_KEY', async () => {
      await harness.http().get('/api/v1/customers').set(harness.admin).expect(200);
    });

    it('creates a key whose secret is shown once and stored only as a hash', async () => {
      const created = await harness
        .http()
        .post('/api/v1/api-keys')
        .set(harness.admin)
        .send({ name: 'erp', roles: ['sales', 'service'], clearance: 'secret', rateLimitPerSecond: 50 })
        .expect(201);
      expect(created.body).toMatchObject({
        id: expect.stringMatching(UUID),
        name: 'erp',
        roles: ['sales', 'service'],
        clearance: 'secret',
        storeId: null,
      });
      expect(created.body.key).toMatch(/^csk_/);

      const list = await harness.http().get('/api/v1/api-keys').set(harness.admin).expect(200);
      const listed = list.body.items.find((item: { id: string }) => item.id === created.body.id);
      expect(listed).toMatchObject({ name: 'erp', rateLimitPerSecond: 50, revokedAt: null });
      expect(JSON.stringify(list.body)).not.toContain(created.body.key);
      expect(list.body).toHaveProperty('nextCursor');

      const client = new Client({ connectionString: databaseUrl(testEnv.databaseUrl, harness.gatewayDatabase) });
      await client.connect();
      try {
        const rows = await client.query('SELECT * FROM api_keys WHERE id = $1', [created.body.id]);
        expect(JSON.stringify(rows.rows)).not.toContain(created.body.key);
        expect(rows.rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
      } finally {
        await client.end();
      }
    });

    it('pages the key list with a cursor, newest first', async () => {
      for (let i = 0; i < 3; i++) await harness.createKey(`page-${i}`, ['auditor']);
      const first = await harness.http().get('/api/v1/api-keys').query({ limit: 2 }).set(harness.admin).expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.items[0].name).toBe('page-2');
      const second = await harness
        .http()
        .get('/api/v1/api-keys')
        .query({ limit: 2, cursor: first.body.nextCursor })
        .set(harness.admin)
        .expect(200);
      expect(second.body.items[0].name).toBe('page-0');
      await harness.http().get('/api/v1/api-keys').query({ cursor: 'garbage' }).set(harness.admin).expect(400);
    });

    it('validates a new key and requires a store for pos keys', async () => {
      const invalid = await harness
        .http()
        .post('/api/v1/api-keys')
        .set(harness.admin)
        .send({ name: '', roles: ['wizard'], clearance: 'cosmic' })
        .expect(400);
      expect(invalid.body.errors.map((error: { field: string }) => error.field)).toEqual(
        expect.arrayContaining(['name', 'roles', 'clearance']),
      );
      const pos = await harness
        .http()
        .post('/api/v1/api-keys')
        .set(harness.admin)
        .send({ name: 'till', roles: ['pos'], clearance: 'confidential' })
        .expect(400);
      expect(pos.body.errors).toEqual([{ field: 'storeId', message: expect.any(String) }]);
    });

    it('stops a revoked key at once', async () => {
      const key = await harness.createKey('short-lived', ['sales']);
      await harness.http().get('/api/v1/customers').set(key.auth).expect(200);
      await harness.http().delete(`/api/v1/api-keys/${key.id}`).set(harness.admin).expect(204);
      const refused = await harness.http().get('/api/v1/customers').set(key.auth).expect(401);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      const list = await harness.http().get('/api/v1/api-keys').set(harness.admin).expect(200);
      expect(list.body.items.find((item: { id: string }) => item.id === key.id).revokedAt).toEqual(expect.any(String));
      await harness.http().delete(`/api/v1/api-keys/${randomUUID()}`).set(harness.admin).expect(404);
    });

    it('refuses an expired key', async () => {
      const key = await harness.createKey('expiring', ['sales'], 'confidential', { expiresAt: new Date(Date.now() + 1500).toISOString() });
      await harness.http().get('/api/v1/customers').set(key.auth).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      const refused = await harness.http().get('/api/v1/customers').set(key.auth).expect(401);
      expect(refused.body.code).toBe('API_KEY_EXPIRED');
    });
  });

  describe('roles (GW-3)', () => {
    it('refuses a role the route does not admit, and checks roles before existence', async () => {
      await harness
        .http()
        .post('/api/v1/api-keys')
        .set(sales.auth)
        .send({ name: 'x', roles: ['sales'], clearance: 'confidential' })
        .expect(403);
      const forbidden = await harness.http().post('/api/v1/customers').set(clerk.auth).send(customerBody('Clerk Co')).expect(403);
      expect(forbidden.body).toMatchObject({ status: 403, rule: 'GW-3' });
      // 403 before 404: the clerk may not learn whether the id exists.
      await harness.http().post(`/api/v1/customers/${randomUUID()}/approve`).set(clerk.auth).send({}).expect(403);
      await harness.http().get(`/api/v1/customers/${randomUUID()}/access-log`).set(sales.auth).expect(403);
    });
  });

  describe('errors as problem details (GW-5)', () => {
    it('answers 404 for an unknown id from the customers service', async () => {
      const missing = await harness
        .http()
        .get(`/api/v1/customers/${randomUUID()}`)
        .set(sales.auth)
        .set('X-Access-Purpose', 'check')
        .expect(404);
      expect(missing.headers['content-type']).toMatch(PROBLEM);
      expect(missing.body).toMatchObject({ status: 404, title: 'Not Found', type: expect.any(String), detail: expect.any(String) });
    });

    it('answers 404 for an unknown route', async () => {
      const response = await harness.http().get('/api/v1/nowhere').expect(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ status: 404, requestId: expect.any(String) });
    });

    it('answers 400 for a malformed id, malformed JSON and invalid fields', async () => {
      const badId = await harness.http().get('/api/v1/customers/not-a-uuid').set(sales.auth).set('X-Access-Purpose', 'check').expect(400);
      expect(badId.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);

      const badJson = await harness
        .http()
        .post('/api/v1/customers')
        .set(sales.auth)
        .set('Content-Type', 'application/json')
        .send('{"type": "enterprise",')
        .expect(400);
      expect(badJson.headers['content-type']).toMatch(PROBLEM);
      expect(badJson.body.status).toBe(400);

      const invalid = await harness
        .http()
        .post('/api/v1/customers')
        .set(sales.auth)
        .send({
          type: 'martian',
          name: 'x'.repeat(201),
          contacts: [{ name: 'Li', phone: 'call me', email: 'nope', birthday: '1990-02-30' }],
          annualRevenue: { amount: 1.5, currency: 'cny' },
          firstContactAt: 'yesterday',
          unexpected: true,
        })
        .expect(400);
      expect(invalid.headers['content-type']).toMatch(PROBLEM);
      const fields = invalid.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'type',
          'name',
          'contacts.0.phone',
          'contacts.0.email',
          'contacts.0.birthday',
          'annualRevenue.amount',
          'annualRevenue.currency',
          'firstContactAt',
          'unexpected',
        ]),
      );
    });

    it('answers 415 for a body that is not JSON', async () => {
      const response = await harness
        .http()
        .post('/api/v1/customers')
        .set(sales.auth)
        .set('Content-Type', 'text/plain')
        .send('hello')
        .expect(415);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });

    it('answers 413 for a body over 1 MiB', async () => {
      const response = await harness
        .http()
        .post('/api/v1/customers')
        .set(sales.auth)
        .send({ ...customerBody('Big Co'), notes: 'x'.repeat(1_100_000) })
        .expect(413);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.status).toBe(413);
    });
  });

  describe('X-Request-Id', () => {
    it('echoes a sane id and replaces an insane one', async () => {
      const echoed = await harness.http().get('/api/v1/customers').set(sales.auth).set('X-Request-Id', 'erp-4711').expect(200);
      expect(echoed.headers['x-request-id']).toBe('erp-4711');
      const generated = await harness.http().get('/api/v1/customers').set(sales.auth).set('X-Request-Id', 'x'.repeat(201)).expect(200);
      expect(generated.headers['x-request-id']).toMatch(UUID);
      const onError = await harness.http().get('/api/v1/customers').set('X-Request-Id', 'no-key-1').expect(401);
      expect(onError.headers['x-request-id']).toBe('no-key-1');
      expect(onError.body.requestId).toBe('no-key-1');
    });
  });

  describe('customers through the gateway', () => {
    it('registers, reads with ETag and lists an archive; an idempotent replay answers the first response', async () => {
      const created = await harness
        .http()
        .post('/api/v1/customers')
        .set(sales.auth)
        .set('Idempotency-Key', 'reg-1')
        .send(customerBody('Replay Trading'))
        .expect(201);
      const replay = await harness
        .http()
        .post('/api/v1/customers')
        .set(sales.auth)
        .set('Idempotency-Key', 'reg-1')
        .send(customerBody('Replay Trading'))
        .expect(201);
      expect(replay.body).toEqual(created.body);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      await harness
        .http()
        .post('/api/v1/customers')
        .set(sales.auth)
        .set('Idempotency-Key', 'reg-1')
        .send(customerBody('Other Trading'))
        .expect(422);

      const read = await harness
        .http()
        .get(`/api/v1/customers/${created.body.id}`)
        .set(sales.auth)
        .set('X-Access-Purpose', 'e2e')
        .expect(200);
      expect(read.headers.etag).toBe(`W/"${read.body.version}"`);
      const list = await harness.http().get('/api/v1/customers').query({ q: 'replay trading' }).set(sales.auth).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
    });
  });

  describe('hostile input is a 400/413/414 problem, never a 500 (GW-5)', () => {
    const postCustomerRaw = (text: string) =>
      harness.http().post('/api/v1/customers').set(sales.auth).set('Content-Type', 'application/json').send(text);

    it('refuses JSON nested 5000 levels deep, NUL and lone surrogates, naming the problem', async () => {
      const deep = await postCustomerRaw(
        `{"type":"enterprise","name":"Deep","contacts":[],"notes":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      );
      expect({ status: deep.status, type: deep.headers['content-type'] }).toEqual({ status: 400, type: expect.stringMatching(PROBLEM) });
      expect(deep.body.detail).toMatch(/deeper than 32 levels/);

      const nul = await postCustomerRaw('{"type":"enterprise","name":"Nul\\u0000Co","contacts":[]}').expect(400);
      expect(nul.headers['content-type']).toMatch(PROBLEM);
      expect(nul.body.errors).toEqual([{ field: 'name', message: 'name must not contain NUL (\\u0000)' }]);

      const surrogate = await postCustomerRaw('{"type":"enterprise","name":"Half \\ud83d","contacts":[]}').expect(400);
      expect(surrogate.body.errors).toEqual([{ field: 'name', message: expect.stringMatching(/well-formed/) }]);

      const poisoned = await postCustomerRaw('{"type":"enterprise","name":"P","contacts":[],"__proto__":{"x":1}}').expect(400);
      expect(poisoned.headers['content-type']).toMatch(PROBLEM);
    });

    it("answers the router's own refusals (malformed URL, over-long parameter) as problem details", async () => {
      const badUrl = await harness.http().get('/api/v1/customers/%E0%A4%A').set(sales.auth).set('X-Request-Id', 'bad-url-1').expect(400);
      expect(badUrl.headers['content-type']).toMatch(PROBLEM);
      expect(badUrl.headers['x-request-id']).toBe('bad-url-1');
      expect(badUrl.body).toMatchObject({ status: 400, requestId: 'bad-url-1', type: expect.any(String), title: expect.any(String) });

      const long = await harness
        .http()
        .get(`/api/v1/customers/${'a'.repeat(500)}`)
        .set(sales.auth)
        .expect(414);
      expect(long.headers['content-type']).toMatch(PROBLEM);
      expect(long.body).toMatchObject({ status: 414, requestId: expect.any(String) });
    });

    it('refuses an API key with a week date, a local time, NUL or a blank store id', async () => {
      const post = (extra: Record<string, unknown>) =>
        harness
          .http()
          .post('/api/v1/api-keys')
          .set(harness.admin)
          .send({ name: 'till', roles: ['pos'], clearance: 'confidential', storeId: 'S1', ...extra });
      for (const [extra, field] of [
        [{ expiresAt: '2027-W01-1' }, 'expiresAt'],
        [{ expiresAt: '2027-01-01T00:00:00' }, 'expiresAt'],
        [{ expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
        [{ storeId: '   ' }, 'storeId'],
        [{ storeId: 'S\u00001' }, 'storeId'],
        [{ name: 'till\u0000' }, 'name'],
      ] as const) {
        const response = await post(extra);
        expect({ extra, status: response.status, fields: response.body.errors?.map((error: { field: string }) => error.field) }).toEqual({
          extra,
          status: 400,
          fields: [field],
        });
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
      await post({ expiresAt: '2099-01-01T08:00:00+08:00' }).expect(201);
    });

    it('refuses a malformed list cursor or a limit that is not decimal digits', async () => {
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
      for (const cursor of [
        encode(['2026-11-03T08:15:00.000Z', '-'.repeat(36)]),
        encode(['-100000-01-01T00:00:00.000Z', randomUUID()]),
        encode(['+275760-09-13T00:00:00.000Z', randomUUID()]),
      ]) {
        const response = await harness.http().get('/api/v1/api-keys').query({ cursor }).set(harness.admin);
        expect({ cursor, status: response.status }).toEqual({ cursor, status: 400 });
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
      }
      for (const limit of ['0x10', '1e2']) {
        await harness.http().get('/api/v1/api-keys').query({ limit }).set(harness.admin).expect(400);
        await harness.http().get('/api/v1/customers').query({ limit }).set(sales.auth).expect(400);
      }
      await harness.http().get('/api/v1/api-keys').query({ limit: '10' }).set(harness.admin).expect(200);
    });

    it('takes an empty application/json body as {} on commands without a body', async () => {
      const manager = await harness.createKey('empty-body-manager', ['manager']);
      for (const path of ['approve', 'destruction-approvals']) {
        const response = await harness
          .http()
          .post(`/api/v1/customers/${randomUUID()}/${path}`)
          .set(manager.auth)
          .set('Content-Type', 'application/json')
          .send('');
        // The customers service was reached: the id is unknown (404), not a refused body (400).
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
    });
  });

  describe('UTF-8 access purposes (CUS-7)', () => {
    it('records a Chinese X-Access-Purpose in the borrowing register as sent', async () => {
      const auditor = await harness.createKey('purpose-auditor', ['auditor']);
      const created = await harness.http().post('/api/v1/customers').set(sales.auth).send(customerBody('Purpose Trading')).expect(201);
      // Node sends a header string as latin1: these are the UTF-8 bytes of 年度审查.
      const utf8Bytes = Buffer.from('年度审查', 'utf8').toString('latin1');
      await harness.http().get(`/api/v1/customers/${created.body.id}`).set(sales.auth).set('X-Access-Purpose', utf8Bytes).expect(200);
      const tooLong = Buffer.from('审'.repeat(201), 'utf8').toString('latin1');
      await harness.http().get(`/api/v1/customers/${created.body.id}`).set(sales.auth).set('X-Access-Purpose', tooLong).expect(400);
      await harness.http().get(`/api/v1/customers/${created.body.id}`).set(sales.auth).set('X-Access-Purpose', 'caf\u00e9').expect(400);

      const register = await harness.http().get(`/api/v1/customers/${created.body.id}/access-log`).set(auditor.auth).expect(200);
      expect(register.body.items.map((entry: { purpose: string }) => entry.purpose)).toEqual(['年度审查']);
    });
  });

  describe('destruction and idempotent replays (CUS-9, GW-6)', () => {
    it('forgets every stored answer about a destroyed archive: a replayed create runs again', async () => {
      const manager = await harness.createKey('destroy-manager', ['manager']);
      const archivist = await harness.createKey('destroy-archivist', ['archivist']);
      const executive = await harness.createKey('destroy-executive', ['executive']);
      const body = customerBody('Erased Trading Co');
      const create = () =>
        harness.http().post('/api/v1/customers').set(sales.auth).set('Idempotency-Key', 'create-then-destroy').send(body);
      const created = await create().expect(201);
      const id: string = created.body.id;
      await harness
        .http()
        .post(`/api/v1/customers/${id}/submit`)
        .set(sales.auth)
        .set('Idempotency-Key', 'submit-then-destroy')
        .send({ generalSurvey: 'ok', fieldSurvey: 'ok' })
        .expect(200);
      await harness.http().post(`/api/v1/customers/${id}/approve`).set(manager.auth).send({}).expect(200);
      await harness.http().post(`/api/v1/customers/${id}/dormant`).set(manager.auth).send({ reason: 'No orders' }).expect(200);
      for (const key of [archivist, manager])
        await harness.http().post(`/api/v1/customers/${id}/destruction-approvals`).set(key.auth).expect(201);
      const destroyed = await harness
        .http()
        .post(`/api/v1/customers/${id}/destruction-approvals`)
        .set(executive.auth)
        .set('Idempotency-Key', 'third-approval')
        .expect(201);
      expect(destroyed.body.status).toBe('destroyed');

      const client = new Client({ connectionString: databaseUrl(testEnv.databaseUrl, harness.gatewayDatabase) });
      await client.connect();
      try {
        const left = await client.query('SELECT idempotency_key, response_body FROM idempotency_records WHERE resource_id = $1', [id]);
        // Only the destroying approval's own answer remains, and it holds no content.
        expect(left.rows.map((row: { idempotency_key: string }) => row.idempotency_key)).toEqual(['third-approval']);
        expect(JSON.stringify(left.rows)).not.toContain('Erased Trading');
        expect(JSON.stringify(left.rows)).not.toContain('Wang Fang');
      } finally {
        await client.end();
      }

      const replay = await create().expect(201);
      expect(replay.headers['idempotent-replayed']).toBeUndefined();
      expect(replay.body.id).not.toBe(id);
      expect(replay.body.status).toBe('prospect');
    });
  });

  describe('rate limit (GW-4)', () => {
    it('answers 429 with Retry-After once the key exceeds its rate', async () => {
      const key = await harness.createKey('slow-till', ['sales'], 'confidential', { rateLimitPerSecond: 3 });
      const statuses: number[] = [];
      let limited: { headers: Record<string, string>; body: { status: number } } | undefined;
      for (let i = 0; i < 6; i++) {
        const response = await harness.http().get('/api/v1/customers').set(key.auth);
        statuses.push(response.status);
        if (response.status === 429) limited = response as never;
      }
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
      expect(limited?.headers['retry-after']).toMatch(/^\d+$/);
      expect(limited?.headers['content-type']).toMatch(PROBLEM);
      // Other keys are not affected.
      await harness.http().get('/api/v1/customers').set(sales.auth).expect(200);
    });
  });

  describe('OpenAPI (GW-1) and operations (OPS-1)', () => {
    it('documents every customers route under /api/v1 with bearer auth and problem details', async () => {
      const docs = await harness.http().get('/api/docs-json').expect(200);
      const paths = docs.body.paths as Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown }>>;
      const expected: [string, string][] = [
        ['/api/v1/customers', 'post'],
        ['/api/v1/customers', 'get'],
        ['/api/v1/customers/{id}', 'get'],
        ['/api/v1/customers/{id}', 'patch'],
        ['/api/v1/customers/{id}/submit', 'post'],
        ['/api/v1/customers/{id}/approve', 'post'],
        ['/api/v1/customers/{id}/reject', 'post'],
        ['/api/v1/customers/{id}/grade', 'post'],
        ['/api/v1/customers/{id}/reviews', 'post'],
        ['/api/v1/customers/{id}/dormant', 'post'],
        ['/api/v1/customers/{id}/destruction-approvals', 'post'],
        ['/api/v1/customers/{id}/access-log', 'get'],
        ['/api/v1/api-keys', 'post'],
        ['/api/v1/api-keys', 'get'],
        ['/api/v1/api-keys/{id}', 'delete'],
      ];
      for (const [path, method] of expected) {
        const operation = paths[path]?.[method];
        expect({ path, method, documented: Boolean(operation) }).toEqual({ path, method, documented: true });
        expect(operation.security).toEqual([{ bearer: [] }]);
        expect(operation.responses['401']).toMatchObject({ content: { 'application/problem+json': expect.any(Object) } });
      }
      expect(paths['/health/ready']).toBeDefined();
      expect(docs.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(docs.body.components.securitySchemes.bearer.bearerFormat).not.toMatch(/JWT/);
      // Path ids are UUIDs; money and limits are integers (SPEC "Conventions").
      const readParameters = (
        paths['/api/v1/customers/{id}'].get as unknown as { parameters: { name: string; in: string; schema: object }[] }
      ).parameters;
      expect(readParameters.find((parameter) => parameter.in === 'path' && parameter.name === 'id')?.schema).toEqual({
        type: 'string',
        format: 'uuid',
      });
      const listParameters = (paths['/api/v1/customers'].get as unknown as { parameters: { name: string; schema: { type: string } }[] })
        .parameters;
      expect(listParameters.find((parameter) => parameter.name === 'limit')?.schema.type).toBe('integer');
      expect(docs.body.components.schemas.Money.properties.amount.type).toBe('integer');
      expect(docs.body.components.schemas.ProblemDetailsDto).toBeDefined();

      // CUS-9: a destroyed archive reads as 200 with its tombstone, not 410; registration answers the archive.
      const read = paths['/api/v1/customers/{id}'].get as unknown as { description: string; responses: Record<string, unknown> };
      expect(read.responses['410']).toBeUndefined();
      expect(read.description).not.toMatch(/410/);
      expect(read.responses['200']).toMatchObject({
        content: {
          'application/json': {
            schema: {
              oneOf: [{ $ref: '#/components/schemas/CustomerArchive' }, { $ref: '#/components/schemas/CustomerTombstone' }],
            },
          },
        },
      });
      expect(docs.body.components.schemas.CustomerTombstone.properties).toMatchObject({ status: { enum: ['destroyed'] } });
      expect(paths['/api/v1/customers'].post.responses['201']).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/CustomerArchive' } } },
      });
      // OpenAPI 3.1 nulls (a validating proxy must accept the `null`s we send), closed request bodies,
      // the headers every answer carries, and no key on the operations routes (issue 6).
      expect(docs.body.openapi).toBe('3.1.0');
      const schemas = docs.body.components.schemas;
      expect(schemas.CustomerSummary.properties.grade.enum).toEqual(['A', 'B', 'C', 'D', null]);
      expect(schemas.CustomerSummary.properties.code.type).toEqual(['string', 'null']);
      expect(schemas.CustomerArchive.properties.survey).toEqual({ anyOf: [{ $ref: '#/components/schemas/Survey' }, { type: 'null' }] });
      expect(schemas.CustomerArchiveInput.additionalProperties).toBe(false);
      expect(schemas.Contact.additionalProperties).toBe(false);
      expect(schemas.Contact.properties.phone.pattern).toBe(PHONE_PATTERN.source);
      const answers = docs.body.paths as Record<string, Record<string, { responses: Record<string, { headers: object }> }>>;
      expect(answers['/api/v1/customers'].post.responses['201'].headers).toHaveProperty('X-Request-Id');
      expect(answers['/api/v1/customers/{id}'].patch.responses['200'].headers).toHaveProperty('ETag');
      expect(answers['/api/v1/customers'].get.responses['429'].headers).toHaveProperty('Retry-After');
      expect(paths['/health/ready'].get.security).toEqual([]);
      expect(docs.body.servers).toHaveLength(1);
      expect(docs.body.tags.map((tag: { name: string }) => tag.name)).toEqual(expect.arrayContaining(['customers', 'api-keys']));
      await harness.http().get('/api/docs').expect(200);
    });

    it('serves liveness and metrics without a key', async () => {
      await harness.http().get('/health/live').expect(200, { status: 'ok' });
      const metrics = await harness.http().get('/metrics').expect(200);
      expect(metrics.text).toContain('crm_http_request_duration_seconds');
    });
  });

  describe('key guessing (GW-4)', () => {
    it('answers 429 before any lookup after a burst of invalid keys from one address, and recovers', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const response = await harness.http().get('/api/v1/customers').set('Authorization', `Bearer guess-${i}`);
        statuses.push(response.status);
        if (response.status === 429) expect(response.headers['retry-after']).toBe('1');
      }
      expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
      expect(statuses.slice(20)).toContain(429);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await harness.http().get('/api/v1/customers').set(sales.auth).expect(200);
    });
  });
});
