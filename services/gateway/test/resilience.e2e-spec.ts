import { connect } from 'amqplib';
import { CustomerOperations, DOMAIN_SERVICES } from '@crm/contracts';
import type { FakeService } from './support/fake-service';
import { GatewayHarness, type TestKey } from './support/gateway-harness';

// The e2e project's testTimeout is a global option Jest ignores per project: set it here.
jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PROBLEM = /^application\/problem\+json/;

/**
 * GW-4 and OPS-1: a domain service that is missing answers 503 at once, one that is too slow
 * 504 within 5 s (the RPC deadline is 4.5 s) — never a hang — and readiness names what is down.
 */
describe('gateway resilience', () => {
  let harness: GatewayHarness;
  let sales: TestKey;
  let slowListMs = 0;
  let registrations = 0;

  beforeAll(async () => {
    harness = await GatewayHarness.start('gw_resilience');
    sales = await harness.createKey('sales', ['sales']);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('answers 503 at once when the customers service has never started, and is not ready', async () => {
    const started = Date.now();
    const response = await harness.http().get('/api/v1/customers').set(sales.auth).expect(503);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.headers['content-type']).toMatch(PROBLEM);

    const ready = await harness.http().get('/health/ready').expect(503);
    expect(ready.headers['content-type']).toMatch(PROBLEM);
    expect(ready.body.down).toEqual([...DOMAIN_SERVICES]);
    // Never delivered (no queue yet): the Idempotency-Key is freed for a retry (GW-6).
    await harness
      .http()
      .post('/api/v1/customers')
      .set(sales.auth)
      .set('Idempotency-Key', 'before-the-service-started')
      .send({ type: 'retailer', name: 'after-503', contacts: [] })
      .expect(503);
    await harness.http().get('/health/live').expect(200);
  });

  it('names only the services that are down', async () => {
    await harness.fake('customers', {
      [CustomerOperations.list.pattern]: async () => {
        if (slowListMs) await sleep(slowListMs);
        return { items: [], nextCursor: null };
      },
      [CustomerOperations.register.pattern]: async (payload) => {
        if ((payload as { name: string }).name === 'slow') await sleep(slowListMs);
        registrations += 1;
        return { id: `c-${registrations}` };
      },
    });
    const ready = await harness.http().get('/health/ready').expect(503);
    expect(ready.body.down).toEqual(['complaints', 'returns', 'loyalty']);
    expect(ready.body.checks.services).toMatchObject({ customers: 'up', complaints: 'down' });

    for (const service of ['complaints', 'returns', 'loyalty']) await harness.fake(service);
    const ok = await harness.http().get('/health/ready').expect(200);
    expect(ok.body).toEqual({
      status: 'ok',
      database: 'up',
      broker: 'up',
      services: { customers: 'up', complaints: 'up', returns: 'up', loyalty: 'up' },
    });
  });

  it('answers 504 within 5 s when the service is too slow (GW-4)', async () => {
    slowListMs = 7000;
    const started = Date.now();
    const response = await harness.http().get('/api/v1/customers').set(sales.auth).expect(504);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(4400);
    expect(elapsed).toBeLessThan(5000);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status: 504, code: 'SERVICE_TIMEOUT' });
  });

  it('keeps the Idempotency-Key in progress after a 504: a retry within the lock window is 409 (GW-6)', async () => {
    slowListMs = 6000;
    const body = { type: 'retailer', name: 'slow', contacts: [] };
    await harness.http().post('/api/v1/customers').set(sales.auth).set('Idempotency-Key', 'retry-after-504').send(body).expect(504);
    slowListMs = 0;
    // The first command is still running in the service and may yet commit: never run it twice.
    const retried = await harness
      .http()
      .post('/api/v1/customers')
      .set(sales.auth)
      .set('Idempotency-Key', 'retry-after-504')
      .send(body)
      .expect(409);
    expect(retried.body).toMatchObject({ status: 409, code: 'IDEMPOTENCY_IN_PROGRESS', rule: 'GW-6' });
  });

  it('frees the Idempotency-Key of a command that never reached the service (503 before delivery)', async () => {
    const body = { type: 'retailer', name: 'after-503', contacts: [] };
    const retried = await harness
      .http()
      .post('/api/v1/customers')
      .set(sales.auth)
      .set('Idempotency-Key', 'before-the-service-started')
      .send(body)
      .expect(201);
    expect(retried.body.id).toMatch(/^c-/);
  });
});

