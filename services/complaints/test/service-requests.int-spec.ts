import { randomUUID } from 'node:crypto';
import { businessDate } from '@crm/calendar';
import { ServiceRequestOperations as ops } from '@crm/contracts';
import { ComplaintsHarness, caller, serviceRequestInput } from './support/complaints-harness';

jest.setTimeout(90_000);

type View = Record<string, unknown> & {
  id: string;
  number: string;
  status: string;
  version: number;
  voucher: { number: string } | null;
  serviceCost: { amount: number } | null;
};
interface Event {
  id: string;
  type: string;
  data: Record<string, unknown> & { serviceRequestId?: string };
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const iso = (at: number) => new Date(at).toISOString();

/** SRV-1..SRV-6 on the real complaints service (PostgreSQL + RabbitMQ), as the gateway calls it. */
describe('after-sales service requests (integration)', () => {
  let h: ComplaintsHarness;
  const service = caller(['service']);
  const sales = caller(['sales']);
  const manager = caller(['manager']);
  const executive = caller(['executive']);

  beforeAll(async () => {
    h = await ComplaintsHarness.start('service_requests', { SERVICE_CASH_LIMIT_FEN: '40000' });
  });
  afterAll(async () => {
    await h?.close();
  });

  const register = (overrides: Record<string, unknown> = {}, who = sales) =>
    h.call<View>(ops.register.pattern, serviceRequestInput(overrides), who);
  const today = () => businessDate(new Date());
  const eventsOf = (id: string) => h.probe.bodies<Event>().filter((event) => event.data.serviceRequestId === id);
  async function waitForEvent(id: string, type: string): Promise<Event> {
    await h.probe.waitFor(() => eventsOf(id).some((event) => event.type === type));
    return eventsOf(id).find((event) => event.type === type)!;
  }

  /** Registered → dispatched → in_progress (a local request). */
  async function started(overrides: Record<string, unknown> = {}, technician = 'Li Qiang'): Promise<View> {
    const request = await register(overrides);
    await h.call(ops.dispatch.pattern, { id: request.id, technician, promisedDate: today() }, manager);
    return h.call<View>(ops.start.pattern, { id: request.id }, service);
  }
  const voucher = (id: string, extra: Record<string, unknown> = {}) =>
    h.call<View>(
      ops.voucher.pattern,
      { id, startedAt: iso(Date.now() - 2 * HOUR), endedAt: iso(Date.now() - HOUR), work: 'Replaced the heating element', ...extra },
      service,
    );

  it('SRV-1: registers with an SR number, in the register at once, and publishes registered through the outbox without contact details', async () => {
    const request = await register();
    expect(request).toMatchObject({ status: 'registered', kind: 'paid', fee: { amount: 30_000, currency: 'CNY' }, carriedOver: false });
    expect(request.number).toMatch(/^SR-\d{6}-\d{4}$/);
    const event = await waitForEvent(request.id, 'complaints.service-request.registered');
    expect(event.data).toMatchObject({ number: request.number, kind: 'paid', site: 'local', status: 'registered' });
    expect(JSON.stringify(event.data)).not.toMatch(/Chen Jie|138 0013|Wensan/);
    const rows = await h.sql.query('SELECT number FROM service_requests WHERE id = $1', [request.id]);
    expect(rows.rows[0].number).toBe(request.number);
  });

  it.each([
    ['free with a fee', { kind: 'free' }, 'SRV-1'],
    ['internal with a fee', { kind: 'internal' }, 'SRV-1'],
    ['contract without its contract', { kind: 'contract', fee: undefined }, 'SRV-1'],
    ['paid without a fee', { fee: undefined }, 'SRV-1'],
    ['paid with a fee in USD', { fee: { amount: 100, currency: 'USD' } }, 'SRV-5'],
  ])('SRV-1/SRV-5: refuses a %s (422 naming the rule) and writes nothing', async (_case, overrides, rule) => {
    const before = await h.sql.query('SELECT count(*)::int AS n FROM service_requests');
    const failure = await h.failure(ops.register.pattern, serviceRequestInput(overrides), sales);
    expect(failure).toMatchObject({ kind: 'rule_violation', rule });
    const after = await h.sql.query('SELECT count(*)::int AS n FROM service_requests');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('SRV-1: free, internal and contract requests register without a fee', async () => {
    for (const overrides of [
      { kind: 'free', fee: undefined },
      { kind: 'internal', fee: undefined },
      { kind: 'contract', fee: undefined, contractNo: 'SC-2026-0042' },
    ]) {
      const request = await register(overrides);
      expect(request).toMatchObject({ status: 'registered', fee: null });
    }
  });

  it('SRV-1: 20 concurrent registrations get 20 distinct consecutive SR numbers', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => register()));
    const sequences = results.map((result) => Number(result.number.slice(-4))).sort((a, b) => a - b);
    expect(new Set(results.map((result) => result.number)).size).toBe(20);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => sequences[0] + i));
  });

  it('GW-3 again in the domain: only the manager dispatches; a wrong step is 409 listing the allowed steps', async () => {
    const request = await register();
    expect(await h.failure(ops.dispatch.pattern, { id: request.id, technician: 'Li', promisedDate: today() }, service)).toMatchObject({
      kind: 'forbidden',
    });
    const wrong = await h.failure(
      ops.voucher.pattern,
      { id: request.id, startedAt: iso(Date.now() - 2 * HOUR), endedAt: iso(Date.now() - HOUR), work: 'w' },
      service,
    );
    expect(wrong).toMatchObject({ kind: 'conflict', rule: 'SRV-4' });
    expect(wrong.message).toContain('allowed: dispatch, off-site-application, off-site-application/approve');
    expect(await h.failure(ops.start.pattern, { id: request.id }, service)).toMatchObject({ kind: 'conflict' });
    const yesterday = businessDate(new Date(Date.now() - DAY));
    expect(await h.failure(ops.dispatch.pattern, { id: request.id, technician: 'Li', promisedDate: yesterday }, manager)).toMatchObject({
      kind: 'rule_violation',
      rule: 'SRV-2',
    });
    expect(await h.failure(ops.get.pattern, { id: randomUUID() }, service)).toMatchObject({ kind: 'not_found' });
  });

  it('SRV-2: the dispatch queue is oldest first and flags requests not dispatched on their working day', async () => {
    const older = await register();
    const newer = await register();
    await h.sql.query(`UPDATE service_requests SET queue_date = '2026-01-05' WHERE id = $1`, [older.id]);
    const queue = await h.call<{ items: View[] }>(ops.dispatchQueue.pattern, { limit: 200 }, caller(['auditor']));
    const ids = queue.items.map((item) => item.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(queue.items.find((item) => item.id === older.id)).toMatchObject({ carriedOver: true, queueDate: '2026-01-05' });
    expect(queue.items.find((item) => item.id === newer.id)).toMatchObject({ carriedOver: false });
    const seqs = (await h.sql.query(`SELECT id FROM service_requests WHERE status = 'registered' ORDER BY seq`)).rows.map((row) => row.id);
    expect(ids).toEqual(seqs.slice(0, ids.length));
    // Dispatched requests leave the queue.
    await h.call(ops.dispatch.pattern, { id: older.id, technician: 'Zhou Min', promisedDate: today() }, manager);
    const after = await h.call<{ items: View[] }>(ops.dispatchQueue.pattern, { limit: 200 }, caller(['auditor']));
    expect(after.items.map((item) => item.id)).not.toContain(older.id);
    const dispatched = await waitForEvent(older.id, 'complaints.service-request.dispatched');
    expect(dispatched.data).toMatchObject({ technician: 'Zhou Min', promisedDate: today(), status: 'dispatched' });
  });

  it('SRV-3/SRV-4/SRV-5: an off-site paid request starts only after approval, completes with both signatures, books the approved cost and is charged', async () => {
    const request = await register({ site: 'off_site', fee: { amount: 120_000, currency: 'CNY' } });
    await h.call(ops.dispatch.pattern, { id: request.id, technician: 'Li Qiang', promisedDate: today() }, manager);
    expect(await h.failure(ops.start.pattern, { id: request.id }, service)).toMatchObject({ kind: 'rule_violation', rule: 'SRV-3' });
    await h.call(
      ops.applyOffSite.pattern,
      { id: request.id, technician: 'Li Qiang', destination: 'Ningbo branch', days: 2, estimatedCost: { amount: 86_000, currency: 'CNY' } },
      sales,
    );
    expect(await h.failure(ops.start.pattern, { id: request.id }, service)).toMatchObject({ rule: 'SRV-3' });
    expect(await h.failure(ops.approveOffSite.pattern, { id: request.id }, service)).toMatchObject({ kind: 'forbidden' });
    await h.call(ops.approveOffSite.pattern, { id: request.id }, manager);
    await h.call(ops.start.pattern, { id: request.id }, service);
    // SRV-5: 1,200.00 CNY is above the (configured) 400.00 CNY cash limit.
    expect(
      await h.failure(
        ops.voucher.pattern,
        { id: request.id, startedAt: iso(Date.now() - 2 * HOUR), endedAt: iso(Date.now() - HOUR), work: 'w', payment: 'cash' },
        service,
      ),
    ).toMatchObject({
      kind: 'rule_violation',
      rule: 'SRV-5',
    });
    expect(
      await h.failure(
        ops.voucher.pattern,
        { id: request.id, startedAt: iso(Date.now() - HOUR), endedAt: iso(Date.now() + HOUR), work: 'w' },
        service,
      ),
    ).toMatchObject({
      rule: 'SRV-4',
    });
    const worked = await voucher(request.id, { parts: [{ sku: 'HEAT-1', quantity: 1 }] });
    expect(worked).toMatchObject({ status: 'worked', voucher: { payment: 'invoice', countersignature: null, customerSignature: null } });
    expect(worked.voucher!.number).toMatch(/^SV-\d{6}-\d{4}$/);
    const countersigned = await h.call<View>(ops.countersign.pattern, { id: request.id }, manager);
    expect(countersigned).toMatchObject({ status: 'worked', completedAt: null });
    expect(await h.failure(ops.countersign.pattern, { id: request.id }, manager)).toMatchObject({ kind: 'conflict', rule: 'SRV-4' });
    const completed = await h.call<View>(ops.customerSignature.pattern, { id: request.id, signedBy: 'Chen Jie' }, service);
    expect(completed).toMatchObject({ status: 'completed', serviceCost: { amount: 86_000, currency: 'CNY' } });

    const charged = await waitForEvent(request.id, 'complaints.service-request.charged');
    expect(charged.data).toEqual({
      serviceRequestId: request.id,
      number: request.number,
      voucherNumber: worked.voucher!.number,
      customerId: '1d7c1f6e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
      contractNo: null,
      fee: { amount: 120_000, currency: 'CNY' },
      method: 'invoice',
      serviceCost: { amount: 86_000, currency: 'CNY' },
      completedAt: completed.completedAt,
    });
    const done = await waitForEvent(request.id, 'complaints.service-request.completed');
    expect(done.data).toMatchObject({ status: 'completed', voucherNumber: worked.voucher!.number, serviceCost: { amount: 86_000 } });
    // Order of one aggregate's events: completed before charged.
    const types = eventsOf(request.id).map((event) => event.type);
    expect(types.indexOf('complaints.service-request.completed')).toBeLessThan(types.indexOf('complaints.service-request.charged'));
  });

  it('SRV-4: the signatures come in either order; cash up to the limit; free requests complete without a charge', async () => {
    const paid = await started({ fee: { amount: 40_000, currency: 'CNY' } });
    expect(await voucher(paid.id, { payment: 'cash' })).toMatchObject({ voucher: { payment: 'cash' } });
    await h.call(ops.customerSignature.pattern, { id: paid.id, signedBy: 'Chen Jie' }, service);
    const completed = await h.call<View>(ops.countersign.pattern, { id: paid.id }, manager);
    expect(completed).toMatchObject({ status: 'completed', serviceCost: { amount: 0 } });
    expect((await waitForEvent(paid.id, 'complaints.service-request.charged')).data).toMatchObject({
      method: 'cash',
      fee: { amount: 40_000 },
    });

    const free = await started({ kind: 'free', fee: undefined });
    expect(
      await h.failure(
        ops.voucher.pattern,
        { id: free.id, startedAt: iso(Date.now() - 2 * HOUR), endedAt: iso(Date.now() - HOUR), work: 'w', payment: 'cash' },
        service,
      ),
    ).toMatchObject({
      rule: 'SRV-5',
    });
    await voucher(free.id);
    await h.call(ops.countersign.pattern, { id: free.id }, manager);
    await h.call(ops.customerSignature.pattern, { id: free.id, signedBy: 'Chen Jie' }, service);
    await waitForEvent(free.id, 'complaints.service-request.completed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(eventsOf(free.id).map((event) => event.type)).not.toContain('complaints.service-request.charged');
  });

  it('SRV-4: the register check lists work without a voucher and vouchers missing a signature at the end of the day', async () => {
    const inProgress = await started();
    const unsigned = await started();
    await voucher(unsigned.id);
    await h.call(ops.countersign.pattern, { id: unsigned.id }, manager);
    const done = await started();
    await voucher(done.id);
    await h.call(ops.countersign.pattern, { id: done.id }, manager);
    await h.call(ops.customerSignature.pattern, { id: done.id, signedBy: 'Chen Jie' }, service);

    const check = await h.call<{ date: string; items: (View & { missing: string[] })[] }>(
      ops.registerCheck.pattern,
      { date: today() },
      caller(['auditor']),
    );
    const entry = (id: string) => check.items.find((item) => item.id === id);
    expect(entry(inProgress.id)).toMatchObject({ status: 'in_progress', missing: ['voucher'], voucherNumber: null });
    expect(entry(unsigned.id)).toMatchObject({ status: 'worked', missing: ['customerSignature'] });
    expect(entry(done.id)).toBeUndefined();
    // The day before, none of them had started.
    const before = await h.call<{ items: View[] }>(
      ops.registerCheck.pattern,
      { date: businessDate(new Date(Date.now() - DAY)) },
      caller(['auditor']),
    );
    expect(before.items.map((item) => item.id)).not.toContain(inProgress.id);
  });

  it('SRV-6: the opinion after completion; a serious grievance escalates at once and an executive answers it in writing', async () => {
    const request = await started();
    expect(
      await h.failure(
        ops.opinion.pattern,
        { id: request.id, ratings: { attitude: 'poor', skill: 'poor', arrival: 'poor', promiseKept: 'poor' } },
        service,
      ),
    ).toMatchObject({ kind: 'conflict', rule: 'SRV-6' });
    await voucher(request.id);
    await h.call(ops.countersign.pattern, { id: request.id }, manager);
    await h.call(ops.customerSignature.pattern, { id: request.id, signedBy: 'Chen Jie' }, service);
    expect(await h.failure(ops.answerGrievance.pattern, { id: request.id, answer: 'x' }, service)).toMatchObject({ rule: 'SRV-6' });
    const opinion = {
      id: request.id,
      ratings: { attitude: 'average', skill: 'satisfied', arrival: 'poor', promiseKept: 'average' },
      suggestion: 'Call before coming',
      grievance: { text: 'The technician was rude', serious: true },
    };
    const rated = await h.call<View>(ops.opinion.pattern, opinion, service);
    expect(rated.opinion).toMatchObject({ grievance: { serious: true, answeredBy: 'executive', answer: null } });
    const escalated = await waitForEvent(request.id, 'complaints.service-request.grievance-escalated');
    expect(escalated.data).toEqual({
      serviceRequestId: request.id,
      number: request.number,
      customerId: '1d7c1f6e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
      technician: 'Li Qiang',
      serious: true,
      escalatedTo: 'executive',
    });
    expect(await h.failure(ops.opinion.pattern, opinion, service)).toMatchObject({ kind: 'conflict', rule: 'SRV-6' });
    expect(await h.failure(ops.answerGrievance.pattern, { id: request.id, answer: 'Sorry' }, manager)).toMatchObject({
      kind: 'forbidden',
      rule: 'SRV-6',
    });
    const answered = await h.call<View>(
      ops.answerGrievance.pattern,
      { id: request.id, answer: 'We apologise; the technician is retrained.' },
      executive,
    );
    expect(answered.opinion).toMatchObject({ grievance: { answer: { answer: 'We apologise; the technician is retrained.' } } });
    expect(await h.failure(ops.answerGrievance.pattern, { id: request.id, answer: 'again' }, executive)).toMatchObject({
      kind: 'conflict',
    });
  });

  it('SRV-6: the monthly scorecard per technician, computed in SQL', async () => {
    const technician = `Tech ${randomUUID().slice(0, 8)}`;
    const complete = async (ratings: Record<string, string> | null, late: boolean, grievance?: { text: string; serious: boolean }) => {
      const request = await started({}, technician);
      await voucher(request.id);
      if (late) await h.sql.query(`UPDATE service_requests SET promised_date = promised_date - 1 WHERE id = $1`, [request.id]);
      await h.call(ops.countersign.pattern, { id: request.id }, manager);
      await h.call(ops.customerSignature.pattern, { id: request.id, signedBy: 'Chen Jie' }, service);
      if (ratings) await h.call(ops.opinion.pattern, { id: request.id, ratings, ...(grievance ? { grievance } : {}) }, service);
    };
    await complete({ attitude: 'very_satisfied', skill: 'satisfied', arrival: 'satisfied', promiseKept: 'poor' }, false);
    await complete({ attitude: 'satisfied', skill: 'satisfied', arrival: 'poor', promiseKept: 'average' }, true, {
      text: 'Late',
      serious: false,
    });
    await complete({ attitude: 'average', skill: 'very_satisfied', arrival: 'poor', promiseKept: 'average' }, true, {
      text: 'Rude',
      serious: true,
    });
    await complete(null, false);
    const open = await started({}, technician); // not completed: not counted
    expect(open.status).toBe('in_progress');

    const month = businessDate(new Date()).slice(0, 7);
    const card = await h.call<{ month: string; technicians: Record<string, unknown>[] }>(
      ops.technicianScorecard.pattern,
      { month },
      caller(['auditor']),
    );
    expect(card.technicians.find((row) => row.technician === technician)).toEqual({
      technician,
      completed: 4,
      ratings: { rated: 3, attitude: '3.00', skill: '3.33', arrival: '1.67', promiseKept: '1.67' },
      arrivedOnTime: 2,
      onTimeArrivalShare: '0.5000',
      grievances: 2,
      seriousGrievances: 1,
    });
    const empty = await h.call<{ technicians: unknown[] }>(ops.technicianScorecard.pattern, { month: '2020-01' }, caller(['auditor']));
    expect(empty.technicians).toEqual([]);
  });
});
