import { CustomerOperations } from '@crm/contracts';
import { CustomersHarness, DAY, archiveInput, caller } from './support/customers-harness';

type View = Record<string, unknown> & { id: string; version: number; code: string | null; status: string };
type Page = { items: Record<string, unknown>[]; nextCursor: string | null };
type Envelope = { id: string; type: string; data: Record<string, unknown> };

const SECRETS = [
  'Li Wei',
  'li.wei@example.cn',
  '8888 1234',
  'Prefers WeChat',
  'No defaults found',
  'Pays within 30 days',
  'Family-owned',
  'survey-finding',
];

/** CUS-1, CUS-2, CUS-4, CUS-5, CUS-8, CUS-9 and CUS-10 through RPC against real PostgreSQL and RabbitMQ. */
describe('customers service: workflow, codes, grading, reviews, destruction, events', () => {
  let h: CustomersHarness;
  const sales = caller(['sales']);
  const otherSales = caller(['sales']);
  const manager = caller(['manager'], 'secret');
  const secondManager = caller(['manager'], 'confidential');
  const archivist = caller(['archivist']);
  const executive = caller(['executive'], 'top_secret');
  const auditor = caller(['auditor']);
  const clerk = caller(['service']);

  beforeAll(async () => {
    h = await CustomersHarness.start('customers_flow');
  });
  afterAll(async () => {
    await h?.close();
  });

  const register = (overrides: Record<string, unknown> = {}) =>
    h.call<View>(CustomerOperations.register.pattern, archiveInput(overrides), sales);
  const submit = (id: string, by = sales) =>
    h.call<View>(
      CustomerOperations.submit.pattern,
      { id, generalSurvey: 'survey-finding general', fieldSurvey: 'survey-finding field' },
      by,
    );
  const approve = (id: string, by = manager) => h.call<View>(CustomerOperations.approve.pattern, { id }, by);
  const activate = async (overrides: Record<string, unknown> = {}) => {
    const created = await register(overrides);
    await submit(created.id);
    return approve(created.id);
  };
  const read = (id: string, by = executive) =>
    h.call<Record<string, unknown>>(CustomerOperations.get.pattern, { id, purpose: 'test check' }, by);

  describe('CUS-2 onboarding and CUS-4 codes', () => {
    it('walks prospect → pending_approval → active and gives the code on approval', async () => {
      const created = await register();
      expect(await h.failure(CustomerOperations.approve.pattern, { id: created.id }, manager)).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-2',
      });
      const submitted = await submit(created.id);
      expect(submitted).toMatchObject({ status: 'pending_approval', version: 2, code: null });
      expect(await h.failure(CustomerOperations.approve.pattern, { id: created.id }, sales)).toMatchObject({
        kind: 'forbidden',
        rule: 'CUS-2',
      });

      const before = Date.now();
      const approved = await approve(created.id);
      const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
      expect(approved).toMatchObject({ status: 'active', version: 3, reviewOverdue: false });
      expect(approved.code).toMatch(new RegExp(`^C${year}\\d{6}$`));
      // CUS-8: first review due three months after approval.
      const due = Date.parse(approved.nextReviewDueAt as string);
      expect(due - before).toBeGreaterThanOrEqual(88 * DAY);
      expect(due - before).toBeLessThanOrEqual(93 * DAY);
      expect(Object.keys(approved)).not.toContain('contacts');

      expect(await h.failure(CustomerOperations.approve.pattern, { id: created.id }, manager)).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-2',
      });
      expect(
        await h.failure(CustomerOperations.submit.pattern, { id: created.id, generalSurvey: 'a', fieldSurvey: 'b' }, sales),
      ).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-2',
      });
      const full = await read(created.id);
      expect(full).toMatchObject({
        code: approved.code,
        approvedBy: { keyId: manager.keyId, name: manager.name },
        survey: { generalSurvey: 'survey-finding general', fieldSurvey: 'survey-finding field', submittedBy: { keyId: sales.keyId } },
      });
    });

    it('refuses the key that submitted an archive as its approver', async () => {
      const created = await register();
      await submit(created.id, manager);
      expect(await h.failure(CustomerOperations.approve.pattern, { id: created.id }, manager)).toMatchObject({
        kind: 'forbidden',
        code: 'CUSTOMER_SELF_APPROVAL',
        rule: 'CUS-2',
      });
      await expect(approve(created.id, secondManager)).resolves.toMatchObject({ status: 'active' });
    });

    it('rejects with a reason and accepts a resubmission', async () => {
      const created = await register();
      await submit(created.id);
      expect(await h.failure(CustomerOperations.reject.pattern, { id: created.id, reason: '   ' }, manager)).toMatchObject({
        kind: 'invalid',
        rule: 'CUS-2',
      });
      expect(await h.failure(CustomerOperations.reject.pattern, { id: created.id, reason: 'no' }, sales)).toMatchObject({
        kind: 'forbidden',
      });
      const rejected = await h.call<View>(
        CustomerOperations.reject.pattern,
        { id: created.id, reason: 'Field survey incomplete' },
        manager,
      );
      expect(rejected).toMatchObject({ status: 'rejected' });
      expect(await read(created.id)).toMatchObject({ rejectionReason: 'Field survey incomplete' });
      expect(await h.failure(CustomerOperations.reject.pattern, { id: created.id, reason: 'again' }, manager)).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-2',
      });
      await expect(submit(created.id, otherSales)).resolves.toMatchObject({ status: 'pending_approval' });
      await expect(approve(created.id)).resolves.toMatchObject({ status: 'active', code: expect.stringMatching(/^C\d{10}$/) });
    });

    it('gives concurrent approvals distinct codes, and one archive exactly one code', async () => {
      const pending: string[] = [];
      for (let i = 0; i < 12; i++) {
        const created = await register();
        await submit(created.id);
        pending.push(created.id);
      }
      const approvers = pending.map(() => caller(['manager']));
      const approved = await Promise.all(pending.map((id, i) => approve(id, approvers[i])));
      const codes = approved.map((view) => view.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(code).toMatch(/^C\d{10}$/);

      const contested = await register();
      await submit(contested.id);
      const results = await Promise.allSettled([0, 1, 2, 3].map(() => approve(contested.id, caller(['manager']))));
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const { rows } = await h.sql.query(
        'SELECT code, count(*)::int AS n FROM customers WHERE code IS NOT NULL GROUP BY code HAVING count(*) > 1',
      );
      expect(rows).toEqual([]);
    });
  });

  describe('CUS-1 updates', () => {
    it('refuses a stale version (412) and bumps the version on change', async () => {
      const created = await register({ firstContactAt: new Date(Date.now() - DAY).toISOString() });
      const updated = await h.call<View>(
        CustomerOperations.update.pattern,
        { id: created.id, expectedVersion: 1, changes: { industry: 'green tea', notes: null } },
        sales,
      );
      expect(updated.version).toBe(2);
      expect(
        await h.failure(CustomerOperations.update.pattern, { id: created.id, expectedVersion: 1, changes: { industry: 'stale' } }, sales),
      ).toMatchObject({
        kind: 'precondition_failed',
        rule: 'CUS-1',
      });
      const full = await read(created.id);
      expect(full).toMatchObject({ industry: 'green tea', version: 2 });
      expect(full).not.toHaveProperty('notes');

      // A submitted field is a change even when it equals the stored value (CUS-6/CUS-7: no oracle);
      // only an empty change set keeps the version.
      await expect(
        h.call(CustomerOperations.update.pattern, { id: created.id, expectedVersion: 2, changes: { industry: 'green tea' } }, sales),
      ).resolves.toMatchObject({ version: 3 });
      await expect(
        h.call(CustomerOperations.update.pattern, { id: created.id, expectedVersion: 3, changes: {} }, sales),
      ).resolves.toMatchObject({
        version: 3,
      });
      // CUS-3: first contact, once known, is fixed.
      expect(
        await h.failure(
          CustomerOperations.update.pattern,
          { id: created.id, expectedVersion: 3, changes: { firstContactAt: new Date().toISOString() } },
          sales,
        ),
      ).toMatchObject({ kind: 'conflict', rule: 'CUS-3' });
      expect(
        await h.failure(CustomerOperations.update.pattern, { id: created.id, expectedVersion: 3, changes: { name: null } }, sales),
      ).toMatchObject({ kind: 'invalid' });
      expect(
        await h.failure(
          CustomerOperations.update.pattern,
          { id: created.id, expectedVersion: 3, changes: { confidentiality: null } },
          sales,
        ),
      ).toMatchObject({ kind: 'invalid', errors: [expect.objectContaining({ field: 'changes.confidentiality' })] });
      expect(
        await h.failure(CustomerOperations.update.pattern, { id: created.id, expectedVersion: 3, changes: { industry: 'x' } }, clerk),
      ).toMatchObject({ kind: 'forbidden' });
    });

    it('answers an Update by a caller without read rights the same whether its values equal the hidden content or not (CUS-6/CUS-7)', async () => {
      // Two identical top_secret archives; the sales key (clearance confidential) cannot read them.
      const input = archiveInput({ confidentiality: 'top_secret' });
      const [equal, different] = await Promise.all([
        h.call<View>(CustomerOperations.register.pattern, { ...input, name: `${input.name as string} A` }, manager),
        h.call<View>(CustomerOperations.register.pattern, { ...input, name: `${input.name as string} B` }, manager),
      ]);
      expect(await h.failure(CustomerOperations.get.pattern, { id: equal.id, purpose: 'guessing' }, sales)).toMatchObject({
        kind: 'forbidden',
        rule: 'CUS-6',
      });

      const guess = (id: string, changes: Record<string, unknown>) =>
        h.call<View>(CustomerOperations.update.pattern, { id, expectedVersion: 1, changes }, sales);
      const stored = { industry: input.industry, contacts: input.contacts, creditInformation: input.creditInformation };
      const wrong = {
        industry: 'steel',
        contacts: [{ name: 'Someone Else', phone: '13900000000' }],
        creditInformation: { paymentBehaviour: 'Pays late' },
      };
      const right = await guess(equal.id, stored);
      const wrongAnswer = await guess(different.id, wrong);
      const comparable = (view: View) => {
        const { id: _id, name: _name, createdAt: _c, updatedAt: _u, ...rest } = view;
        return rest;
      };
      expect(comparable(right)).toEqual(comparable(wrongAnswer));
      expect(right.version).toBe(2);
      expect(right.updatedAt).not.toBe(right.createdAt);

      const updatedEvent = (id: string) =>
        h.probe.bodies<Envelope>().find((event) => event.type === 'customers.customer.updated' && event.data.customerId === id);
      await h.probe.waitFor(() => Boolean(updatedEvent(equal.id) && updatedEvent(different.id)));
      expect(updatedEvent(equal.id)?.data.changedFields).toEqual(['industry', 'contacts', 'creditInformation']);
      expect(updatedEvent(different.id)?.data.changedFields).toEqual(updatedEvent(equal.id)?.data.changedFields);
    });

    it('is refused while pending approval, allowed once active (CUS-2)', async () => {
      const created = await register();
      await submit(created.id);
      expect(
        await h.failure(CustomerOperations.update.pattern, { id: created.id, expectedVersion: 2, changes: { industry: 'x' } }, sales),
      ).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-2',
      });
      const active = await approve(created.id);
      await expect(
        h.call(CustomerOperations.update.pattern, { id: created.id, expectedVersion: active.version, changes: { industry: 'x' } }, sales),
      ).resolves.toMatchObject({
        version: active.version + 1,
      });
    });

    it('lets only a caller cleared for the current level lower it (CUS-6)', async () => {
      const created = await register({ confidentiality: 'secret' });
      expect(
        await h.failure(
          CustomerOperations.update.pattern,
          { id: created.id, expectedVersion: 1, changes: { confidentiality: 'confidential' } },
          sales,
        ),
      ).toMatchObject({ kind: 'forbidden', rule: 'CUS-6' });
      await expect(
        h.call(
          CustomerOperations.update.pattern,
          { id: created.id, expectedVersion: 1, changes: { confidentiality: 'confidential' } },
          manager,
        ),
      ).resolves.toMatchObject({ confidentiality: 'confidential' });
      await expect(
        h.call(
          CustomerOperations.update.pattern,
          { id: created.id, expectedVersion: 2, changes: { confidentiality: 'top_secret' } },
          sales,
        ),
      ).resolves.toMatchObject({ confidentiality: 'top_secret' });
    });
  });

  describe('CUS-5 grading', () => {
    it('lets managers grade, keeping who, when, why and the previous values', async () => {
      const active = await activate();
      expect(await h.failure(CustomerOperations.grade.pattern, { id: active.id, grade: 'A', reason: 'x' }, sales)).toMatchObject({
        kind: 'forbidden',
        rule: 'CUS-5',
      });
      expect(await h.failure(CustomerOperations.grade.pattern, { id: active.id, reason: 'nothing' }, manager)).toMatchObject({
        kind: 'invalid',
        rule: 'CUS-5',
      });
      await h.call(CustomerOperations.grade.pattern, { id: active.id, grade: 'A', creditRating: 'B', reason: 'Top dealer' }, manager);
      const graded = await h.call<View>(
        CustomerOperations.grade.pattern,
        { id: active.id, creditRating: 'C', reason: 'Paid late twice' },
        secondManager,
      );
      expect(graded).toMatchObject({ grade: 'A', creditRating: 'C' });
      const full = await read(active.id);
      expect(full.gradeHistory).toEqual([
        {
          at: expect.any(String),
          by: { keyId: manager.keyId, name: manager.name },
          reason: 'Top dealer',
          grade: 'A',
          previousGrade: null,
          creditRating: 'B',
          previousCreditRating: null,
        },
        {
          at: expect.any(String),
          by: { keyId: secondManager.keyId, name: secondManager.name },
          reason: 'Paid late twice',
          grade: 'A',
          previousGrade: 'A',
          creditRating: 'C',
          previousCreditRating: 'B',
        },
      ]);
      const listed = await h.call<Page>(CustomerOperations.list.pattern, { grade: 'A', q: active.code }, clerk);
      expect(listed.items).toEqual([expect.objectContaining({ id: active.id, grade: 'A', creditRating: 'C' })]);
    });
  });

  describe('CUS-8 reviews and dormancy', () => {
    it('reviews only active archives and moves the next due date three months on', async () => {
      const prospect = await register();
      expect(await h.failure(CustomerOperations.review.pattern, { id: prospect.id, outcome: 'verified' }, archivist)).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-8',
      });
      const active = await activate();
      expect(await h.failure(CustomerOperations.review.pattern, { id: active.id, outcome: 'verified' }, sales)).toMatchObject({
        kind: 'forbidden',
        rule: 'CUS-8',
      });
      const reviewed = await h.call<View>(
        CustomerOperations.review.pattern,
        { id: active.id, outcome: 'needs_attention', notes: 'Address changed' },
        archivist,
      );
      const last = Date.parse(reviewed.lastReviewedAt as string);
      const next = Date.parse(reviewed.nextReviewDueAt as string);
      expect(next - last).toBeGreaterThanOrEqual(89 * DAY);
      expect(next - last).toBeLessThanOrEqual(92 * DAY);
      expect((await read(active.id)).reviews).toEqual([
        {
          at: reviewed.lastReviewedAt,
          by: { keyId: archivist.keyId, name: archivist.name },
          outcome: 'needs_attention',
          notes: 'Address changed',
        },
      ]);
    });

    it('lists and flags overdue archives', async () => {
      const overdue = await activate();
      const fresh = await activate();
      await h.sql.query(`UPDATE customers SET next_review_due_at = now() - interval '1 day' WHERE id = $1`, [overdue.id]);
      const page = await h.call<Page>(CustomerOperations.list.pattern, { reviewOverdue: true, limit: 200 }, clerk);
      const ids = page.items.map((item) => item.id);
      expect(ids).toContain(overdue.id);
      expect(ids).not.toContain(fresh.id);
      expect(await read(overdue.id)).toMatchObject({ reviewOverdue: true });
      const reviewed = await h.call<View>(CustomerOperations.review.pattern, { id: overdue.id, outcome: 'verified' }, manager);
      expect(reviewed.reviewOverdue).toBe(false);
      const notOverdue = await h.call<Page>(CustomerOperations.list.pattern, { reviewOverdue: false, limit: 200 }, clerk);
      expect(notOverdue.items.map((item) => item.id)).toEqual(expect.arrayContaining([overdue.id, fresh.id]));
    });

    it('counts only active archives as overdue: a dormant one past its due date is not (CUS-8)', async () => {
      const dormant = await activate();
      await h.call(CustomerOperations.markDormant.pattern, { id: dormant.id, reason: 'No orders for two years' }, manager);
      await h.sql.query(`UPDATE customers SET next_review_due_at = now() - interval '30 days' WHERE id = $1`, [dormant.id]);
      const overdue = await h.call<Page>(CustomerOperations.list.pattern, { reviewOverdue: true, limit: 200 }, clerk);
      expect(overdue.items.map((item) => item.id)).not.toContain(dormant.id);
      const notOverdue = await h.call<Page>(CustomerOperations.list.pattern, { reviewOverdue: false, limit: 200 }, clerk);
      expect(notOverdue.items.map((item) => item.id)).toContain(dormant.id);
    });

    it('marks only active archives dormant, by manager or archivist', async () => {
      const prospect = await register();
      expect(await h.failure(CustomerOperations.markDormant.pattern, { id: prospect.id, reason: 'old' }, manager)).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-8',
      });
      const active = await activate();
      expect(await h.failure(CustomerOperations.markDormant.pattern, { id: active.id, reason: 'old' }, sales)).toMatchObject({
        kind: 'forbidden',
      });
      await expect(
        h.call(CustomerOperations.markDormant.pattern, { id: active.id, reason: 'No orders for two years' }, archivist),
      ).resolves.toMatchObject({
        status: 'dormant',
        dormantAt: expect.any(String),
      });
      expect(await h.failure(CustomerOperations.review.pattern, { id: active.id, outcome: 'verified' }, archivist)).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-8',
      });
      // A dormant archive is frozen until it is destroyed (CUS-2 edit window).
      expect(
        await h.failure(
          CustomerOperations.update.pattern,
          { id: active.id, expectedVersion: active.version + 1, changes: { industry: 'x' } },
          sales,
        ),
      ).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-2',
      });
    });
  });

  describe('text in decisions: reasons, surveys, review notes', () => {
    const LONE = 'a\ud800b';
    const X = '\u{1D4B3}'; // 𝒳: one character, two UTF-16 units

    it('refuses strings that are not well-formed (400 naming the field, not 500) and changes nothing', async () => {
      const prospect = await register();
      const survey = { id: prospect.id, generalSurvey: LONE, fieldSurvey: 'ok' };
      expect(await h.failure(CustomerOperations.submit.pattern, survey, sales)).toMatchObject({
        kind: 'invalid',
        errors: [expect.objectContaining({ field: 'generalSurvey' })],
      });
      await submit(prospect.id);
      expect(await h.failure(CustomerOperations.reject.pattern, { id: prospect.id, reason: LONE }, manager)).toMatchObject({
        kind: 'invalid',
        errors: [expect.objectContaining({ field: 'reason' })],
      });
      const active = await approve(prospect.id);
      expect(await h.failure(CustomerOperations.grade.pattern, { id: active.id, grade: 'A', reason: LONE }, manager)).toMatchObject({
        kind: 'invalid',
        errors: [expect.objectContaining({ field: 'reason' })],
      });
      expect(
        await h.failure(CustomerOperations.review.pattern, { id: active.id, outcome: 'verified', notes: '\udc00' }, archivist),
      ).toMatchObject({
        kind: 'invalid',
        errors: [expect.objectContaining({ field: 'notes' })],
      });
      expect(await h.failure(CustomerOperations.markDormant.pattern, { id: active.id, reason: LONE }, archivist)).toMatchObject({
        kind: 'invalid',
        errors: [expect.objectContaining({ field: 'reason' })],
      });
      expect(
        await h.failure(
          CustomerOperations.update.pattern,
          { id: active.id, expectedVersion: active.version, changes: { notes: LONE } },
          sales,
        ),
      ).toMatchObject({ kind: 'invalid', errors: [expect.objectContaining({ field: 'changes.notes' })] });
      expect(await read(active.id)).toMatchObject({ version: active.version, status: 'active', grade: null, reviews: [] });
    });

    it('counts the 10,000-character limit in characters, as the gateway does', async () => {
      const prospect = await register();
      await expect(
        h.call(
          CustomerOperations.submit.pattern,
          { id: prospect.id, generalSurvey: X.repeat(10_000), fieldSurvey: X.repeat(10_000) },
          sales,
        ),
      ).resolves.toMatchObject({ status: 'pending_approval' });
      await expect(
        h.call(CustomerOperations.reject.pattern, { id: prospect.id, reason: X.repeat(10_000) }, manager),
      ).resolves.toMatchObject({
        status: 'rejected',
      });
      expect((await read(prospect.id)).rejectionReason).toBe(X.repeat(10_000));
      const active = await activate();
      expect(
        await h.failure(CustomerOperations.grade.pattern, { id: active.id, grade: 'B', reason: X.repeat(10_001) }, manager),
      ).toMatchObject({
        kind: 'invalid',
      });
      await expect(
        h.call(CustomerOperations.grade.pattern, { id: active.id, grade: 'B', reason: X.repeat(10_000) }, manager),
      ).resolves.toMatchObject({
        grade: 'B',
      });
      await expect(
        h.call(CustomerOperations.review.pattern, { id: active.id, outcome: 'verified', notes: X.repeat(10_000) }, archivist),
      ).resolves.toMatchObject({ lastReviewedAt: expect.any(String) });
      await expect(
        h.call(CustomerOperations.markDormant.pattern, { id: active.id, reason: X.repeat(10_000) }, archivist),
      ).resolves.toMatchObject({
        status: 'dormant',
      });
    });
  });

  describe('CUS-9 destruction and CUS-10 events', () => {
    let victim: View;

    beforeAll(async () => {
      victim = await activate({ confidentiality: 'secret' });
      await h.call(CustomerOperations.grade.pattern, { id: victim.id, grade: 'B', reason: 'Regional dealer' }, manager);
      await h.call(CustomerOperations.review.pattern, { id: victim.id, outcome: 'verified', notes: 'survey-finding reviewed' }, archivist);
      await read(victim.id);
    });

    it('needs three distinct approvals of archivist, manager and executive on a dormant archive', async () => {
      expect(await h.failure(CustomerOperations.approveDestruction.pattern, { id: victim.id }, archivist)).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-9',
      });
      await h.call(CustomerOperations.markDormant.pattern, { id: victim.id, reason: 'Closed business' }, manager);

      await expect(h.call(CustomerOperations.approveDestruction.pattern, { id: victim.id }, archivist)).resolves.toMatchObject({
        status: 'dormant',
        destructionApprovals: [expect.objectContaining({ role: 'archivist' })],
      });
      expect(await h.failure(CustomerOperations.approveDestruction.pattern, { id: victim.id }, archivist)).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-9',
      });
      expect(await h.failure(CustomerOperations.approveDestruction.pattern, { id: victim.id }, caller(['archivist']))).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-9',
      });
      expect(
        await h.failure(CustomerOperations.approveDestruction.pattern, { id: victim.id }, caller(['admin'], 'top_secret')),
      ).toMatchObject({
        kind: 'forbidden',
        rule: 'CUS-9',
      });
      expect(await h.failure(CustomerOperations.approveDestruction.pattern, { id: victim.id }, sales)).toMatchObject({
        kind: 'forbidden',
        rule: 'CUS-9',
      });

      const both = caller(['manager', 'executive']);
      await expect(h.call(CustomerOperations.approveDestruction.pattern, { id: victim.id }, both)).resolves.toMatchObject({
        destructionApprovals: [
          expect.objectContaining({ role: 'archivist' }),
          expect.objectContaining({ role: 'manager', by: { keyId: both.keyId, name: both.name } }),
        ],
      });
      expect(await h.failure(CustomerOperations.approveDestruction.pattern, { id: victim.id }, both)).toMatchObject({
        kind: 'conflict',
        rule: 'CUS-9',
      });

      const tombstone = await h.call<Record<string, unknown>>(CustomerOperations.approveDestruction.pattern, { id: victim.id }, executive);
      expect(tombstone).toEqual({
        id: victim.id,
        code: victim.code,
        status: 'destroyed',
        destroyedAt: expect.any(String),
        approvers: [
          expect.objectContaining({ role: 'archivist', by: { keyId: archivist.keyId, name: archivist.name } }),
          expect.objectContaining({ role: 'manager' }),
          expect.objectContaining({ role: 'executive', by: { keyId: executive.keyId, name: executive.name } }),
        ],
      });
    });

    it('keeps only the tombstone: reads answer it, commands answer 410, the data is erased', async () => {
      const answer = await read(victim.id);
      expect(answer).toMatchObject({ id: victim.id, code: victim.code, status: 'destroyed' });
      expect(Object.keys(answer).sort()).toEqual(['approvers', 'code', 'destroyedAt', 'id', 'status']);
      const gone = await h.failure(
        CustomerOperations.update.pattern,
        { id: victim.id, expectedVersion: 99, changes: { industry: 'x' } },
        sales,
      );
      expect(gone).toMatchObject({
        kind: 'gone',
        code: 'CUSTOMER_DESTROYED',
        rule: 'CUS-9',
        tombstone: { id: victim.id, status: 'destroyed' },
      });
      expect(await h.failure(CustomerOperations.approveDestruction.pattern, { id: victim.id }, caller(['archivist']))).toMatchObject({
        kind: 'gone',
      });

      const { rows } = await h.sql.query('SELECT * FROM customers WHERE id = $1', [victim.id]);
      const stored = JSON.stringify(rows[0]);
      for (const secret of [...SECRETS, 'Hangzhou West Lake', 'Regional dealer', 'Closed business']) expect(stored).not.toContain(secret);
      expect(rows[0]).toMatchObject({
        name: null,
        content: null,
        survey: null,
        grade: null,
        grade_history: [],
        reviews: [],
        code: victim.code,
      });

      // The list leaves it out, unless destroyed archives are asked for; then it has no name.
      const live = await h.call<Page>(CustomerOperations.list.pattern, { q: victim.code }, clerk);
      expect(live.items).toEqual([]);
      const destroyed = await h.call<Page>(CustomerOperations.list.pattern, { status: 'destroyed' }, clerk);
      expect(destroyed.items).toContainEqual(expect.objectContaining({ id: victim.id, name: '', status: 'destroyed', code: victim.code }));

      // CUS-7: the register outlives the archive, with the reads before and after destruction.
      const log = await h.call<Page>(CustomerOperations.accessLog.pattern, { id: victim.id }, auditor);
      expect(log.items.map((entry) => entry.outcome)).toEqual(['granted', 'granted']);
    });

    it('published every event through the outbox with summary fields only', async () => {
      await h.probe.waitFor((messages) => messages.some((message) => message.properties.type === 'customers.customer.destroyed'));
      const events = h.probe.bodies<Envelope>();
      const types = new Set(events.map((event) => event.type));
      for (const verb of ['registered', 'submitted', 'approved', 'rejected', 'updated', 'graded', 'reviewed', 'dormant', 'destroyed']) {
        expect(types).toContain(`customers.customer.${verb}`);
      }
      const raw = h.probe.messages.map((message) => message.content.toString('utf8')).join('\n');
      for (const secret of SECRETS) expect(raw).not.toContain(secret);
      const allowed = ['changedFields', 'code', 'confidentiality', 'creditRating', 'customerId', 'grade', 'name', 'status', 'type'];
      for (const event of events.filter((e) => e.type !== 'customers.customer.destroyed')) {
        for (const key of Object.keys(event.data)) expect(allowed).toContain(key);
      }
      const registered = events.find((e) => e.type === 'customers.customer.registered' && e.data.customerId === victim.id);
      expect(registered?.data).toMatchObject({
        customerId: victim.id,
        status: 'prospect',
        confidentiality: 'secret',
        name: expect.any(String),
      });
      const approved = events.find((e) => e.type === 'customers.customer.approved' && e.data.customerId === victim.id);
      expect(approved?.data).toMatchObject({ code: victim.code, status: 'active' });
      const destroyed = events.find((e) => e.type === 'customers.customer.destroyed' && e.data.customerId === victim.id);
      expect(destroyed?.data).toEqual({
        customerId: victim.id,
        code: victim.code,
        destroyedAt: expect.any(String),
        approvers: [
          { role: 'archivist', keyId: archivist.keyId, at: expect.any(String) },
          { role: 'manager', keyId: expect.any(String), at: expect.any(String) },
          { role: 'executive', keyId: executive.keyId, at: expect.any(String) },
        ],
      });
      const updated = events.find((e) => e.type === 'customers.customer.updated');
      expect(updated?.data.changedFields).toEqual(expect.any(Array));

      // The stored events of the destroyed archive no longer carry its name either.
      const { rows } = await h.sql.query(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE aggregate_id = $1 AND envelope->'data' ? 'name'`,
        [victim.id],
      );
      expect(rows[0].n).toBe(0);
      // Nor do the answers kept for redelivered commands (issue 10): those about the archive are erased.
      const kept = await h.sql.query(
        `SELECT count(*) FILTER (WHERE reply -> 'data' ? 'name')::int AS named, count(*)::int AS n
         FROM inbox_messages WHERE consumer = 'rpc' AND message_id IS NOT NULL AND reply IS NOT NULL AND reply -> 'data' ->> 'id' = $1`,
        [victim.id],
      );
      expect(kept.rows[0].named).toBe(0);
      expect(kept.rows[0].n).toBeGreaterThan(0); // tombstone answers, which carry no content
    });
  });
});
