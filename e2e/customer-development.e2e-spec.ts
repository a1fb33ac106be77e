import { EventProbe } from '@crm/testing';
import { PrismProxy, PrismWalk } from './support/prism';
import { startSuite, type Suite, type ApiKey } from './support/suite';

jest.setTimeout(120_000);

const DAY = 24 * 3600 * 1000;

const iso = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');
const money = (amount: number) => ({ amount, currency: 'CNY' });

/**
 * Issue 12, the acceptance walk of customer development and field visits through the gateway (real
 * customers service, PostgreSQL, RabbitMQ) with Stoplight Prism in proxy mode in front: every
 * answer must match the OpenAPI document (GW-1).
 *
 * prospect → development approved → credit investigation → halt refuses submission (DEV-1) →
 * resumed → submitted → approved → visitor designated (never the owner rep, DEV-2) → visits →
 * overdue → urgent report published on a bound queue (DEV-4) → daily, monthly and urgent lists →
 * visit reports read with a purpose (CUS-7) → sales figures (idempotent, corrected) → key customers (DEV-5).
 */
describe('customer development and field visits through the gateway (Prism proxy)', () => {
  let suite: Suite;
  let prism: PrismProxy;
  let probe: EventProbe;
  let walk: PrismWalk;
  const keys: Record<string, ApiKey> = {};

  beforeAll(async () => {
    suite = await startSuite('development_walk', ['customers']);
    for (const role of ['sales', 'manager', 'executive', 'finance', 'auditor'] as const) {
      keys[role] = await suite.createKey(`${role}-development`, [role], 'secret');
    }
    probe = await EventProbe.bind('customers.#', suite.vhost.url);
    prism = await PrismProxy.inFrontOf(suite.url);
    walk = new PrismWalk(prism.url);
  });

  afterAll(async () => {
    await probe?.close();
    await prism?.close();
    await suite?.close();
  });

  const step: PrismWalk['step'] = (name, spec) => walk.step(name, spec);

  it('walks a prospect through development, visits, an urgent report and the key-customer report with zero response violations', async () => {
    const { sales, manager, executive, finance, auditor } = keys;
    const created = (
      await step('register prospect', {
        method: 'post',
        path: '/customers',
        key: sales,
        body: { type: 'dealer', name: 'Suzhou Tea Dealer', contacts: [], ownerRep: 'rep-007' },
        status: 201,
      })
    ).body;
    const id = created.id as string;

    const survey = (
      await step('survey visit', {
        method: 'post',
        path: `/customers/${id}/visits`,
        key: sales,
        body: { visitedAt: iso(new Date()), visitor: 'rep-007' },
        status: 201,
      })
    ).body;
    expect(survey.kind).toBe('survey');
    const application = (
      await step('apply for development', {
        method: 'post',
        path: `/customers/${id}/development`,
        key: sales,
        body: { target: 'Main tea supplier', approach: 'Tasting, then a trial order', expectedAnnualVolume: money(80_000_000) },
        status: 201,
      })
    ).body;
    expect(application.status).toBe('pending');
    await step('sales cannot approve development', {
      method: 'post',
      path: `/customers/${id}/development/approve`,
      key: sales,
      body: {},
      status: 403,
    });
    await step('approve development', {
      method: 'post',
      path: `/customers/${id}/development/approve`,
      key: manager,
      body: {},
      status: 200,
    });
    const developmentVisit = (
      await step('development visit', {
        method: 'post',
        path: `/customers/${id}/visits`,
        key: sales,
        body: { visitedAt: iso(new Date()), visitor: 'rep-007', opinions: 'Wants better terms' },
        status: 201,
      })
    ).body;
    expect(developmentVisit.kind).toBe('development');
    await step('credit investigation', {
      method: 'post',
      path: `/customers/${id}/credit-investigations`,
      key: sales,
      body: {
        paymentHabits: 'Pays in 45 days',
        bank: 'Bank of Suzhou',
        guarantees: 'None',
        conclusion: 'Acceptable',
        highestCreditLevel: 'B',
      },
      status: 201,
    });
    await step('halt development', {
      method: 'post',
      path: `/customers/${id}/development/halt`,
      key: manager,
      body: { reason: 'Overdue invoices elsewhere' },
      status: 200,
    });
    const refused = await step('submit a halted prospect', {
      method: 'post',
      path: `/customers/${id}/submit`,
      key: sales,
      body: { generalSurvey: 'Sound business', fieldSurvey: 'Warehouse visited' },
      status: 422,
    });
    expect(refused.body).toMatchObject({ rule: 'DEV-1' });
    await step('resume development', { method: 'post', path: `/customers/${id}/development/resume`, key: manager, body: {}, status: 200 });
    await step('submit', {
      method: 'post',
      path: `/customers/${id}/submit`,
      key: sales,
      body: { generalSurvey: 'Sound business', fieldSurvey: 'Warehouse visited' },
      status: 200,
    });
    const approved = (await step('approve', { method: 'post', path: `/customers/${id}/approve`, key: manager, body: {}, status: 200 }))
      .body;
    expect(approved.code).toMatch(/^C\d{10}$/);

    const ownerRefused = await step('owner rep as visitor', {
      method: 'put',
      path: `/customers/${id}/visitor`,
      key: manager,
      body: { visitor: 'rep-007' },
      status: 422,
    });
    expect(ownerRefused.body).toMatchObject({ rule: 'DEV-2' });
    await step('sales cannot designate', {
      method: 'put',
      path: `/customers/${id}/visitor`,
      key: sales,
      body: { visitor: 'visitor-9' },
      status: 403,
    });
    const programme = (
      await step('designate visitor', {
        method: 'put',
        path: `/customers/${id}/visitor`,
        key: manager,
        body: { visitor: 'visitor-9' },
        status: 200,
      })
    ).body;
    expect(programme).toMatchObject({ visitor: 'visitor-9', intervalDays: 90, overdue: false });
    await step('grade B', {
      method: 'post',
      path: `/customers/${id}/grade`,
      key: manager,
      body: { grade: 'B', reason: 'Volume' },
      status: 200,
    });

    const longAgo = new Date(Date.now() - 100 * DAY);
    const programmeVisit = (
      await step('programme visit 100 days ago', {
        method: 'post',
        path: `/customers/${id}/visits`,
        key: sales,
        body: {
          visitedAt: iso(longAgo),
          visitor: 'visitor-9',
          opinions: 'Satisfied',
          suggestions: 'Smaller tins',
          marketInfo: 'Demand for green tea rising',
          competitorInfo: 'Rival opened a shop nearby',
          effect: 'Good',
          matters: [{ subject: 'Late delivery', outcome: 'Apologised, credited freight' }],
        },
        status: 201,
      })
    ).body;
    expect(programmeVisit.kind).toBe('programme');
    const overdue = (await step('overdue list', { method: 'get', path: '/visits/overdue?visitor=visitor-9', key: manager, status: 200 }))
      .body;
    expect(overdue.items).toEqual([expect.objectContaining({ customerId: id, visitor: 'visitor-9', grade: 'B' })]);
    await step('overdue list as sales', { method: 'get', path: '/visits/overdue?visitor=visitor-9', key: sales, status: 403 });

    const urgent = (
      await step('visit with an urgent product defect', {
        method: 'post',
        path: `/customers/${id}/visits`,
        key: sales,
        body: {
          visitedAt: iso(new Date()),
          visitor: 'visitor-9',
          opinions: 'Angry about leaks',
          urgent: { kind: 'product_defect', summary: 'Tins of batch B-7 leak', sku: 'TEA-500G', batchNo: 'B-7' },
        },
        status: 201,
      })
    ).body;
    await step('urgent report without sku', {
      method: 'post',
      path: `/customers/${id}/visits`,
      key: sales,
      body: { visitedAt: iso(new Date()), visitor: 'visitor-9', urgent: { kind: 'product_defect', summary: 'Leaks' } },
      status: 400,
    });
    await probe.waitFor(() =>
      probe
        .bodies<{ type: string; data: { visitId?: string } }>()
        .some((e) => e.type === 'customers.visit.urgent-reported' && e.data.visitId === urgent.id),
    );
    const event = probe
      .bodies<{ type: string; data: Record<string, unknown> }>()
      .find((e) => e.type === 'customers.visit.urgent-reported')!;
    expect(event.data).toMatchObject({
      customerId: id,
      code: approved.code,
      kind: 'product_defect',
      summary: 'Tins of batch B-7 leak',
      sku: 'TEA-500G',
      batchNo: 'B-7',
    });
    expect(JSON.stringify(probe.bodies())).not.toContain('Angry about leaks');
    const overdueAfter = (
      await step('overdue list after the visit', { method: 'get', path: '/visits/overdue?visitor=visitor-9', key: manager, status: 200 })
    ).body;
    expect(overdueAfter.items).toEqual([]);

    const urgentList = (await step('urgent list', { method: 'get', path: '/visits/urgent?limit=10', key: manager, status: 200 })).body;
    expect(urgentList.items[0]).toMatchObject({ visitId: urgent.id, kind: 'product_defect', sku: 'TEA-500G' });
    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const daily = (
      await step('daily report', { method: 'get', path: `/visits/daily?visitor=visitor-9&date=${today}`, key: executive, status: 200 })
    ).body;
    expect(daily.items.map((item: { visitId: string }) => item.visitId)).toContain(urgent.id);
    await step('daily report, bad date', {
      method: 'get',
      path: '/visits/daily?visitor=visitor-9&date=2026-02-30',
      key: executive,
      status: 400,
    });
    const month = today.slice(0, 7);
    const monthly = (
      await step('monthly visit report', { method: 'get', path: `/visits/reports/monthly?month=${month}`, key: executive, status: 200 })
    ).body;
    expect(monthly.byVisitor).toEqual(expect.arrayContaining([expect.objectContaining({ visitor: 'visitor-9', urgentReports: 1 })]));

    await step('visit reports without a purpose', { method: 'get', path: `/customers/${id}/visits`, key: sales, status: 400 });
    const reports = (
      await step('visit reports', {
        method: 'get',
        path: `/customers/${id}/visits?limit=2`,
        key: sales,
        headers: { 'X-Access-Purpose': 'visit follow-up' },
        status: 200,
      })
    ).body;
    expect(reports.items).toHaveLength(2);
    expect(reports.nextCursor).not.toBeNull();
    const log = (await step('access log', { method: 'get', path: `/customers/${id}/access-log`, key: auditor, status: 200 })).body;
    expect(log.items[0]).toMatchObject({ purpose: 'visit follow-up', outcome: 'granted' });
    const archive = (
      await step('full archive', {
        method: 'get',
        path: `/customers/${id}`,
        key: manager,
        headers: { 'X-Access-Purpose': 'check' },
        status: 200,
      })
    ).body;
    expect(archive).toMatchObject({ visitor: 'visitor-9', creditInvestigations: [expect.objectContaining({ highestCreditLevel: 'B' })] });

    await step('figures of the month before', {
      method: 'put',
      path: `/customers/${id}/sales-figures/2025-10`,
      key: finance,
      body: { sales: money(800_000), costOfSales: money(600_000) },
      status: 200,
    });
    const first = (
      await step('figures', {
        method: 'put',
        path: `/customers/${id}/sales-figures/2025-11`,
        key: finance,
        body: { sales: money(1_000_000), costOfSales: money(700_000) },
        status: 200,
      })
    ).body;
    expect(first.revision).toBe(1);
    const replay = (
      await step('figures again', {
        method: 'put',
        path: `/customers/${id}/sales-figures/2025-11`,
        key: finance,
        body: { sales: money(1_000_000), costOfSales: money(700_000) },
        status: 200,
      })
    ).body;
    expect(replay.revision).toBe(1);
    const corrected = (
      await step('corrected figures', {
        method: 'put',
        path: `/customers/${id}/sales-figures/2025-11`,
        key: manager,
        body: { sales: money(1_000_001), costOfSales: money(700_000) },
        status: 200,
      })
    ).body;
    expect(corrected).toMatchObject({ revision: 2, history: [expect.objectContaining({ revision: 1, sales: money(1_000_000) })] });
    await step('figures, bad period', {
      method: 'put',
      path: `/customers/${id}/sales-figures/2025-13`,
      key: finance,
      body: { sales: money(1), costOfSales: money(1) },
      status: 400,
    });
    await step('figures as sales', {
      method: 'put',
      path: `/customers/${id}/sales-figures/2025-11`,
      key: sales,
      body: { sales: money(1), costOfSales: money(1) },
      status: 403,
    });

    const report = (
      await step('key customers', { method: 'get', path: '/customers/reports/key-customers?period=2025-11', key: executive, status: 200 })
    ).body;
    // (1,000,001 − 800,000) / 800,000 = 0.25000125 → "0.2500"; (1,000,001 − 700,000) / 1,000,001 = 0.29999…7 → "0.3000".
    expect(report).toMatchObject({ period: '2025-11', previousPeriod: '2025-10' });
    expect(report.bySales[0]).toMatchObject({
      customerId: id,
      code: approved.code,
      sales: money(1_000_001),
      growthRate: '0.2500',
      margin: '0.3000',
    });
    expect(report.byGrowth[0]).toMatchObject({ customerId: id, growthRate: '0.2500' });
    expect(report.byMargin[0]).toMatchObject({ customerId: id, margin: '0.3000' });
    await step('key customers, quarter', {
      method: 'get',
      path: '/customers/reports/key-customers?period=2025-Q4',
      key: manager,
      status: 200,
    });
    await step('key customers, bad period', {
      method: 'get',
      path: '/customers/reports/key-customers?period=2025-Q5',
      key: manager,
      status: 400,
    });
    await step('key customers as sales', { method: 'get', path: '/customers/reports/key-customers?period=2025', key: sales, status: 403 });

    await probe.waitFor(() =>
      ['customers.visit.recorded', 'customers.development.halted'].every((type) =>
        probe.bodies<{ type: string }>().some((e) => e.type === type),
      ),
    );

    const problems = walk.responseViolations();
    console.log(`Development walk: ${walk.walked.length} requests through Prism, ${problems.length} response violations`);
    expect(problems).toEqual([]);
    expect(walk.sawRequestViolation()).toBe(true);
  });
});
