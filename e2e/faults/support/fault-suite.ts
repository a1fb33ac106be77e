import { Checker, EventLedger } from './checker';
import { FaultRig } from './rig';
import { Workload } from './workload';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One rig per fault file (starting the suite as processes costs ~30 s on two cores); each scenario
 * gets its own workload (keys, customer, card and markers), so verdicts never mix.
 */
export function faultSuite(purpose: string, options: { gateways?: 1 | 2 } = {}) {
  const state = {} as { rig: FaultRig; ledger: EventLedger; checker: Checker };
  const workloads: Workload[] = [];
  beforeAll(async () => {
    state.rig = await FaultRig.start(purpose, options);
    state.ledger = new EventLedger(state.rig.vhost.url, 'finance-system.faults');
    await state.ledger.start();
    state.checker = new Checker(state.rig, state.ledger);
  }, 180_000);
  afterAll(async () => {
    for (const workload of workloads) await workload.close();
    await state.ledger?.close();
    await state.rig?.close();
  }, 60_000);
  return {
    get rig() {
      return state.rig;
    },
    get checker() {
      return state.checker;
    },
    /** A fresh workload with a scenario's own prefix. */
    async workload(scenario: string): Promise<Workload> {
      const gateways = options.gateways === 2 ? (['gateway', 'gateway-b'] as const) : (['gateway'] as const);
      const workload = await Workload.prepare(state.rig, `${scenario}${Date.now().toString(36)}`, [...gateways]);
      workloads.push(workload);
      return workload;
    },
  };
}
