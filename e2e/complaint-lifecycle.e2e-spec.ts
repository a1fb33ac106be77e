import { EventProbe } from '@crm/testing';
import { PrismProxy, PrismWalk } from './support/prism';
import { startSuite, type Suite, type ApiKey } from './support/suite';

jest.setTimeout(120_000);

const DAY = 24 * 3600 * 1000;

/**
 * Issue 7, the acceptance walk of the complaints domain through the gateway (real complaints
 * service, PostgreSQL, RabbitMQ) with Stoplight Prism in proxy mode in front: every answer must
 * match the OpenAPI document (GW-1) — no response violation at all.
 *
 * register → accept → assign → findings with a penalty → propose 6,000.00 CNY compensation → a
 * manager is refused (403, CMP-8) → an executive approves → resolve → unsatisfied follow-up → the
 * linked new complaint → … → satisfied → closed.
 */
describe('complaint lifecycle through the gateway (Prism proxy)', () => {
  let suite: Suite;
  let prism: PrismProxy;
  let probe: EventProbe;
  let walk: PrismWalk;
  const keys: Record<string, ApiKey> = {};

  beforeAll(async () => {
    suite = await startSuite('complaints_walk', ['customers', 'complaints']);
    for (const role of ['service', 'sales', 'manager', 'executive', 'auditor', 'warehouse'] as const) {
      keys[role] = await suite.createKey(`${role}-complaints`, [role], 'confidential');
    }
    probe = await EventProbe.bind('complaints.#', suite.vhost.url);
    prism = await PrismProxy.inFrontOf(suite.url);
    walk = new PrismWalk(prism.url);
  });

  afterAll(async () => {
    await probe?.close();
    await prism?.close();
    await suite?.close();
  });

  const step: PrismWalk['step'] = (name, spec) => walk.step(name, spec);

  it('walks a complaint from registration to closing, reopened once, with zero response violations', async () => {
    const { service, sales, manager, executive, auditor, warehouse } = keys;
    // CUS-2: complaints tied to an order need an active customer (the complaints service learns it
    // from customers.customer.approved, or asks the customers service when it does not know yet).
    const customer = (
      await suite.http().post('/api/v1/customers').set(sales.auth).send({ type: 'retailer', name: 'Tea House', contacts: [] }).expect(201)
    ).body.id as string;
    await suite
      .http()
      .post(`/api/v1/customers/${customer}/submit`)
      .set(sales.auth)
      .send({ generalSurvey: 'g', fieldSurvey: 'f' })
      .expect(200);
    await suite.http().post(`/api/v1/customers/${customer}/approve`).set(manager.auth).send({}).expect(200);
    const prospect = (
      await suite.http().post('/api/v1/customers').set(sales.auth).send({ type: 'retailer', name: 'New Shop', contacts: [] }).expect(201)
    ).body.id as string;
    const registration = {
      kind: 'complaint',
      channel: 'phone',
      customerId: customer,
      complainant: { name: 'Wang Fang', phone: '+86 138 0013 8000' },
      subject: 'Leaking tea tins',
      description: 'Three of twenty tins arrived with broken seals.',
      category: 'quality',
      occurredAt: new Date(Date.now() - 3 * DAY).toISOString().replace(/\.\d+Z$/, 'Z'),
      demand: 'Compensation',
      product: { orderNo: 'SO-1001', sku: 'TEA-500G', batchNo: 'B-7', shippedAt: '2026-10-30', quantity: 20, defectiveQuantity: 3 },
    };
    const created = (await step('register', { method: 'post', path: '/complaints', key: service, body: registration, status: 201 })).body;
    expect(created.number).toMatch(/^CP-\d{6}-\d{4}$/);
    expect(created.status).toBe('registered');
    expect(Object.keys(created.due).sort()).toEqual(['acknowledge', 'firstProposal', 'followUp', 'investigationReport', 'resolution']);
    const id = created.id as string;

    const refusedCustomer = await step('register for a prospect customer', {
      method: 'post',
      path: '/complaints',
      key: service,
      body: { ...registration, customerId: prospect },
      status: 422,
    });
    expect(refusedCustomer.body).toMatchObject({ rule: 'CUS-2' });
    await step('register invalid', { method: 'post', path: '/complaints', key: service, body: { kind: 'rant' }, status: 400 });
    await step('register as warehouse', { method: 'post', path: '/complaints', key: warehouse, body: registration, status: 403 });
    const late = (
      await step('register late service complaint', {
        method: 'post',
        path: '/complaints',
        key: sales,
        body: {
          ...registration,
          category: 'service',
          product: undefined,
          occurredAt: new Date(Date.now() - 60 * DAY).toISOString().replace(/\.\d+Z$/, 'Z'),
        },
        status: 201,
      })
    ).body;
    expect(late).toMatchObject({ status: 'rejected', invalidReason: 'late_service_complaint' });

    await step('approve too early', { method: 'post', path: `/complaints/${id}/approve`, key: manager, body: {}, status: 409 });
    await step('accept', { method: 'post', path: `/complaints/${id}/accept`, key: service, body: { severity: 'general' }, status: 200 });
    await step('assign', {
      method: 'post',
      path: `/complaints/${id}/assign`,
      key: service,
      body: { department: 'packing', assignee: 'Zhao Lei' },
      status: 200,
    });
    const findings = {
      rootCause: 'Seal machine mis-set on batch B-7',
      ourFault: true,
      responsibleDepartment: 'packing',
      responsiblePerson: 'Zhao Lei',
      correctiveAction: 'Machine re-calibrated',
      preventiveAction: 'Daily seal test',
    };
    await step('findings with penalty out of range', {
      method: 'post',
      path: `/complaints/${id}/findings`,
      key: service,
      body: { ...findings, penalty: { amount: { amount: 10_000, currency: 'CNY' } } },
      status: 422,
    });
    await step('findings', {
      method: 'post',
      path: `/complaints/${id}/findings`,
      key: service,
      body: { ...findings, penalty: { amount: { amount: 50_000, currency: 'CNY' }, kpiPoints: 1 } },
      status: 200,
    });
    await step('propose 6,000.00 CNY', {
      method: 'post',
      path: `/complaints/${id}/proposal`,
      key: sales,
      body: { resolution: 'compensation', amount: { amount: 600_000, currency: 'CNY' }, note: 'Goodwill' },
      status: 200,
    });
    const refused = await step('manager approves above the threshold', {
      method: 'post',
      path: `/complaints/${id}/approve`,
      key: manager,
      body: {},
      status: 403,
    });
    expect(refused.body).toMatchObject({ rule: 'CMP-8' });
    await step('sales approves', { method: 'post', path: `/complaints/${id}/approve`, key: sales, body: {}, status: 403 });
    await step('executive approves', { method: 'post', path: `/complaints/${id}/approve`, key: executive, body: {}, status: 200 });
    await step('resolve', {
      method: 'post',
      path: `/complaints/${id}/resolve`,
      key: service,
      body: { message: 'Compensation paid, customer called' },
      status: 200,
    });
    const ratings = { attitude: 'satisfied', skill: 'average', timeliness: 'poor', promiseKept: 'satisfied' };
    const unsatisfied = (
      await step('unsatisfied follow-up', {
        method: 'post',
        path: `/complaints/${id}/follow-up`,
        key: service,
        body: { satisfied: false, ratings, comment: 'Took too long' },
        status: 200,
      })
    ).body;
    const reopenedAs = unsatisfied.reopenedAs as string;
    expect(unsatisfied.status).toBe('superseded');

    const linked = (
      await step('read the linked complaint', { method: 'get', path: `/complaints/${reopenedAs}`, key: auditor, status: 200 })
    ).body;
    expect(linked).toMatchObject({ status: 'registered', supersedes: id });
    await step('read the original', { method: 'get', path: `/complaints/${id}`, key: auditor, status: 200 });
    await step('follow-up on a superseded one', {
      method: 'post',
      path: `/complaints/${id}/follow-up`,
      key: service,
      body: { satisfied: true },
      status: 409,
    });

    await step('accept again', { method: 'post', path: `/complaints/${reopenedAs}/accept`, key: service, body: {}, status: 200 });
    await step('extend', {
      method: 'post',
      path: `/complaints/${reopenedAs}/extend`,
      key: manager,
      body: { reason: 'Waiting for the lab' },
      status: 200,
    });
    await step('extend twice', {
      method: 'post',
      path: `/complaints/${reopenedAs}/extend`,
      key: manager,
      body: { reason: 'Again' },
      status: 422,
    });
    await step('assign again', {
      method: 'post',
      path: `/complaints/${reopenedAs}/assign`,
      key: sales,
      body: { department: 'logistics', assignee: 'Sun Mei' },
      status: 200,
    });
    await step('findings again', {
      method: 'post',
      path: `/complaints/${reopenedAs}/findings`,
      key: service,
      body: { rootCause: 'Slow courier', ourFault: false, responsibleDepartment: 'logistics' },
      status: 200,
    });
    await step('propose explanation', {
      method: 'post',
      path: `/complaints/${reopenedAs}/proposal`,
      key: service,
      body: { resolution: 'explanation', note: 'Apologise and explain' },
      status: 200,
    });
    await step('manager approves', { method: 'post', path: `/complaints/${reopenedAs}/approve`, key: manager, body: {}, status: 200 });
    await step('resolve again', {
      method: 'post',
      path: `/complaints/${reopenedAs}/resolve`,
      key: service,
      body: { message: 'Explained' },
      status: 200,
    });
    const closed = (
      await step('satisfied follow-up', {
        method: 'post',
        path: `/complaints/${reopenedAs}/follow-up`,
        key: service,
        body: {
          satisfied: true,
          ratings: { attitude: 'very_satisfied', skill: 'satisfied', timeliness: 'satisfied', promiseKept: 'very_satisfied' },
        },
        status: 200,
      })
    ).body;
    expect(closed).toMatchObject({ status: 'closed', reopenedAs: null });

    await step('list', { method: 'get', path: '/complaints?limit=2', key: auditor, status: 200 });
    await step('list by customer', {
      method: 'get',
      path: `/complaints?customerId=${registration.customerId}&status=closed`,
      key: manager,
      status: 200,
    });
    await step('list overdue', { method: 'get', path: '/complaints?overdue=true', key: auditor, status: 200 });
    const month = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);
    const report = (
      await step('monthly report', { method: 'get', path: `/complaints/reports/monthly?month=${month}`, key: executive, status: 200 })
    ).body;
    expect(report).toMatchObject({ month, final: false });
    await step('monthly report as sales', { method: 'get', path: `/complaints/reports/monthly?month=${month}`, key: sales, status: 403 });
    await step('monthly report, bad month', {
      method: 'get',
      path: '/complaints/reports/monthly?month=2026-13',
      key: auditor,
      status: 400,
    });
    await step('unknown complaint', { method: 'get', path: '/complaints/4b8e1c2d-3f4a-4b5c-9d6e-7f8091a2b3c4', key: auditor, status: 404 });
    await step('no delete route (CMP-14)', { method: 'get', path: `/complaints/${id}/delete`, key: auditor, status: 404 });

    // Every transition went through the outbox onto crm.events.
    const types = ['registered', 'accepted', 'approved', 'resolved', 'reopened', 'closed', 'rejected'].map(
      (verb) => `complaints.complaint.${verb}`,
    );
    await probe.waitFor(() => types.every((type) => probe.bodies<{ type: string }>().some((event) => event.type === type)));

    const problems = walk.responseViolations();
    console.log(`Complaints walk: ${walk.walked.length} requests through Prism, ${problems.length} response violations`);
    expect(problems).toEqual([]);
    // The walk must not go unchecked: Prism did validate (the invalid registration is reported as a request violation).
    expect(walk.sawRequestViolation()).toBe(true);
  });
});
