import { ComplaintOperations as ops } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { databaseUrl } from '@crm/persistence';
import { testEnv } from '@crm/testing';
import { DataSource } from 'typeorm';
import { ComplaintDeadlines } from '../src/complaint/complaint-deadlines.policy';
import { Complaint } from '../src/complaint/complaint.entity';
import { loadComplaintsConfig } from '../src/complaints.config';
import { MonthlyReportHandler } from '../src/complaint/monthly-report/monthly-report.handler';
import { monthRange, monthlyReport } from '../src/complaint/monthly-report/monthly-report.policy';
import { ComplaintsHarness, caller, complaintInput } from './support/complaints-harness';

jest.setTimeout(60_000);

type View = Record<string, unknown> & { id: string; status: string; number: string; version: number };
const DAY = 24 * 3600 * 1000;

/** CMP-1..CMP-12 and CMP-14 on the real service (PostgreSQL + RabbitMQ), as the gateway calls it. */
describe('complaints workflow (integration)', () => {
  let h: ComplaintsHarness;
  const service = caller(['service']);
  const sales = caller(['sales']);
  const manager = caller(['manager']);
  const executive = caller(['executive']);

  const env = {
    BUSINESS_HOLIDAYS: '2027-01-01',
    COMPLAINT_MANAGER_APPROVAL_LIMIT_FEN: '500000',
    COMPLAINT_SLA_OVERRIDES: JSON.stringify([{ when: { category: 'business', severity: 'major' }, set: { resolutionDays: 1 } }]),
  };
  beforeAll(async () => {
    h = await ComplaintsHarness.start('complaints_flow', env);
  });
  afterAll(async () => {
    await h?.close();
  });

  const register = (overrides: Record<string, unknown> = {}, who = service) =>
    h.call<View>(ops.register.pattern, complaintInput(overrides), who);

  async function investigated(overrides: Record<string, unknown> = {}): Promise<View> {
    const c = await register(overrides);
    await h.call(ops.accept.pattern, { id: c.id }, service);
    await h.call(ops.assign.pattern, { id: c.id, department: 'packing', assignee: 'Zhao Lei' }, service);
    return h.call<View>(
      ops.findings.pattern,
      {
        id: c.id,
        rootCause: 'seal machine mis-set',
        ourFault: true,
        responsibleDepartment: 'packing',
        responsiblePerson: 'Zhao Lei',
        penalty: { amount: { amount: 50_000, currency: 'CNY' } },
      },
      service,
    );
  }

  it('registers with a CP number and every due time (CMP-1, CMP-9), and publishes registered through the outbox', async () => {
    const c = await register();
    expect(c.number).toMatch(/^CP-\d{6}-\d{4}$/);
    expect(c.status).toBe('registered');
    const due = c.due as Record<string, string>;
    for (const key of ['acknowledge', 'firstProposal', 'investigationReport', 'resolution', 'followUp']) {
      expect(due[key]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(new Date(due.acknowledge).getTime()).toBeLessThan(new Date(due.resolution).getTime());
    await h.probe.waitFor(() => h.probe.bodies<{ type: string; data: { complaintId: string } }>().some((e) => e.data.complaintId === c.id));
    const event = h.probe.bodies<{ type: string; data: Record<string, unknown> }>().find((e) => e.data.complaintId === c.id)!;
    expect(event.type).toBe('complaints.complaint.registered');
    expect(event.data).toMatchObject({ number: c.number, kind: 'complaint', category: 'quality' });
    expect(JSON.stringify(event.data)).not.toContain('Wang Fang'); // no complainant details in events
  });

  it('CMP-9: deadlines configured per category and severity apply, and acceptance re-plans them for the severity it sets', async () => {
    const deadlines = new ComplaintDeadlines(loadComplaintsConfig(env).complaints);
    const c = await register({ category: 'business', product: undefined });
    const createdAt = new Date(c.createdAt as string);
    const general = { kind: 'complaint', category: 'business', severity: null };
    expect((c.due as Record<string, string>).resolution).toBe(deadlines.resolutionDue(createdAt, general, false).toISOString());
    const accepted = await h.call<View>(ops.accept.pattern, { id: c.id, severity: 'major' }, service);
    const major = deadlines.resolutionDue(createdAt, { ...general, severity: 'major' }, false);
    expect((accepted.due as Record<string, string>).resolution).toBe(major.toISOString());
    expect(major.getTime()).toBeLessThan(deadlines.resolutionDue(createdAt, general, false).getTime()); // 1 working day, not 3
    const stored = await h.sql.query<{ resolution_due_at: Date }>('SELECT resolution_due_at FROM complaints WHERE id = $1', [c.id]);
    expect(stored.rows[0].resolution_due_at.toISOString()).toBe(major.toISOString());
  });

  it('CMP-3: a late service-attitude complaint is answered rejected with its reason at registration', async () => {
    const c = await register({ category: 'service', occurredAt: new Date(Date.now() - 45 * DAY).toISOString().replace(/\.\d{3}/, '') });
    expect(c).toMatchObject({ status: 'rejected', invalidReason: 'late_service_complaint', malicious: false });
    expect(await h.failure(ops.accept.pattern, { id: c.id }, service)).toMatchObject({ kind: ErrorKind.Conflict, rule: 'CMP-5' });
  });

  it('CMP-4: a major complaint escalates to an executive at once', async () => {
    const c = await register({ severity: 'major' });
    expect(c.escalatedTo).toBe('executive');
    await h.probe.waitFor(() =>
      h.probe
        .bodies<{ type: string; data: { complaintId: string } }>()
        .some((e) => e.type === 'complaints.complaint.escalated' && e.data.complaintId === c.id),
    );
    const accepted = await register();
    const escalated = await h.call<View>(ops.accept.pattern, { id: accepted.id, severity: 'major' }, service);
    expect(escalated).toMatchObject({ status: 'accepted', severity: 'major', escalatedTo: 'executive' });
  });

  it('CMP-5: a wrong step is 409 listing the allowed steps', async () => {
    const c = await register();
    const problem = await h.failure(ops.approve.pattern, { id: c.id }, manager);
    expect(problem).toMatchObject({ kind: ErrorKind.Conflict, rule: 'CMP-5' });
    expect(problem.message).toContain('allowed: accept, reject, extend');
  });

  it('CMP-3: reject with a reason, malicious', async () => {
    const c = await register();
    const rejected = await h.call<View>(ops.reject.pattern, { id: c.id, reason: 'provocation', malicious: true }, sales);
    expect(rejected).toMatchObject({ status: 'rejected', invalidReason: 'provocation', malicious: true, receivablesNote: null });
  });

  it('CMP-10: rejecting a complaint about an unpaid order notes that receivables are collected as normal, in the record and the event', async () => {
    const c = await register({ product: { ...(complaintInput().product as object), orderNo: 'SO-UNPAID-1', orderPaid: false } });
    expect(c).toMatchObject({ receivablesNote: null });
    const rejected = await h.call<View>(ops.reject.pattern, { id: c.id, reason: 'facts_contradicted' }, service);
    expect(rejected.receivablesNote).toBe(
      'CMP-10: order SO-UNPAID-1 is unpaid and this complaint was rejected; its receivables are collected as normal.',
    );
    type Event = { type: string; data: Record<string, unknown> };
    const isRejected = (e: Event) => e.data.complaintId === c.id && e.type === 'complaints.complaint.rejected';
    await h.probe.waitFor(() => h.probe.bodies<Event>().some(isRejected));
    expect(h.probe.bodies<Event>().find(isRejected)!.data.receivablesNote).toBe(rejected.receivablesNote);
    expect((await h.call<View>(ops.get.pattern, { id: c.id }, service)).receivablesNote).toBe(rejected.receivablesNote);
  });

  it('CMP-6/CMP-11: findings record the penalty; out of range is 422 naming CMP-11', async () => {
    const c = await register();
    await h.call(ops.accept.pattern, { id: c.id }, service);
    await h.call(ops.assign.pattern, { id: c.id, department: 'packing', assignee: 'Zhao Lei' }, service);
    const body = { id: c.id, rootCause: 'r', ourFault: true, responsibleDepartment: 'packing' };
    expect(
      await h.failure(ops.findings.pattern, { ...body, penalty: { amount: { amount: 160_000, currency: 'CNY' } } }, service),
    ).toMatchObject({
      kind: ErrorKind.RuleViolation,
      rule: 'CMP-11',
    });
    const found = await h.call<View>(ops.findings.pattern, { ...body, penalty: { amount: { amount: 20_000, currency: 'CNY' } } }, service);
    expect(found.findings).toMatchObject({ penalty: { amount: { amount: 20_000, currency: 'CNY' }, kpiPoints: 1, department: 'packing' } });
  });

  it('CMP-6: no proposal before findings', async () => {
    const c = await register();
    await h.call(ops.accept.pattern, { id: c.id }, service);
    await h.call(ops.assign.pattern, { id: c.id, department: 'd', assignee: 'a' }, service);
    expect(await h.failure(ops.propose.pattern, { id: c.id, resolution: 'explanation' }, service)).toMatchObject({ rule: 'CMP-6' });
  });

  it('CMP-8: a manager above 5,000.00 CNY and the proposer are refused (403); an executive approves', async () => {
    const c = await investigated();
    const proposed = await h.call<View>(
      ops.propose.pattern,
      { id: c.id, resolution: 'compensation', amount: { amount: 600_000, currency: 'CNY' } },
      manager,
    );
    expect(proposed.proposal).toMatchObject({ approvalBy: 'executive', value: { amount: 600_000, currency: 'CNY' } });
    expect(await h.failure(ops.approve.pattern, { id: c.id }, caller(['manager']))).toMatchObject({
      kind: ErrorKind.Forbidden,
      rule: 'CMP-8',
    });
    expect(await h.failure(ops.approve.pattern, { id: c.id }, manager)).toMatchObject({ kind: ErrorKind.Forbidden, rule: 'CMP-8' });
    const approved = await h.call<View>(ops.approve.pattern, { id: c.id }, executive);
    expect(approved).toMatchObject({ status: 'approved', approval: { authority: 'executive' } });
    // CMP-10: the approved event hands a credit note to returns.
    const isApproved = (e: { type: string; data: { complaintId: string } }) =>
      e.type === 'complaints.complaint.approved' && e.data.complaintId === c.id;
    await h.probe.waitFor(() => h.probe.bodies<{ type: string; data: { complaintId: string } }>().some(isApproved));
    const event = h.probe.bodies<{ type: string; data: { complaintId: string; handOff: unknown } }>().find(isApproved)!;
    expect(event.data.handOff).toEqual({
      target: 'credit_note',
      resolution: 'compensation',
      customerId: null,
      reason: 'Leaking tea tins',
      amount: { amount: 600_000, currency: 'CNY' },
      lines: [],
      purchaseRef: null,
    });
  });

  it('CMP-8: a manager approves up to the threshold', async () => {
    const c = await investigated();
    await h.call(ops.propose.pattern, { id: c.id, resolution: 'discount', amount: { amount: 500_000, currency: 'CNY' } }, service);
    expect(await h.call<View>(ops.approve.pattern, { id: c.id }, manager)).toMatchObject({
      status: 'approved',
      approval: { authority: 'manager' },
    });
  });

  it('CMP-5/CMP-12/CMP-14: unsatisfied reopens a linked complaint; satisfied closes and sets retention', async () => {
    const c = await investigated();
    await h.call(ops.propose.pattern, { id: c.id, resolution: 'explanation' }, service);
    await h.call(ops.approve.pattern, { id: c.id }, manager);
    const resolved = await h.call<View>(ops.resolve.pattern, { id: c.id, message: 'Called the customer' }, service);
    expect(resolved.status).toBe('resolved');
    const ratings = { attitude: 'satisfied', skill: 'average', timeliness: 'poor', promiseKept: 'satisfied' };
    const followed = await h.call<View & { reopenedAs: string }>(ops.followUp.pattern, { id: c.id, satisfied: false, ratings }, service);
    expect(followed).toMatchObject({ status: 'superseded', followUps: [{ satisfied: false, ratings }] });
    const reopened = await h.call<View>(ops.get.pattern, { id: followed.reopenedAs }, caller(['auditor']));
    expect(reopened).toMatchObject({ status: 'registered', supersedes: c.id, subject: 'Leaking tea tins' });
    expect(reopened.number).not.toBe(c.number);
    expect(followed.supersededBy).toBe(reopened.id);

    await h.call(ops.accept.pattern, { id: reopened.id }, service);
    await h.call(ops.assign.pattern, { id: reopened.id, department: 'packing', assignee: 'Zhao Lei' }, service);
    await h.call(ops.findings.pattern, { id: reopened.id, rootCause: 'r', ourFault: false, responsibleDepartment: 'packing' }, service);
    await h.call(ops.propose.pattern, { id: reopened.id, resolution: 'explanation' }, service);
    await h.call(ops.approve.pattern, { id: reopened.id }, manager);
    await h.call(ops.resolve.pattern, { id: reopened.id, message: 'Visited' }, service);
    const closed = await h.call<View & { reopenedAs: null }>(ops.followUp.pattern, { id: reopened.id, satisfied: true, ratings }, service);
    expect(closed).toMatchObject({ status: 'closed', reopenedAs: null });
    expect(new Date(closed.retainUntil as string).getTime() - new Date(closed.closedAt as string).getTime()).toBeGreaterThanOrEqual(
      365 * DAY,
    );

    // CMP-14: no route deletes, and the database refuses a DELETE that breaks retention.
    await expect(h.sql.query('DELETE FROM complaints WHERE id = $1', [reopened.id])).rejects.toThrow(/CMP-14/);
  });

  it('CMP-9: extends once to 7 working days with a reason; a second time is 422', async () => {
    const c = await register();
    const extended = await h.call<View>(ops.extend.pattern, { id: c.id, reason: 'waiting for the lab' }, service);
    const due = (view: View) => (view.due as Record<string, string>).resolution;
    expect(new Date(due(extended)).getTime()).toBeGreaterThan(new Date(due(c)).getTime());
    expect(extended.extension).toMatchObject({ reason: 'waiting for the lab' });
    expect(await h.failure(ops.extend.pattern, { id: c.id, reason: 'again' }, service)).toMatchObject({
      kind: ErrorKind.RuleViolation,
      rule: 'CMP-9',
    });
  });

  it('GW-3 in the domain: a warehouse key cannot register; every staff role can read and list', async () => {
    expect(await h.failure(ops.register.pattern, complaintInput(), caller(['warehouse']))).toMatchObject({ kind: ErrorKind.Forbidden });
    const c = await register({ customerId: '6f1c1b9e-8d52-4c38-9d59-3c1f0f1a2b3c', product: undefined });
    const page = await h.call<{ items: View[]; nextCursor: string | null }>(
      ops.list.pattern,
      { customerId: '6f1c1b9e-8d52-4c38-9d59-3c1f0f1a2b3c', limit: 5 },
      caller(['auditor']),
    );
    expect(page.items.map((item) => item.id)).toContain(c.id);
    const overdue = await h.call<{ items: View[] }>(ops.list.pattern, { overdue: true }, caller(['finance']));
    expect(overdue.items.map((item) => item.id)).not.toContain(c.id);
  });

  it('CMP-13: the monthly report counts this month provisionally; a future month is 422', async () => {
    const month = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);
    const report = await h.call<
      Record<string, unknown> & { total: number; final: boolean; penaltiesByDepartment: { department: string }[] }
    >(ops.monthlyReport.pattern, { month }, caller(['auditor']));
    expect(report.final).toBe(false);
    expect(report.total).toBeGreaterThan(5);
    expect(report.penaltiesByDepartment.map((entry) => entry.department)).toContain('packing');
    expect(report.validity).toMatchObject({ byInvalidReason: expect.arrayContaining([{ key: 'late_service_complaint', count: 1 }]) });
    expect(await h.failure(ops.monthlyReport.pattern, { month: '2999-01' }, caller(['manager']))).toMatchObject({ rule: 'CMP-13' });
    expect(await h.failure(ops.monthlyReport.pattern, { month }, caller(['sales']))).toMatchObject({ kind: ErrorKind.Forbidden });
  });

  it('CMP-1: refuses a named complainant without a phone and more defective than delivered (400)', async () => {
    const problem = await h.failure(
      ops.register.pattern,
      complaintInput({ complainant: { name: 'Li' }, product: { orderNo: 'o', sku: 's', quantity: 1, defectiveQuantity: 2 } }),
      service,
    );
    expect(problem).toMatchObject({ kind: ErrorKind.Invalid, rule: 'CMP-1' });
    expect(await register({ complainant: { anonymous: true } })).toMatchObject({ status: 'registered' });
  });
  it('CMP-13: the one grouped report statement answers exactly what the policy says over the loaded entities', async () => {
    // Everything the tests above registered, stepped, rejected, reopened and rated (last test in the file).
    const month = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);
    const dataSource = new DataSource({
      type: 'postgres',
      url: databaseUrl(testEnv.databaseUrl, h.database.name),
      entities: [Complaint],
    });
    await dataSource.initialize();
    try {
      const { start, end } = monthRange(month);
      const entities = await dataSource.manager
        .createQueryBuilder(Complaint, 'c')
        .where('c.createdAt >= :start AND c.createdAt < :end', { start, end })
        .orderBy('c.seq', 'ASC')
        .getMany();
      expect(entities.length).toBeGreaterThan(10);
      expect(entities.some((entity) => entity.followUps.some((followUp) => followUp.ratings))).toBe(true);
      expect(entities.some((entity) => entity.findings?.penalty)).toBe(true);
      const handler = new MonthlyReportHandler();
      // now, and 40 days on (every open due time passed: overdue and "decided by the due time" figures)
      for (const now of [new Date(), new Date(Date.now() + 40 * DAY)]) {
        const expected = monthlyReport(entities, month, now);
        expect(await handler.execute(dataSource.manager, manager, { month }, now)).toEqual(expected);
      }
      expect(monthlyReport(entities, month, new Date(Date.now() + 40 * DAY)).overdueCount).toBeGreaterThan(0);
    } finally {
      await dataSource.destroy();
    }
  });
});
