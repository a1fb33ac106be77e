import { randomUUID } from 'node:crypto';
import { CustomerOperations, DevelopmentEventType, DevelopmentOperations as dev } from '@crm/contracts';
import { CustomersHarness, DAY, archiveInput, caller } from './support/customers-harness';

type View = Record<string, unknown> & { id: string; version: number; code: string | null; status: string; approvedAt: string | null };
type Envelope = { id: string; type: string; data: Record<string, unknown> };

/** DEV-1..DEV-5 through RPC against real PostgreSQL and RabbitMQ (the customers service as the gateway calls it). */
describe('customers service: development and field visits (DEV-1..DEV-5)', () => {
  let h: CustomersHarness;
  const sales = caller(['sales']);
  const manager = caller(['manager'], 'secret');
  const executive = caller(['executive'], 'top_secret');
  const finance = caller(['finance']);
  const clerk = caller(['service']);
  const auditor = caller(['auditor']);

  beforeAll(async () => {
    h = await CustomersHarness.start('customers_development');
  });
  afterAll(async () => {
    await h?.close();
  });

  const register = (overrides: Record<string, unknown> = {}) =>
    h.call<View>(CustomerOperations.register.pattern, archiveInput(overrides), sales);
  const submit = (id: string) =>
    h.call<View>(CustomerOperations.submit.pattern, { id, generalSurvey: 'general', fieldSurvey: 'field' }, sales);
  const activate = async (overrides: Record<string, unknown> = {}) => {
    const created = await register(overrides);
    await submit(created.id);
    return h.call<View>(CustomerOperations.approve.pattern, { id: created.id }, manager);
  };
  const visit = (id: string, body: Record<string, unknown> = {}, by = sales) =>
    h.call<Record<string, unknown>>(dev.recordVisit.pattern, { id, visitedAt: iso(new Date()), visitor: 'visitor-x', ...body }, by);
  const iso = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const uniqueVisitor = () => `visitor-${randomUUID().slice(0, 8)}`;

  describe('DEV-1 development plan, credit investigation and halt', () => {
    it('survey visits until the application is approved, development visits afterwards; managers approve', async () => {
      const prospect = await register();
      expect(await visit(prospect.id)).toMatchObject({ kind: 'survey' });
      const application = await h.call<Record<string, unknown>>(
        dev.apply.pattern,
        { id: prospect.id, target: 'Main supplier', approach: 'Tasting', expectedAnnualVolume: { amount: 50_000_000, currency: 'CNY' } },
        sales,
      );
      expect(application).toMatchObject({ status: 'pending', halted: false });
      expect(await visit(prospect.id)).toMatchObject({ kind: 'survey' });
      expect(await h.failure(dev.approve.pattern, { id: prospect.id }, sales)).toMatchObject({ kind: 'forbidden' });
      expect(await h.failure(dev.apply.pattern, { id: prospect.id, target: 't', approach: 'a' }, sales)).toMatchObject({
        kind: 'conflict',
        rule: 'DEV-1',
      });
      expect(await h.call(dev.approve.pattern, { id: prospect.id }, manager)).toMatchObject({ status: 'approved' });
      expect(await visit(prospect.id)).toMatchObject({ kind: 'development' });
    });

    it('keeps credit investigations on the archive, readable with the full archive', async () => {
      const prospect = await register();
      const record = await h.call<Record<string, unknown>>(
        dev.investigate.pattern,
        { id: prospect.id, paymentHabits: 'Pays late', bank: 'ICBC Hangzhou', conclusion: 'Risky', highestCreditLevel: 'C' },
        clerk,
      );
      expect(record).toMatchObject({ customerId: prospect.id, highestCreditLevel: 'C', bank: 'ICBC Hangzhou' });
      const archive = await h.call<Record<string, unknown>>(
        CustomerOperations.get.pattern,
        { id: prospect.id, purpose: 'credit check' },
        manager,
      );
      expect(archive.creditInvestigations).toEqual([expect.objectContaining({ id: record.id, conclusion: 'Risky' })]);
      expect(
        await h.failure(dev.investigate.pattern, { id: prospect.id, paymentHabits: ' ', conclusion: 'x', highestCreditLevel: 'A' }, sales),
      ).toMatchObject({
        kind: 'invalid',
        rule: 'DEV-1',
      });
    });

    it('refuses the CUS-2 submission of a halted prospect with DEV-1 until a manager resumes it; the halt is published', async () => {
      const prospect = await register();
      await h.call(dev.apply.pattern, { id: prospect.id, target: 'Main supplier', approach: 'Tasting' }, sales);
      expect(await h.failure(dev.halt.pattern, { id: prospect.id, reason: 'Credit problem' }, sales)).toMatchObject({ kind: 'forbidden' });
      const halted = await h.call<Record<string, unknown>>(dev.halt.pattern, { id: prospect.id, reason: 'Unpaid debts found' }, manager);
      expect(halted).toMatchObject({ halted: true, haltReason: 'Unpaid debts found' });
      expect(await h.failure(dev.halt.pattern, { id: prospect.id, reason: 'again' }, manager)).toMatchObject({
        kind: 'conflict',
        rule: 'DEV-1',
      });

      expect(
        await h.failure(CustomerOperations.submit.pattern, { id: prospect.id, generalSurvey: 'g', fieldSurvey: 'f' }, sales),
      ).toMatchObject({ kind: 'rule_violation', rule: 'DEV-1' });
      const row = await h.sql.query('SELECT status FROM customers WHERE id = $1', [prospect.id]);
      expect(row.rows[0].status).toBe('prospect');

      await h.probe.waitFor(() =>
        h.probe.bodies<Envelope>().some((e) => e.type === DevelopmentEventType.DevelopmentHalted && e.data.customerId === prospect.id),
      );
      const event = h.probe
        .bodies<Envelope>()
        .find((e) => e.type === DevelopmentEventType.DevelopmentHalted && e.data.customerId === prospect.id);
      expect(JSON.stringify(event)).not.toContain('Unpaid debts');

      expect(await h.call(dev.resume.pattern, { id: prospect.id }, manager)).toMatchObject({ halted: false });
      expect(await submit(prospect.id)).toMatchObject({ status: 'pending_approval' });
    });

    it('a halt needs no application, and neither an application nor an investigation is needed to submit', async () => {
      const plain = await register();
      expect(await submit(plain.id)).toMatchObject({ status: 'pending_approval' });
      const other = await register();
      await h.call(dev.halt.pattern, { id: other.id, reason: 'Credit problem' }, manager);
      expect(
        await h.failure(CustomerOperations.submit.pattern, { id: other.id, generalSurvey: 'g', fieldSurvey: 'f' }, sales),
      ).toMatchObject({
        rule: 'DEV-1',
      });
    });
  });

  describe('DEV-2 visit programme', () => {
    it('refuses the owner rep as visitor, schedules by grade, reschedules on grading and on visits, lists the overdue', async () => {
      const active = await activate({ ownerRep: 'rep-007' });
      const approvedAt = Date.parse(active.approvedAt as string);
      expect(await h.failure(dev.designateVisitor.pattern, { id: active.id, visitor: ' REP-007 ' }, manager)).toMatchObject({
        kind: 'rule_violation',
        rule: 'DEV-2',
      });
      const visitor = uniqueVisitor();
      const designated = await h.call<Record<string, unknown>>(dev.designateVisitor.pattern, { id: active.id, visitor }, manager);
      // No grade: 90 days from the programme's start (the approval).
      expect(designated).toMatchObject({ visitor, intervalDays: 90, lastVisitedAt: null, overdue: false });
      expect(Date.parse(designated.nextVisitDueAt as string)).toBe(approvedAt + 90 * DAY);

      // CUS-5 → DEV-2: grade B is visited every 60 days.
      await h.call(CustomerOperations.grade.pattern, { id: active.id, grade: 'B', reason: 'volume' }, manager);
      let archive = await h.call<Record<string, unknown>>(CustomerOperations.get.pattern, { id: active.id, purpose: 'check' }, manager);
      expect(Date.parse(archive.nextVisitDueAt as string)).toBe(approvedAt + 60 * DAY);
      expect(archive.visitor).toBe(visitor);

      // The owner rep's own programme visit is refused (DEV-2); a visit 100 days ago leaves it 40 days overdue.
      expect(
        await h.failure(dev.recordVisit.pattern, { id: active.id, visitedAt: iso(new Date()), visitor: 'rep-007' }, sales),
      ).toMatchObject({
        rule: 'DEV-2',
      });
      const longAgo = new Date(Date.now() - 100 * DAY);
      expect(await visit(active.id, { visitor, visitedAt: iso(longAgo) })).toMatchObject({ kind: 'programme' });
      archive = await h.call<Record<string, unknown>>(CustomerOperations.get.pattern, { id: active.id, purpose: 'check' }, manager);
      expect(Date.parse(archive.lastVisitedAt as string)).toBe(Date.parse(iso(longAgo)));
      expect(Date.parse(archive.nextVisitDueAt as string)).toBe(Date.parse(iso(longAgo)) + 60 * DAY);

      const overdue = await h.call<{ items: Record<string, unknown>[] }>(dev.overdue.pattern, { visitor }, manager);
      expect(overdue.items).toEqual([expect.objectContaining({ customerId: active.id, visitor, grade: 'B' })]);
      expect(await h.failure(dev.overdue.pattern, { visitor }, sales)).toMatchObject({ kind: 'forbidden' });

      // Grade A (30 days) moves it further back; a visit today ends the overdue.
      await h.call(CustomerOperations.grade.pattern, { id: active.id, grade: 'A', reason: 'key account' }, manager);
      archive = await h.call<Record<string, unknown>>(CustomerOperations.get.pattern, { id: active.id, purpose: 'check' }, manager);
      expect(Date.parse(archive.nextVisitDueAt as string)).toBe(Date.parse(iso(longAgo)) + 30 * DAY);
      await visit(active.id, { visitor });
      expect((await h.call<{ items: unknown[] }>(dev.overdue.pattern, { visitor }, manager)).items).toEqual([]);
      // A back-dated report does not move the last visit back.
      await visit(active.id, { visitor, visitedAt: iso(new Date(Date.now() - 200 * DAY)) });
      expect((await h.call<{ items: unknown[] }>(dev.overdue.pattern, { visitor }, manager)).items).toEqual([]);
    });

    it('refuses an edit that makes the designated visitor the owner rep (DEV-2)', async () => {
      const active = await activate({ ownerRep: 'rep-1' });
      const visitor = uniqueVisitor();
      await h.call(dev.designateVisitor.pattern, { id: active.id, visitor }, manager);
      const update = (ownerRep: string, expectedVersion: number) =>
        h.failure(CustomerOperations.update.pattern, { id: active.id, expectedVersion, changes: { ownerRep } }, sales);
      expect(await update(visitor.toUpperCase(), active.version)).toMatchObject({ kind: 'rule_violation', rule: 'DEV-2' });
      const changed = await h.call<View>(
        CustomerOperations.update.pattern,
        { id: active.id, expectedVersion: active.version, changes: { ownerRep: 'rep-2' } },
        sales,
      );
      expect(changed.version).toBe(active.version + 1);
    });

    it('designates visitors only on active archives', async () => {
      const prospect = await register();
      expect(await h.failure(dev.designateVisitor.pattern, { id: prospect.id, visitor: 'v' }, manager)).toMatchObject({
        kind: 'conflict',
        rule: 'DEV-2',
      });
    });
  });

  describe('DEV-3 visit reports, daily and monthly reports; CUS-6/CUS-7 on reading them', () => {
    it("lists a visitor's day by Shanghai business date and counts the month per visitor and grade", async () => {
      const visitor = uniqueVisitor();
      const active = await activate({ ownerRep: 'rep-1' });
      await h.call(CustomerOperations.grade.pattern, { id: active.id, grade: 'C', reason: 'small' }, manager);
      await h.call(dev.designateVisitor.pattern, { id: active.id, visitor }, manager);
      // 2025-03-01T16:30Z is 2025-03-02 00:30 in Shanghai.
      await visit(active.id, {
        visitor,
        visitedAt: '2025-03-01T16:30:00Z',
        opinions: 'Happy',
        matters: [{ subject: 'Invoice', outcome: 'Fixed' }],
      });
      await visit(active.id, { visitor, visitedAt: '2025-03-01T15:30:00Z' });
      await visit(active.id, {
        visitor,
        visitedAt: '2025-03-20T02:00:00Z',
        urgent: { kind: 'competitor_policy', summary: 'Rival cuts prices 10%' },
      });

      const day = await h.call<{ items: Record<string, unknown>[] }>(dev.daily.pattern, { visitor, date: '2025-03-02' }, manager);
      expect(day.items).toEqual([
        expect.objectContaining({ customerId: active.id, kind: 'programme', visitedAt: '2025-03-01T16:30:00.000Z' }),
      ]);
      expect(JSON.stringify(day)).not.toContain('Happy');
      const dayBefore = await h.call<{ items: unknown[] }>(dev.daily.pattern, { visitor, date: '2025-03-01' }, executive);
      expect(dayBefore.items).toHaveLength(1);

      const report = await h.call<{ byVisitor: Record<string, unknown>[]; byGrade: Record<string, unknown>[] }>(
        dev.monthlyReport.pattern,
        { month: '2025-03' },
        executive,
      );
      expect(report.byVisitor.find((line) => line.visitor === visitor)).toEqual({
        visitor,
        visits: 3,
        archivesVisited: 1,
        archivesOverdue: 0,
        urgentReports: 1,
      });
      expect(report.byGrade.find((line) => line.grade === 'C')).toMatchObject({ visits: 3, urgentReports: 1 });
    });

    it('reads visit reports only with a purpose and clearance, recording every attempt in the borrowing register', async () => {
      const secret = await register({ confidentiality: 'secret' });
      await visit(secret.id, { opinions: 'Confidential opinion' });
      expect(await h.failure(dev.listVisits.pattern, { id: secret.id }, sales)).toMatchObject({ kind: 'invalid', rule: 'CUS-7' });
      expect(await h.failure(dev.listVisits.pattern, { id: secret.id, purpose: 'curious' }, sales)).toMatchObject({
        kind: 'forbidden',
        rule: 'CUS-6',
      });
      expect(await h.failure(dev.listVisits.pattern, { id: secret.id, purpose: 'curious' }, finance)).toMatchObject({ kind: 'forbidden' });
      const page = await h.call<{ items: Record<string, unknown>[] }>(
        dev.listVisits.pattern,
        { id: secret.id, purpose: 'follow-up' },
        manager,
      );
      expect(page.items).toEqual([expect.objectContaining({ opinions: 'Confidential opinion', kind: 'survey' })]);
      const log = await h.call<{ items: Record<string, unknown>[] }>(CustomerOperations.accessLog.pattern, { id: secret.id }, auditor);
      expect(log.items.map((entry) => [entry.purpose, entry.outcome])).toEqual([
        ['follow-up', 'granted'],
        ['curious', 'denied'],
        ['curious', 'denied'],
      ]);
    });

    it('refuses a visit reported in the future', async () => {
      const prospect = await register();
      expect(
        await h.failure(dev.recordVisit.pattern, { id: prospect.id, visitedAt: iso(new Date(Date.now() + DAY)), visitor: 'v' }, sales),
      ).toMatchObject({
        kind: 'invalid',
        rule: 'DEV-3',
      });
    });
  });

  describe('DEV-4 urgent reports', () => {
    it('lists urgent reports for managers at once and publishes them without archive content', async () => {
      const prospect = await register();
      expect(
        await h.failure(
          dev.recordVisit.pattern,
          { id: prospect.id, visitedAt: iso(new Date()), visitor: 'v', urgent: { kind: 'product_defect', summary: 'Leaks' } },
          sales,
        ),
      ).toMatchObject({ kind: 'invalid', rule: 'DEV-4' });
      const recorded = await visit(prospect.id, {
        opinions: 'Top secret opinion',
        urgent: { kind: 'product_defect', summary: 'Tins leak', sku: 'TEA-500G', batchNo: 'B-7' },
      });
      const list = await h.call<{ items: Record<string, unknown>[] }>(dev.urgent.pattern, { limit: 5 }, manager);
      expect(list.items[0]).toMatchObject({
        visitId: recorded.id,
        kind: 'product_defect',
        summary: 'Tins leak',
        sku: 'TEA-500G',
        batchNo: 'B-7',
      });
      expect(await h.failure(dev.urgent.pattern, {}, clerk)).toMatchObject({ kind: 'forbidden' });

      await h.probe.waitFor(() =>
        h.probe.bodies<Envelope>().some((e) => e.type === DevelopmentEventType.UrgentReported && e.data.visitId === recorded.id),
      );
      const event = h.probe
        .bodies<Envelope>()
        .find((e) => e.type === DevelopmentEventType.UrgentReported && e.data.visitId === recorded.id);
      expect(event?.data).toMatchObject({
        customerId: prospect.id,
        kind: 'product_defect',
        summary: 'Tins leak',
        sku: 'TEA-500G',
        batchNo: 'B-7',
      });
      expect(JSON.stringify(h.probe.bodies())).not.toContain('Top secret opinion');
      expect(h.probe.bodies<Envelope>().some((e) => e.type === DevelopmentEventType.VisitRecorded && e.data.visitId === recorded.id)).toBe(
        true,
      );
    });
  });

  describe('DEV-5 sales figures and key customers', () => {
    const money = (amount: number) => ({ amount, currency: 'CNY' });
    const put = (id: string, period: string, sales: number, cost: number, by = finance) =>
      h.call<Record<string, unknown>>(dev.putSalesFigures.pattern, { id, period, sales: money(sales), costOfSales: money(cost) }, by);

    it('is idempotent per customer and period; a correction replaces the figure and keeps history', async () => {
      const active = await activate();
      expect(await put(active.id, '2024-01', 100_00, 60_00)).toMatchObject({ revision: 1, history: [] });
      expect(await put(active.id, '2024-01', 100_00, 60_00)).toMatchObject({ revision: 1, history: [] });
      const corrected = await put(active.id, '2024-01', 120_00, 70_00);
      expect(corrected).toMatchObject({
        revision: 2,
        sales: money(120_00),
        history: [{ revision: 1, sales: money(100_00), costOfSales: money(60_00) }],
      });
      const totals = await h.sql.query(
        `SELECT period, figures, sales::int, cost_of_sales::int AS cost, previous_sales::int AS previous
           FROM customer_sales_totals WHERE customer_id = $1 ORDER BY period`,
        [active.id],
      );
      // The month, quarter and year hold the corrected figure once; the periods after them carry it as their base.
      expect(totals.rows).toEqual([
        { period: '2024', figures: 1, sales: 120_00, cost: 70_00, previous: 0 },
        { period: '2024-01', figures: 1, sales: 120_00, cost: 70_00, previous: 0 },
        { period: '2024-02', figures: 0, sales: 0, cost: 0, previous: 120_00 },
        { period: '2024-Q1', figures: 1, sales: 120_00, cost: 70_00, previous: 0 },
        { period: '2024-Q2', figures: 0, sales: 0, cost: 0, previous: 120_00 },
        { period: '2025', figures: 0, sales: 0, cost: 0, previous: 120_00 },
      ]);
      expect(
        await h.failure(dev.putSalesFigures.pattern, { id: active.id, period: '2024-01', sales: money(1), costOfSales: money(1) }, sales),
      ).toMatchObject({
        kind: 'forbidden',
      });
      const prospect = await register();
      expect(
        await h.failure(
          dev.putSalesFigures.pattern,
          { id: prospect.id, period: '2024-01', sales: money(1), costOfSales: money(1) },
          finance,
        ),
      ).toMatchObject({
        kind: 'conflict',
        rule: 'DEV-5',
      });
      expect(
        await h.failure(
          dev.putSalesFigures.pattern,
          { id: active.id, period: '2024-01', sales: { amount: 1, currency: 'USD' }, costOfSales: money(1) },
          finance,
        ),
      ).toMatchObject({ rule: 'DEV-5' });
      expect(
        await h.failure(dev.putSalesFigures.pattern, { id: active.id, period: '2999-01', sales: money(1), costOfSales: money(1) }, finance),
      ).toMatchObject({
        rule: 'DEV-5',
      });
    });

    it('reports the top 10 by sales, growth and margin, exact to the fen, ties by customer code', async () => {
      // 12 customers in 2023-Q2; all but the last have 2023-Q1 figures.
      const customers = [];
      for (let i = 0; i < 12; i++) customers.push(await activate());
      const byCode = [...customers].sort((a, b) => String(a.code).localeCompare(String(b.code)));
      for (const [i, customer] of byCode.entries()) {
        // Sales 1,000.00 + i fen spread over two months; the first two tie on sales (same amount).
        const amount = 100_000 + (i < 2 ? 0 : i);
        await put(customer.id, '2023-04', amount - 1, 0);
        await put(customer.id, '2023-05', 1, i); // cost i fen
        if (i < 11) await put(customer.id, '2023-01', 80_000 + (i % 3), 0);
      }
      const report = await h.call<{
        bySales: Record<string, unknown>[];
        byGrowth: Record<string, unknown>[];
        byMargin: Record<string, unknown>[];
        previousPeriod: string;
      }>(dev.keyCustomers.pattern, { period: '2023-Q2' }, executive);
      expect(report.previousPeriod).toBe('2023-Q1');
      expect(report.bySales).toHaveLength(10);
      expect(report.bySales[0]).toMatchObject({ code: byCode[11].code, sales: money(100_011) });
      // The two customers with equal sales are last, in code order.
      expect(report.bySales.slice(-1)[0]).toMatchObject({ code: byCode[2].code });
      // Growth: (100,011 − 80,002) / 80,002 = 0.25010… → "0.2501"; the customer without a Q1 figure is left out.
      expect(report.byGrowth.some((entry) => entry.code === byCode[11].code)).toBe(false);
      expect(report.byGrowth[0]).toMatchObject({ code: byCode[9].code, growthRate: '0.2501' });
      // Margin: cost 0 fen gives 1.0000 for the first customer by code; exact ordering and ties.
      expect(report.byMargin[0]).toMatchObject({ code: byCode[0].code, margin: '1.0000' });
      expect(report.byMargin[1]).toMatchObject({ code: byCode[1].code, margin: '1.0000' });
      expect(await h.failure(dev.keyCustomers.pattern, { period: '2023-Q5' }, executive)).toMatchObject({ kind: 'invalid' });
      expect(await h.failure(dev.keyCustomers.pattern, { period: '2023' }, sales)).toMatchObject({ kind: 'forbidden' });
      const year = await h.call<{ bySales: unknown[]; byGrowth: unknown[] }>(dev.keyCustomers.pattern, { period: '2023' }, manager);
      expect(year.bySales).toHaveLength(10);
      expect(year.byGrowth).toEqual([]);
    });
  });

  describe('CUS-9 destruction', () => {
    it('erases the visit reports, investigations, programme and sales figures of a destroyed archive', async () => {
      const active = await activate();
      await h.call(dev.designateVisitor.pattern, { id: active.id, visitor: uniqueVisitor() }, manager);
      await visit(active.id, { opinions: 'Private', urgent: { kind: 'other', summary: 'Erase me' } });
      await h.call(dev.investigate.pattern, { id: active.id, paymentHabits: 'p', conclusion: 'c', highestCreditLevel: 'A' }, sales);
      await h.call(
        dev.putSalesFigures.pattern,
        { id: active.id, period: '2024-02', sales: { amount: 5, currency: 'CNY' }, costOfSales: { amount: 1, currency: 'CNY' } },
        finance,
      );
      await h.call(CustomerOperations.markDormant.pattern, { id: active.id, reason: 'No orders' }, manager);
      for (const officer of [caller(['archivist']), caller(['manager']), caller(['executive'])]) {
        await h.call(CustomerOperations.approveDestruction.pattern, { id: active.id }, officer);
      }
      const left = await h.sql.query(
        `SELECT (SELECT count(*) FROM customer_visits WHERE customer_id = $1)::int
              + (SELECT count(*) FROM customer_visit_programmes WHERE customer_id = $1)::int
              + (SELECT count(*) FROM customer_credit_investigations WHERE customer_id = $1)::int
              + (SELECT count(*) FROM customer_sales_figures WHERE customer_id = $1)::int
              + (SELECT count(*) FROM customer_sales_totals WHERE customer_id = $1)::int AS rows,
                (SELECT count(*) FROM outbox_messages WHERE aggregate_id = $1::text AND envelope::text LIKE '%Erase me%')::int AS summaries`,
        [active.id],
      );
      expect(left.rows[0]).toEqual({ rows: 0, summaries: 0 });
    });
  });
});
