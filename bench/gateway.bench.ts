/**
 * End-to-end HTTP benchmarks through the gateway: register, read (with its access-register
 * entry) and list customers, with the customers service and the gateway in this process on the
 * local PostgreSQL and RabbitMQ (throw-away databases and vhost). Prints figures only.
 */
import { EnvReader, readBaseConfig } from '@crm/config';
import { createTestDatabase, createTestVhost, type TestDatabase } from '@crm/testing';
import { startCustomersService } from '../services/customers/src/customers.service';
import { startGateway } from '../services/gateway/src/gateway';
import { loadGatewayConfig } from '../services/gateway/src/gateway.config';

const ADMIN = 'bench-admin-key-0123456789abcdef';

interface Figures {
  count: number;
  seconds: number;
  latencies: number[];
}

async function measure(total: number, concurrency: number, call: (i: number) => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        await call(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return { count: total, seconds: Number(process.hrtime.bigint() - started) / 1e9, latencies: latencies.sort((a, b) => a - b) };
}

function report(name: string, concurrency: number, figures: Figures): void {
  const at = (p: number) =>
    figures.latencies[Math.min(figures.latencies.length - 1, Math.floor((p / 100) * figures.latencies.length))].toFixed(1);
  console.log(
    `${name.padEnd(28)} n=${figures.count} c=${concurrency}  ${(figures.count / figures.seconds).toFixed(0)} req/s  p50=${at(50)}ms p95=${at(95)}ms p99=${at(99)}ms`,
  );
}

async function expectStatus(response: Response, status: number): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

export async function runGatewayBench(): Promise<void> {
  const vhost = await createTestVhost('bench_http');
  const databases: TestDatabase[] = [];
  const database = async (purpose: string) => {
    const created = await createTestDatabase(purpose);
    databases.push(created);
    return created.name;
  };
  const customers = await startCustomersService({
    ...readBaseConfig(new EnvReader({}), 'customers', { httpPort: 0 }),
    databaseName: await database('bench_http_customers'),
    amqpUrl: vhost.url,
    logLevel: 'silent',
  });
  const gateway = await startGateway({
    ...loadGatewayConfig({}),
    port: 0,
    adminKey: ADMIN,
    databaseName: await database('bench_http_gateway'),
    amqpUrl: vhost.url,
    logLevel: 'silent',
    defaultRateLimit: 1_000_000,
  });
  try {
    const api = `${gateway.url}/api/v1`;
    const json = { 'Content-Type': 'application/json' };
    const created = await expectStatus(
      await fetch(`${api}/api-keys`, {
        method: 'POST',
        headers: { ...json, Authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ name: 'bench', roles: ['sales', 'manager'], clearance: 'secret', rateLimitPerSecond: 100_000 }),
      }),
      201,
    );
    const auth = { Authorization: `Bearer ${created.key as string}` };
    const body = (i: number) =>
      JSON.stringify({
        type: 'enterprise',
        name: `Bench Trading ${i}`,
        industry: 'appliances',
        contacts: [{ name: 'Li Wei', phone: '+86 571 8888 6666', email: 'li@example.cn', keyPerson: true }],
        notes: 'x'.repeat(500),
      });
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const warm = await fetch(`${api}/customers`, { method: 'POST', headers: { ...json, ...auth }, body: body(-i) });
      ids.push((await expectStatus(warm, 201)).id as string);
    }

    const concurrency = 20;
    report(
      'POST /customers',
      concurrency,
      await measure(1000, concurrency, async (i) => {
        const response = await fetch(`${api}/customers`, { method: 'POST', headers: { ...json, ...auth }, body: body(i) });
        ids.push((await expectStatus(response, 201)).id as string);
      }),
    );
    report(
      'GET /customers/{id} (+ log)',
      concurrency,
      await measure(2000, concurrency, async (i) => {
        const response = await fetch(`${api}/customers/${ids[i % ids.length]}`, { headers: { ...auth, 'X-Access-Purpose': 'bench' } });
        await expectStatus(response, 200);
      }),
    );
    report(
      'GET /customers?limit=50',
      concurrency,
      await measure(1000, concurrency, async () => {
        await expectStatus(await fetch(`${api}/customers?limit=50`, { headers: auth }), 200);
      }),
    );
    const memory = process.memoryUsage();
    console.log(
      `memory                       rss=${(memory.rss / 2 ** 20).toFixed(1)}MiB (gateway + customers service + client in one process)`,
    );
  } finally {
    await gateway.close();
    await customers.close();
    await Promise.allSettled(databases.map((db) => db.drop()));
    await vhost.delete();
  }
}
