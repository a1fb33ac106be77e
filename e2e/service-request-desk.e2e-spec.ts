import { businessDate } from '@crm/calendar';
import { EventProbe } from '@crm/testing';
import { PrismProxy, PrismWalk } from './support/prism';
import { startSuite, type Suite, type ApiKey } from './support/suite';

jest.setTimeout(120_000);

const HOUR = 3600 * 1000;
const money = (amount: number) => ({ amount, currency: 'CNY' });
/** An instant on the wire: ISO-8601 UTC with seconds. */
const instant = (at: number) => new Date(at).toISOString().replace(/\.\d+Z$/, 'Z');

interface Event {
  type: string;
  data: Record<string, unknown> & { serviceRequestId?: string };
}

/**
 * Issue 13, the acceptance walk of the after-sales service desk through the gateway (real complaints
 * service, PostgreSQL, RabbitMQ) with Stoplight Prism in proxy mode in front: every answer must
 * match the OpenAPI document (GW-1).
 *
 * A paid off-site request: register → dispatch queue → dispatch → start refused (SRV-3) → off-site
 * application → approval → start → voucher (cash above the limit refused, SRV-5) → countersign →
 * customer signature → `complaints.service-request.charged` on a queue this test binds to
 * `crm.events` → opinion with a serious grievance (escalation event) → answer → register check → scorecard.
 */
