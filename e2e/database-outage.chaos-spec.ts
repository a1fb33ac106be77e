import { startPostgres, stopPostgres } from '@crm/testing';
import { startSuite, type ApiKey, type Suite } from './support/suite';

/**
 * GW-4 / OPS-1 with PostgreSQL stopped (`pg_ctlcluster … stop`): the gateway answers a problem
 * (503/504) within about 5 s — never a hang, never a 500 — readiness says what is down, and
 * everything works again once the database is back. The server is restarted in `finally`.
 */
describe('PostgreSQL outage', () => {
  let suite: Suite;
  let sales: ApiKey;
  let uncached: ApiKey;

  beforeAll(async () => {
    suite = await startSuite('chaos_pg'); // all four services: readiness asks every one
    sales = await suite.createKey('outage-sales', ['sales']);
    uncached = await suite.createKey('outage-uncached', ['sales']); // never used before the outage
  });

  afterAll(async () => {
    await startPostgres().catch(() => undefined);
    await suite?.close();
  });

  it('answers 503/504 problems within ~5 s while the database is down, and recovers', async () => {
    const body = { type: 'retailer', name: 'Outage Test Shop', contacts: [] };
    await suite.http().post('/api/v1/customers').set(sales.auth).send(body).expect(201);
    await suite.http().get('/health/ready').expect(200);
    try {
      await stopPostgres();
      for (const call of [
        () => suite.http().get('/api/v1/customers').set(sales.auth),
        () => suite.http().post('/api/v1/customers').set(sales.auth).send(body),
      ]) {
        const started = Date.now();
        const response = await call();
        expect(Date.now() - started).toBeLessThan(5000);
        expect([503, 504]).toContain(response.status);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      const ready = await suite.http().get('/health/ready');
      expect(ready.status).toBe(503);
      // A live key the gateway has not cached yet needs the database: 30 callers behind one address
      // get 503 (or 504) each — an outage is not a failed authentication, so never 429 (GW-4).
      const statuses = await Promise.all(Array.from({ length: 30 }, () => suite.http().get('/api/v1/customers').set(uncached.auth))).then(
        (responses) => responses.map((response) => response.status),
      );
      expect(statuses.filter((status) => status !== 503 && status !== 504)).toEqual([]);
    } finally {
      await startPostgres();
    }
    // Pools reconnect by themselves: no restart of the gateway or the service.
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await suite.http().post('/api/v1/customers').set(sales.auth).send(body)).status;
      if (status === 201) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(201);
    await eventuallyReady();
  });

  async function eventuallyReady(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while ((await suite.http().get('/health/ready')).status !== 200) {
      if (Date.now() > deadline) throw new Error('not ready 30 s after PostgreSQL came back');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
});
