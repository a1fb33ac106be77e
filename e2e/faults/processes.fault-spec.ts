import type { DomainService } from '@crm/contracts';
import { expectClean } from './support/checker';
import { faultSuite, sleep } from './support/fault-suite';
import { SHUTDOWN_GRACE_MS } from './support/rig';
import { ALL_KINDS, type OpKind } from './support/workload';

/**
 * Issue 11, faults 4, 6 and 7 — processes dying: a domain service SIGKILLed at its failpoints
 * (before its transaction commits; after the commit, before the reply/ack), SIGTERM with messages
 * in flight, and a gateway SIGKILLed in the middle of a POS retry storm. Two gateways; clients
 * retry on the other one after a dropped connection, with the same Idempotency-Key.
 */
describe('processes killed under load', () => {
  const suite = faultSuite('fault_processes', { gateways: 2 });

  async function consumersOf(queue: string): Promise<number> {
    return (await suite.rig.queues()).find((candidate) => candidate.name === queue)?.consumers ?? 0;
  }

  async function untilDrained(queue: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const found = (await suite.rig.queues()).find((candidate) => candidate.name === queue);
      if (found && found.consumers > 0 && found.ready + found.unacked === 0) return;
      if (Date.now() > deadline) throw new Error(`${queue} not drained after 60 s: ${JSON.stringify(found)}`);
      await sleep(200);
    }
  }

  async function untilConsuming(queue: string, service: DomainService): Promise<void> {
    const deadline = Date.now() + 60_000;
    while ((await consumersOf(queue)) === 0) {
      if (!suite.rig.isRunning(service)) throw new Error(`${service} died before consuming ${queue}: ${suite.rig.exits.join(', ')}`);
      if (Date.now() > deadline) throw new Error(`nobody consumes ${queue} after 60 s: ${JSON.stringify(await suite.rig.queues())}`);
      await sleep(200);
    }
  }

  it('4: a service SIGKILLed before commit, and after commit before ack, applies each operation once', async () => {
    const workload = await suite.workload('K');
    const cases: { service: DomainService; type: string; kind: OpKind; queue: string }[] = [
      { service: 'loyalty', type: 'loyalty.pos.purchase-completed', kind: 'purchase-till', queue: 'loyalty.pos-purchases' },
      { service: 'customers', type: 'customers.register', kind: 'customer', queue: 'customers.commands' },
    ];
    const deaths: string[] = [];
    for (const { service, type, kind, queue } of cases) {
      for (const point of ['before-commit', 'after-commit'] as const) {
        await suite.rig.stop(service, 'SIGTERM');
        suite.rig.spawn(service, `${point}:${type}`);
        await untilConsuming(queue, service);
        const operation = workload.issue(kind, 60_000);
        const exit = await suite.rig.exited(service);
        deaths.push(`${service} ${point}: ${exit.signal}`);
        expect(exit.signal).toBe('SIGKILL');
        suite.rig.spawn(service);
        expect((await operation).outcome).toBe('ok');
        // The redelivery is applied by the new process before the next case (else the next one's
        // failpoint would take it).
        await untilDrained(queue);
      }
    }
    await suite.rig.waitReady('gateway');
    const verdict = await suite.checker.verdict('4-sigkill-at-commit', workload.history, workload.prefix, { notes: { deaths } });
    expectClean(verdict);
    expect(verdict.kinds.customer).toMatchObject({ issued: 2, acknowledged: 2, effects: 2 });
    expect(verdict.kinds['purchase-till']).toMatchObject({ issued: 2, acknowledged: 2, effects: 2 });
  });

  it('6: SIGTERM with messages in flight: each service exits within its grace period, nothing lost or doubled', async () => {
    const workload = await suite.workload('T');
    const stream = workload.stream(ALL_KINDS, 4);
    await sleep(2000);
    const burst = Promise.all(Array.from({ length: 100 }, () => workload.issue('purchase-till')));
    await sleep(300);
    const inFlight = (await suite.rig.queues())
      .filter((queue) => queue.ready + queue.unacked > 0)
      .map((queue) => `${queue.name}: ${queue.ready + queue.unacked}`);
    const stops = await Promise.all(
      (['customers', 'loyalty', 'complaints', 'returns'] as const).map((service) => suite.rig.stop(service, 'SIGTERM')),
    );
    for (const stop of stops) {
      expect(stop.code).toBe(0);
      expect(stop.ms).toBeLessThan(SHUTDOWN_GRACE_MS + 3000);
    }
    for (const service of ['customers', 'loyalty', 'complaints', 'returns'] as const) suite.rig.spawn(service);
    await burst;
    await suite.rig.waitReady('gateway');
    await sleep(2000);
    const history = await stream.stop();
    const verdict = await suite.checker.verdict('6-sigterm-in-flight', history, workload.prefix, {
      notes: { inFlightAtSigterm: inFlight, exitMs: stops.map((stop) => stop.ms) },
    });
    expectClean(verdict);
  });

  it('7: a POS retry storm over HTTP and RabbitMQ, with a gateway SIGKILLed mid-request, earns once per purchase', async () => {
    const workload = await suite.workload('S');
    const registrations = workload.stream(['customer'], 2); // Idempotency-Keys held by the gateway that dies
    const storm = Array.from({ length: 20 }, (_, index) => `${workload.prefix}-purchase-storm-${index}`).flatMap((marker) => [
      ...Array.from({ length: 8 }, () => workload.issue('purchase-http', 60_000, marker)),
      ...Array.from({ length: 4 }, () => workload.issue('purchase-till', 60_000, marker)),
    ]);
    await sleep(400);
    const killed = await suite.rig.stop('gateway', 'SIGKILL');
    await Promise.all(storm);
    await sleep(3000);
    suite.rig.spawn('gateway');
    await suite.rig.waitReady('gateway');
    const history = await registrations.stop();
    const verdict = await suite.checker.verdict('7-storm-gateway-killed', history, workload.prefix, {
      notes: {
        gatewayKilled: killed.signal,
        retriedOnTheOther: history.filter((operation) => operation.attempts.includes('network')).length,
      },
    });
    expectClean(verdict);
    // LOY-4: one earn per purchase in the ledger, however many copies came through whichever door.
    const earns = await suite.rig.query<{ cause: string; n: number }>(
      'loyalty',
      `SELECT cause, count(*)::int AS n FROM loyalty_ledger WHERE type = 'earn' AND cause LIKE $1 GROUP BY cause`,
      [`purchase S001/${workload.prefix}-purchase-storm-%`],
    );
    expect(earns).toHaveLength(20);
    expect(earns.filter((row) => row.n !== 1)).toEqual([]);
  });
});
