import { randomUUID } from 'node:crypto';
import { CustomerOperations } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { GatewayHarness, type TestKey } from './support/gateway-harness';
import { leakedInternals } from './support/leaks';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PROBLEM = /^application\/problem\+json/;

const SQL = 'INSERT INTO "customers"("id", "name") VALUES ($1, $2) RETURNING "version"';
const STACK = `QueryFailedError: duplicate key value violates unique constraint "customers_pkey"
    at PostgresQueryRunner.query (/work/node_modules/typeorm/driver/postgres/PostgresQueryRunner.js:219:19)
    at async RegisterCustomerHandler.execute (/work/services/customers/src/archive/register-customer.handler.ts:41:7)`;

/** An error as TypeORM throws it: the SQL, its parameters and the driver's error as members. */
function queryFailed(): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint "customers_pkey"'), {
    name: 'QueryFailedError',
    stack: STACK,
    query: SQL,
    parameters: [randomUUID(), 'Leaky Co'],
    driverError: { code: '23505', detail: 'Key (id)=(1) already exists.', table: 'customers' },
  });
}

/**
 * GW-5 (issue 11): whatever fails behind the gateway — a service's unexpected error carrying SQL and
 * a stack, a wire error that names itself `internal` and drags the same members along, a service too
 * slow (504) or absent (503), and the gateway's own refusals of malformed input — the caller gets a
 * problem that names no stack frame, source path, SQL or database error. The real services' own
 * refusals (404, 409, 412, 422 …) are scanned the same way by e2e/roles-matrix.e2e-spec.ts.
 */
describe('error bodies carry no stack traces or SQL (GW-5)', () => {
  let harness: GatewayHarness;
  let manager: TestKey;

  beforeAll(async () => {
    harness = await GatewayHarness.start('gw_error_bodies', { config: { rpcTimeoutMs: 1000 } });
    manager = await harness.createKey('manager', ['manager']);
    await harness.fake('customers', {
      [CustomerOperations.register.pattern]: (payload) => {
        const name = (payload as { name: string }).name;
        if (name === 'thrown') throw queryFailed();
        // A wire-shaped error (kind + code) that carries the database's members along with it.
        if (name === 'internal payload')
          throw Object.assign(queryFailed(), { kind: ErrorKind.Internal, code: 'QUERY_FAILED', message: STACK });
        if (name === 'conflict payload')
          throw { kind: ErrorKind.Conflict, code: 'DUPLICATE', message: 'already registered', query: SQL, stack: STACK };
        throw new Error(`unexpected sample ${name}`);
      },
      [CustomerOperations.list.pattern]: async () => {
        await sleep(1500);
        return { items: [], nextCursor: null };
      },
      [CustomerOperations.get.pattern]: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'level')");
      },
    });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const register = (name: string) =>
    harness.http().post('/api/v1/customers').set(manager.auth).send({ type: 'retailer', name, contacts: [] });

  it('answers failures behind the gateway with a bare problem (500, 504, 503)', async () => {
    const cases: [string, () => PromiseLike<{ status: number; headers: Record<string, string>; text: string }>, number][] = [
      ['service threw a database error', () => register('thrown'), 500],
      ['service sent an internal error with SQL and a stack', () => register('internal payload'), 500],
      [
        'service threw a TypeError',
        () => harness.http().get(`/api/v1/customers/${randomUUID()}`).set(manager.auth).set('X-Access-Purpose', 'p'),
        500,
      ],
      ['service too slow', () => harness.http().get('/api/v1/customers').set(manager.auth), 504],
      ['service absent', () => harness.http().get(`/api/v1/loyalty/rewards`).set(harness.admin), 503],
    ];
    for (const [name, send, status] of cases) {
      const response = await send();
      expect({ name, status: response.status, type: response.headers['content-type'] }).toEqual({
        name,
        status,
        type: expect.stringMatching(PROBLEM),
      });
      expect({ name, leaks: leakedInternals(response.text) }).toEqual({ name, leaks: [] });
      expect({ name, text: response.text }).toEqual({ name, text: expect.not.stringContaining('Leaky Co') });
    }
  });

  it('keeps a domain refusal’s own members but drops SQL and stacks riding on it (409)', async () => {
    const response = await register('conflict payload').expect(409);
    expect(response.body).toMatchObject({ status: 409, code: 'DUPLICATE', detail: 'already registered' });
    expect(leakedInternals(response.text)).toEqual([]);
  });

  it('refuses malformed input with a problem that names no internals (400, 404, 413, 415)', async () => {
    const http = () => harness.http();
    const cases: [string, () => PromiseLike<{ status: number; headers: Record<string, string>; text: string }>, number][] = [
      [
        'malformed JSON',
        () => http().post('/api/v1/customers').set(manager.auth).set('Content-Type', 'application/json').send('{"type": "ret'),
        400,
      ],
      ['invalid fields', () => http().post('/api/v1/customers').set(manager.auth).send({ type: 'martian', name: 7, contacts: 'x' }), 400],
      ['malformed id', () => http().post('/api/v1/customers/1%27%20OR%201=1--/approve').set(manager.auth).send({}), 400],
      ['unknown query member', () => http().get('/api/v1/customers').query({ limit: 'DROP TABLE customers' }).set(manager.auth), 400],
      ['unknown route', () => http().get('/api/v1/no-such-thing').set(manager.auth), 404],
      ['not JSON', () => http().post('/api/v1/customers').set(manager.auth).set('Content-Type', 'text/plain').send('hello'), 415],
      [
        'too large',
        () =>
          http()
            .post('/api/v1/customers')
            .set(manager.auth)
            .send({ type: 'retailer', name: 'x', notes: 'x'.repeat(1_100_000) }),
        413,
      ],
      [
        'NUL in a string',
        () => http().post('/api/v1/customers').set(manager.auth).send({ type: 'retailer', name: 'a\u0000b', contacts: [] }),
        400,
      ],
    ];
    for (const [name, send, status] of cases) {
      const response = await send();
      expect({ name, status: response.status, type: response.headers['content-type'] }).toEqual({
        name,
        status,
        type: expect.stringMatching(PROBLEM),
      });
      expect({ name, leaks: leakedInternals(response.text) }).toEqual({ name, leaks: [] });
    }
  });
});
