import { startPostgres, stopPostgres } from '@crm/testing';
import { expectClean } from './support/checker';
import { faultSuite, sleep } from './support/fault-suite';

/**
 * Issue 11, fault 3: PostgreSQL stopped for 30 s under a stream of writes and till messages. No
 * message is acked without its commit (nothing acknowledged is lost), valid messages are not
 * dead-lettered (every dead-letter queue empty afterwards), readiness goes red and then green, and
 * callers get 503/504 — never 429 (GW-4: an outage is not a failed authentication). PostgreSQL is
 * started again in `finally`.
 */
describe('fault 3: PostgreSQL stopped under load', () => {
  const suite = faultSuite('fault_postgres');

  afterAll(async () => {
    await startPostgres().catch(() => undefined);
  });

  it('acks nothing without a commit, dead-letters nothing valid, answers 503 (never 429) and recovers', async () => {
    const workload = await suite.workload('D');
    const uncached = await suite.rig.createKey('never-used-before-the-outage', ['sales']);
    const stream = workload.stream();
    await sleep(3000);
    const outage: { readiness: number[]; uncachedKey: number[]; downMs: number } = { readiness: [], uncachedKey: [], downMs: 0 };
    const started = Date.now();
    try {
      await stopPostgres();
      while (Date.now() - started < 30_000) {
        outage.readiness.push(await suite.rig.readiness());
        const statuses = await Promise.all(
          Array.from({ length: 10 }, () =>
            fetch(`${suite.rig.url()}/api/v1/customers`, { headers: uncached.auth, signal: AbortSignal.timeout(10_000) }).then(
              (response) => response.status,
              () => 0,
            ),
          ),
        );
        outage.uncachedKey.push(...statuses);
        await sleep(2000);
      }
    } finally {
      await startPostgres();
      outage.downMs = Date.now() - started;
    }
    const readyAgainMs = await suite.rig.waitReady('gateway', 60_000);
    await sleep(3000);
    const history = await stream.stop();
    const seen = history.flatMap((operation) => operation.attempts);
    const verdict = await suite.checker.verdict('3-postgres-stopped', history, workload.prefix, {
      notes: {
        downMs: outage.downMs,
        readyAgainMs,
        readinessWhileDown: [...new Set(outage.readiness)],
        uncachedKeyStatuses: [...new Set(outage.uncachedKey)],
        clientAnswers: Object.fromEntries([...new Set(seen)].map((answer) => [answer, seen.filter((other) => other === answer).length])),
      },
    });
    expectClean(verdict); // includes: every <service>.dlq empty — no valid message dead-lettered
    expect(outage.readiness.filter((status) => status !== 503)).toEqual([]);
    expect(outage.uncachedKey.filter((status) => status !== 503 && status !== 504)).toEqual([]);
    expect(seen.filter((answer) => answer === '429' || (/^5\d\d/.test(answer) && answer !== '503' && answer !== '504'))).toEqual([]);
  });
});