describe('after-sales service desk through the gateway (Prism proxy)', () => {
  let suite: Suite;
  let prism: PrismProxy;
  let finance: EventProbe;
  let walk: PrismWalk;
  const step: PrismWalk['step'] = (name, spec) => walk.step(name, spec);
  const keys: Record<string, ApiKey> = {};

  beforeAll(async () => {
    suite = await startSuite('service_desk_walk', ['complaints']);
    for (const role of ['service', 'sales', 'manager', 'executive', 'auditor', 'warehouse'] as const) {
      keys[role] = await suite.createKey(`${role}-desk`, [role], 'confidential');
    }
    // What a finance system does (API.md "Events"): its own queue bound to crm.events.
    finance = await EventProbe.bind('complaints.service-request.#', suite.vhost.url);
    prism = await PrismProxy.inFrontOf(suite.url);
    walk = new PrismWalk(prism.url);
  });

  afterAll(async () => {
    await finance?.close();
    await prism?.close();
    await suite?.close();
  });

  const eventOf = (id: string, type: string) =>
    finance.bodies<Event>().find((event) => event.type === type && event.data.serviceRequestId === id);

  it('walks a paid off-site request from registration to the charge, the opinion and the scorecard, with zero response violations', async () => {
    const { service, sales, manager, executive, auditor, warehouse } = keys;
    const today = businessDate(new Date());
    const registration = {
      kind: 'paid',
      customerId: '1d7c1f6e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
      contact: { name: 'Chen Jie', phone: '+86 138 0013 8000', address: '18 Wensan Road, Hangzhou' },
      product: { model: 'TM-300 tea machine', spec: '220 V, 1.5 kW', purchasedAt: '2026-03-01', purchasedFrom: 'Hangzhou store' },
      problem: 'The heater does not warm up',
      site: 'off_site',
      fee: money(68_000),
    };
    const created = (await step('register', { method: 'post', path: '/service-requests', key: sales, body: registration, status: 201 }))
      .body;
    expect(created).toMatchObject({ status: 'registered', kind: 'paid', site: 'off_site' });
    expect(created.number).toMatch(/^SR-\d{6}-\d{4}$/);
    const id = created.id as string;

    const refusedFee = await step('register a free request with a fee', {
      method: 'post',
      path: '/service-requests',
      key: service,
      body: { ...registration, kind: 'free' },
      status: 422,
    });
    expect(refusedFee.body).toMatchObject({ rule: 'SRV-1' });
    await step('register invalid', { method: 'post', path: '/service-requests', key: service, body: { kind: 'urgent' }, status: 400 });
    await step('register as warehouse', { method: 'post', path: '/service-requests', key: warehouse, body: registration, status: 403 });

    const queue = (await step('dispatch queue', { method: 'get', path: '/service-requests/dispatch-queue', key: auditor, status: 200 }))
      .body;
    expect(queue.items.find((item: { id: string }) => item.id === id)).toMatchObject({ carriedOver: false });
    await step('dispatch as service', {
      method: 'post',
      path: `/service-requests/${id}/dispatch`,
      key: service,
      body: { technician: 'Li Qiang', promisedDate: today },
      status: 403,
    });
    const dispatched = (
      await step('dispatch', {
        method: 'post',
        path: `/service-requests/${id}/dispatch`,
        key: manager,
        body: { technician: 'Li Qiang', promisedDate: today },
        status: 200,
      })
    ).body;
    expect(dispatched).toMatchObject({ status: 'dispatched', technician: 'Li Qiang', promisedDate: today });

    const unapproved = await step('start before approval', {
      method: 'post',
      path: `/service-requests/${id}/start`,
      key: service,
      status: 422,
    });
    expect(unapproved.body).toMatchObject({ rule: 'SRV-3' });
    await step('off-site application', {
      method: 'post',
      path: `/service-requests/${id}/off-site-application`,
      key: service,
      body: { technician: 'Li Qiang', destination: 'Ningbo branch', days: 2, estimatedCost: money(86_000) },
      status: 200,
    });
    await step('approve as sales', {
      method: 'post',
      path: `/service-requests/${id}/off-site-application/approve`,
      key: sales,
      status: 403,
    });
    await step('approve', { method: 'post', path: `/service-requests/${id}/off-site-application/approve`, key: manager, status: 200 });
    await step('start', { method: 'post', path: `/service-requests/${id}/start`, key: service, status: 200 });
    await step('start twice', { method: 'post', path: `/service-requests/${id}/start`, key: service, status: 409 });

    const voucher = {
      startedAt: instant(Date.now() - 2 * HOUR),
      endedAt: instant(Date.now() - HOUR),
      work: 'Replaced the heating element',
    };
    const cash = await step('voucher, cash above the limit', {
      method: 'post',
      path: `/service-requests/${id}/voucher`,
      key: service,
      body: { ...voucher, payment: 'cash' },
      status: 422,
    });
    expect(cash.body).toMatchObject({ rule: 'SRV-5' });
    const worked = (
      await step('voucher', {
        method: 'post',
        path: `/service-requests/${id}/voucher`,
        key: service,
        body: { ...voucher, parts: [{ sku: 'HEAT-1', quantity: 1 }], payment: 'invoice' },
        status: 200,
      })
    ).body;
    expect(worked.voucher.number).toMatch(/^SV-\d{6}-\d{4}$/);
    await step('countersign as service', { method: 'post', path: `/service-requests/${id}/countersign`, key: service, status: 403 });
    await step('countersign', { method: 'post', path: `/service-requests/${id}/countersign`, key: manager, status: 200 });

    const check = (
      await step('register check', { method: 'get', path: `/service-requests/register-check?date=${today}`, key: auditor, status: 200 })
    ).body;
    expect(check.items.find((item: { id: string }) => item.id === id)).toMatchObject({ status: 'worked', missing: ['customerSignature'] });

    const completed = (
      await step('customer signature', {
        method: 'post',
        path: `/service-requests/${id}/customer-signature`,
        key: service,
        body: { signedBy: 'Chen Jie' },
        status: 200,
      })
    ).body;
    expect(completed).toMatchObject({ status: 'completed', serviceCost: money(86_000) });

    // SRV-5: finance books the charge from the event alone.
    await finance.waitFor(() => eventOf(id, 'complaints.service-request.charged') !== undefined);
    expect(eventOf(id, 'complaints.service-request.charged')!.data).toEqual({
      serviceRequestId: id,
      number: created.number,
      voucherNumber: worked.voucher.number,
      customerId: registration.customerId,
      contractNo: null,
      fee: money(68_000),
      method: 'invoice',
      serviceCost: money(86_000),
      completedAt: completed.completedAt,
    });

    await step('opinion', {
      method: 'post',
      path: `/service-requests/${id}/opinion`,
      key: service,
      body: {
        ratings: { attitude: 'average', skill: 'satisfied', arrival: 'very_satisfied', promiseKept: 'poor' },
        suggestion: 'Call before coming',
        grievance: { text: 'The technician promised a follow-up call that never came', serious: true },
      },
      status: 200,
    });
    await finance.waitFor(() => eventOf(id, 'complaints.service-request.grievance-escalated') !== undefined);
    expect(eventOf(id, 'complaints.service-request.grievance-escalated')!.data).toMatchObject({ serious: true, escalatedTo: 'executive' });
    const byManager = await step('answer a serious grievance as manager', {
      method: 'post',
      path: `/service-requests/${id}/grievance-answer`,
      key: manager,
      body: { answer: 'Sorry' },
      status: 403,
    });
    expect(byManager.body).toMatchObject({ rule: 'SRV-6' });
    await step('answer as executive', {
      method: 'post',
      path: `/service-requests/${id}/grievance-answer`,
      key: executive,
      body: { answer: 'We apologise; the call is made today and the technician is coached.' },
      status: 200,
    });

    const month = today.slice(0, 7);
    const card = (
      await step('technician scorecard', {
        method: 'get',
        path: `/service-requests/reports/technicians?month=${month}`,
        key: manager,
        status: 200,
      })
    ).body;
    expect(card.technicians).toEqual([
      {
        technician: 'Li Qiang',
        completed: 1,
        ratings: { rated: 1, attitude: '2.00', skill: '3.00', arrival: '4.00', promiseKept: '1.00' },
        arrivedOnTime: 1,
        onTimeArrivalShare: '1.0000',
        grievances: 1,
        seriousGrievances: 1,
      },
    ]);
    await step('read', { method: 'get', path: `/service-requests/${id}`, key: auditor, status: 200 });
    await step('list', {
      method: 'get',
      path: '/service-requests?status=completed&technician=Li%20Qiang&kind=paid',
      key: auditor,
      status: 200,
    });
    await step('unknown request', {
      method: 'get',
      path: '/service-requests/4b8e1c2d-3f4a-4b5c-9d6e-7f8091a2b3c4',
      key: auditor,
      status: 404,
    });

    for (const type of ['registered', 'dispatched', 'completed']) {
      await finance.waitFor(() => eventOf(id, `complaints.service-request.${type}`) !== undefined);
    }
    expect(JSON.stringify(finance.bodies())).not.toMatch(/Chen Jie|138 0013|Wensan/);

    const problems = walk.responseViolations();
    console.log(`Service desk walk: ${walk.walked.length} requests through Prism, ${problems.length} response violations`);
    expect(problems).toEqual([]);
    expect(walk.sawRequestViolation()).toBe(true);
  });
});