/** GW-6 with a short deadline (1 s, so the lock is 2 × 1 s + 5 s = 7 s): what a retry after a 504 gets, and when. */
describe('Idempotency-Key after a 504', () => {
  let harness: GatewayHarness;
  let sales: TestKey;
  let runs = 0;
  const commandIds: string[] = [];
  let customers: FakeService;

  beforeAll(async () => {
    harness = await GatewayHarness.start('gw_idem_504', { config: { rpcTimeoutMs: 1000 } });
    sales = await harness.createKey('sales', ['sales']);
    customers = await harness.fake('customers', {
      [CustomerOperations.register.pattern]: async (_payload, context) => {
        commandIds.push(String(context.message.properties.messageId));
        runs += 1;
        if (runs === 1) await sleep(1500);
        return { id: `c-${runs}` };
      },
    });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('answers 409 until the lock expires, and only then sends the same command again', async () => {
    const register = () =>
      harness
        .http()
        .post('/api/v1/customers')
        .set(sales.auth)
        .set('Idempotency-Key', 'slow-then-retry')
        .send({ type: 'retailer', name: 'Slow Co', contacts: [] });
    const started = Date.now();
    await register().expect(504);
    await sleep(1000); // the first command has finished in the service by now
    await register().expect(409);
    expect(runs).toBe(1);
    await sleep(Math.max(0, started + 7000 + 800 - Date.now()));
    const retried = await register().expect(201);
    expect(retried.body.id).toBe('c-2');
    expect(runs).toBe(2);
    // The retry is the same command (same message id): a real service's command inbox answers the
    // first result instead of applying it twice (this fake has no inbox, so it ran again).
    expect(commandIds[1]).toBe(commandIds[0]);
    // Another key's request is another command.
    await harness
      .http()
      .post('/api/v1/customers')
      .set(sales.auth)
      .set('Idempotency-Key', 'another')
      .send({ type: 'retailer', name: 'Slow Co', contacts: [] })
      .expect(201);
    expect(new Set(commandIds).size).toBe(2);
  });

  it('keeps the command id across a retry that never reached the service (fault suite, scenario 1)', async () => {
    const register = () =>
      harness
        .http()
        .post('/api/v1/customers')
        .set(sales.auth)
        .set('Idempotency-Key', 'slow-then-undelivered-then-retry')
        .send({ type: 'retailer', name: 'Slow Co', contacts: [] });
    const before = commandIds.length;
    runs = 0; // the first run is slow again: 504, the command may have run
    const started = Date.now();
    await register().expect(504);
    await sleep(Math.max(0, started + 7000 + 800 - Date.now()));
    // The retry takes the record over but cannot be delivered (no command queue: 503, key freed)…
    await customers.close();
    const connection = await connect(harness.vhost.url);
    const channel = await connection.createChannel();
    await channel.deleteQueue('customers.commands');
    await connection.close();
    await register().expect(503);
    // …and the next retry, with the service back, is still the first attempt's command.
    await harness.fake('customers', {
      [CustomerOperations.register.pattern]: (_payload, context) => {
        commandIds.push(String(context.message.properties.messageId));
        return { id: 'c-again' };
      },
    });
    await register().expect(201);
    expect(commandIds.slice(before)).toHaveLength(2);
    expect(commandIds.at(-1)).toBe(commandIds[before]);
  });
});
