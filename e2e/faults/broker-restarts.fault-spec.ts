import { startBroker, stopBroker } from '@crm/testing';
import { Checker, EventLedger, expectClean } from './support/checker';
import { FaultRig } from './support/rig';
import { Workload } from './support/workload';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 11, fault 1: RabbitMQ stopped and started three times under a stream of writes across the
 * four domains (HTTP and till messages). Nothing acknowledged is lost or applied twice, every
 * committed event reaches an outside consumer on its own durable queue, and the suite settles
 * with no outbox row unsent and nothing ready or unacked. The broker is started again in `finally`.
 */
describe('fault 1: the broker stopped and started three times under writes', () => {
  let rig: FaultRig;
  let ledger: EventLedger;
  let workload: Workload;

  beforeAll(async () => {
    rig = await FaultRig.start('fault_broker');
    ledger = new EventLedger(rig.vhost.url, 'finance-system.faults');
    await ledger.start();
    workload = await Workload.prepare(rig, `B${Date.now().toString(36)}`);
  }, 180_000);

  afterAll(async () => {
    await startBroker().catch(() => undefined);
    await workload?.close();
    await ledger?.close();
    await rig?.close();
  });

  it('loses nothing, applies nothing twice, and settles', async () => {
    const stream = workload.stream();
    const outages: number[] = [];
    try {
      for (let round = 0; round < 3; round++) {
        await sleep(3000);
        const started = Date.now();
        await stopBroker();
        await sleep(3000);
        await startBroker();
        outages.push(Date.now() - started);
      }
      await sleep(3000);
    } finally {
      await startBroker();
    }
    const history = await stream.stop();
    const recovered = await rig.waitReady('gateway', 60_000);
    const verdict = await new Checker(rig, ledger).verdict('1-broker-restarts', history, workload.prefix, {
      notes: { outagesMs: outages, readyAgainAfterMs: recovered },
    });
    expectClean(verdict);
    expect(verdict.kinds.customer?.acknowledged).toBeGreaterThan(0);
  });
});
