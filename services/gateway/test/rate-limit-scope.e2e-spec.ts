import request from 'supertest';
import { CustomerOperations } from '@crm/contracts';
import { GatewayHarness, type TestKey } from './support/gateway-harness';

// The e2e project's testTimeout is a global option Jest ignores per project: set it here.
jest.setTimeout(60_000);

const RATE = 3;

/**
 * GW-4, issue 11: the per-key rate limit is per gateway replica (docs/decisions.md "Rate-limit
 * scope"). One replica admits exactly a full bucket (`RATE`, plus what refilled while the burst
 * ran); the other replica, right after, admits its own full bucket — so with N replicas a key gets
 * at most N × its rate. If the limiter became shared (e.g. through Redis), the second replica would
 * find the bucket empty and this test would fail: change it together with the decision.
 */
describe('rate-limit scope across gateway replicas (GW-4)', () => {
  let harness: GatewayHarness;
  let key: TestKey;

  beforeAll(async () => {
    harness = await GatewayHarness.start('gw_rate_scope', { gateways: 2 });
    await harness.fake('customers', { [CustomerOperations.list.pattern]: () => ({ items: [], nextCursor: null }) });
    key = await harness.createKey('limited', ['sales'], 'confidential', { rateLimitPerSecond: RATE });
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** A burst of concurrent calls to one replica: how many passed, the 429s, and how long it took. */
  async function burst(url: string, calls: number) {
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: calls }, () => request(url).get('/api/v1/customers').set(key.auth)));
    const seconds = (performance.now() - started) / 1000;
    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 429)).toEqual([]);
    return { admitted: calls - refused.length, refused, seconds };
  }

  it('admits a full bucket on each replica: exactly the rate on one, N × the rate across N', async () => {
    const [first, second] = harness.urls;
    const started = performance.now();
    const a = await burst(first, 12);
    const b = await burst(second, 12);
    const sinceStart = (performance.now() - started) / 1000;

    // One replica alone: the bucket (RATE) plus at most what refilled during its burst.
    expect(a.admitted).toBeGreaterThanOrEqual(RATE);
    expect(a.admitted).toBeLessThanOrEqual(RATE + Math.floor(a.seconds * RATE));
    for (const answer of a.refused) {
      expect(answer.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    // The other replica, at once: a bucket of its own, full — not what the first one left.
    expect(b.admitted).toBeGreaterThanOrEqual(RATE);
    expect(b.admitted).toBeLessThanOrEqual(RATE + Math.floor(b.seconds * RATE));
    // Together: N × RATE (N = 2), never more than that plus the refill of the whole time.
    expect(a.admitted + b.admitted).toBeGreaterThanOrEqual(2 * RATE);
    expect(a.admitted + b.admitted).toBeLessThanOrEqual(2 * RATE + Math.floor(sinceStart * 2 * RATE));
  });

  it('keeps buckets per key: another key on an exhausted replica still passes', async () => {
    const other = await harness.createKey('unlimited-neighbour', ['sales']);
    const [first] = harness.urls;
    await burst(first, 8);
    await request(first).get('/api/v1/customers').set(key.auth).expect(429);
    await request(first).get('/api/v1/customers').set(other.auth).expect(200);
  });
});
