import { randomUUID } from 'node:crypto';
import { ComplaintEventType, ReturnEventType, ReturnOperations as ops } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { ReturnsHarness, activeCustomer, caller, publishEvent, returnInput } from './support/returns-harness';

jest.setTimeout(60_000);

interface View {
  id: string;
  number: string;
  status: string;
  voucherId: string | null;
  voucherNumber: string | null;
  refunded: { amount: number };
  lines: { sku: string; receivedQuantity: number; acceptedQuantity: number | null }[];
}
interface Envelope {
  id: string;
  type: string;
  data: Record<string, unknown> & { returnId?: string; voucherId?: string; creditNoteId?: string };
}

/** `data` of a `complaints.complaint.approved` with its CMP-10 hand-off, as the complaints service publishes it. */
function approvedComplaint(complaintId: string, customerId: string, category: string, handOff: Record<string, unknown>) {
  return {
    complaintId,
    number: 'CP-202611-0042',
    kind: 'complaint',
    category,
    severity: 'general',
    status: 'approved',
    customerId,
    supersedes: null,
    invalidReason: null,
    resolution: handOff.resolution,
    handOff,
  };
}

/** RET-1..RET-6 on the real service, PostgreSQL and RabbitMQ. */
describe('returns and finance (integration)', () => {
  let h: ReturnsHarness;
  const sales = caller(['sales']);
  const manager = caller(['manager']);
  const executive = caller(['executive']);
  const warehouse = caller(['warehouse']);
  const finance = caller(['finance']);

  beforeAll(async () => {
    h = await ReturnsHarness.start('returns_flow', { COMPLAINT_MANAGER_APPROVAL_LIMIT_FEN: '50000' });
  });
  afterAll(async () => {
    await h?.close();
  });

  const eventsOf = (id: string) =>
    h.probe.bodies<Envelope>().filter((e) => [e.data.returnId, e.data.creditNoteId, e.data.voucherId].includes(id));

  it('RET-1..RET-5: requested → approved → received in two parts → reconciled with a balanced, immutable voucher', async () => {
    const customerId = await activeCustomer(h);
    const created = await h.call<View>(
      ops.create.pattern,
      returnInput(customerId, { purchaseRef: { storeId: 'S-01', transactionId: 'T-9' } }),
      sales,
    );
    expect(created).toMatchObject({ status: 'requested', complaintId: null });
    expect(created.number).toMatch(/^RT-\d{6}-\d{4}$/);

    // RET-3: worth 10 × 19.99 + 2 × 125.50 = 450.90 CNY, within this run's 500.00 CNY manager threshold.
    expect(await h.failure(ops.approve.pattern, { id: created.id }, sales)).toMatchObject({ kind: 'forbidden' });
    const approved = await h.call<View>(ops.approve.pattern, { id: created.id }, manager);
    expect(approved.status).toBe('approved');

    // RET-4: partial receipts add up; each publishes `received` with the cumulative refund.
    await h.call(
      ops.receive.pattern,
      { id: created.id, lines: [{ sku: 'TEA-500G', receivedQuantity: 4 }], signedBy: 'Zhao Lei' },
      warehouse,
    );
    const received = await h.call<View>(
      ops.receive.pattern,
      {
        id: created.id,
        lines: [
          { sku: 'TEA-500G', receivedQuantity: 6 },
          { sku: 'CUP-01', receivedQuantity: 2 },
        ],
        signedBy: 'Zhao Lei',
      },
      warehouse,
    );
    expect(received.lines.map((l) => l.receivedQuantity)).toEqual([10, 2]);
    expect(received.refunded.amount).toBe(45_090);

    expect(await h.failure(ops.reconcile.pattern, { id: created.id }, warehouse)).toMatchObject({ kind: 'forbidden' });
    const reconciled = await h.call<View>(ops.reconcile.pattern, { id: created.id }, finance);
    expect(reconciled.status).toBe('reconciled');
    expect(reconciled.voucherNumber).toMatch(/^PZ-\d{6}-\d{4}$/);

    const voucher = await h.call<{
      lines: { account: string; debit: { amount: number }; credit: { amount: number } }[];
      total: { amount: number };
    }>(ops.getVoucher.pattern, { id: reconciled.voucherId }, finance);
    const debits = voucher.lines.reduce((s, l) => s + l.debit.amount, 0);
    const credits = voucher.lines.reduce((s, l) => s + l.credit.amount, 0);
    expect([debits, credits, voucher.total.amount]).toEqual([45_090, 45_090, 45_090]);
    expect(voucher.lines.at(-1)?.account).toBe('cash'); // a paid POS sale (purchaseRef)

    // RET-5: immutable, whatever code runs.
    await expect(h.sql.query('UPDATE vouchers SET total_fen = 1 WHERE id = $1', [reconciled.voucherId])).rejects.toThrow(/immutable/);
    await expect(h.sql.query('DELETE FROM vouchers WHERE id = $1', [reconciled.voucherId])).rejects.toThrow(/immutable/);
    // … and balanced on insert.
    await expect(
      h.sql.query(
        `INSERT INTO vouchers (id, number, date, lines, source_type, source_id, source_number, customer_id, total_fen, posted_at)
         VALUES ($1, 'PZ-209901-0001', '2099-01-01', '[{"debitFen": 100, "creditFen": 0}, {"debitFen": 0, "creditFen": 99}]', 'return', $1, 'RT-209901-0001', $1, 100, now())`,
        [randomUUID()],
      ),
    ).rejects.toThrow(/not balanced/);

    // RET-7: in order per document, through the outbox.
    await h.probe.waitFor(() => eventsOf(created.id).length >= 5);
    expect(eventsOf(created.id).map((e) => e.type)).toEqual([
      ReturnEventType.ReturnRequested,
      ReturnEventType.ReturnApproved,
      ReturnEventType.ReturnReceived,
      ReturnEventType.ReturnReceived,
      ReturnEventType.ReturnReconciled,
    ]);
    const receivedEvents = eventsOf(created.id).filter((e) => e.type === ReturnEventType.ReturnReceived);
    expect(receivedEvents.map((e) => (e.data.refunded as { amount: number }).amount)).toEqual([4 * 1999, 45_090]);
    expect(receivedEvents[1].data).toMatchObject({ purchaseRef: { storeId: 'S-01', transactionId: 'T-9' }, signedBy: 'Zhao Lei' });
    await h.probe.waitFor(() => eventsOf(reconciled.voucherId!).some((e) => e.type === ReturnEventType.VoucherPosted));
  });

  it('RET-3: above the threshold only an executive approves', async () => {
    const customerId = await activeCustomer(h);
    const big = await h.call<View>(
      ops.create.pattern,
      returnInput(customerId, {
        lines: [{ sku: 'X', quantity: 1, unitPrice: { amount: 50_001, currency: 'CNY' }, shippedAt: new Date().toISOString() }],
      }),
      sales,
    );
    expect(await h.failure(ops.approve.pattern, { id: big.id }, manager)).toMatchObject({ kind: 'forbidden', rule: 'RET-3' });
    expect((await h.call<View>(ops.approve.pattern, { id: big.id }, executive)).status).toBe('approved');
    expect(await h.failure(ops.approve.pattern, { id: big.id }, executive)).toMatchObject({ kind: 'conflict' });
  });

  it('RET-5: a short receipt goes to discrepancy without a voucher; the resolution books the accepted quantities', async () => {
    const customerId = await activeCustomer(h);
    const order = await h.call<View>(ops.create.pattern, returnInput(customerId), sales);
    await h.call(ops.approve.pattern, { id: order.id }, manager);
    await h.call(
      ops.receive.pattern,
      {
        id: order.id,
        lines: [
          { sku: 'TEA-500G', receivedQuantity: 8 },
          { sku: 'CUP-01', receivedQuantity: 2 },
        ],
        signedBy: 'Zhao Lei',
      },
      warehouse,
    );
    const discrepancy = await h.call<View>(ops.reconcile.pattern, { id: order.id }, finance);
    expect(discrepancy).toMatchObject({ status: 'discrepancy', voucherId: null });
    expect((await h.sql.query('SELECT 1 FROM vouchers WHERE source_id = $1', [order.id])).rowCount).toBe(0);
    expect(
      await h.failure(
        ops.resolveDiscrepancy.pattern,
        {
          id: order.id,
          lines: [
            { sku: 'TEA-500G', acceptedQuantity: 9 },
            { sku: 'CUP-01', acceptedQuantity: 2 },
          ],
          note: 'x',
        },
        finance,
      ),
    ).toMatchObject({ rule: 'RET-5' });
    const resolved = await h.call<View>(
      ops.resolveDiscrepancy.pattern,
      {
        id: order.id,
        lines: [
          { sku: 'TEA-500G', acceptedQuantity: 7 },
          { sku: 'CUP-01', acceptedQuantity: 2 },
        ],
        note: 'one tin crushed in transit',
      },
      finance,
    );
    expect(resolved.status).toBe('reconciled');
    const voucher = await h.call<{ total: { amount: number }; lines: { account: string }[] }>(
      ops.getVoucher.pattern,
      { id: resolved.voucherId },
      finance,
    );
    expect(voucher.total.amount).toBe(7 * 1999 + 2 * 12_550);
    expect(voucher.lines.at(-1)?.account).toBe('accounts_receivable');
  });

  it('RET-2: a refusal is 422 naming the rule and the condition, and writes nothing', async () => {
    const customerId = await activeCustomer(h);
    const refusal = await h.failure(ops.create.pattern, returnInput(customerId, { storage: 'improper' }), sales);
    expect(refusal).toMatchObject({ kind: 'rule_violation', rule: 'RET-2' });
    expect(refusal.message).toContain('improper_storage');
    const late = returnInput(customerId, {
      defect: 'quality',
      lines: [
        {
          sku: 'A',
          quantity: 1,
          unitPrice: { amount: 100, currency: 'CNY' },
          shippedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
        },
      ],
    });
    expect((await h.failure(ops.create.pattern, late, sales)).message).toContain('quality_defect_after_15_days');
    expect((await h.sql.query('SELECT 1 FROM return_orders WHERE customer_id = $1', [customerId])).rowCount).toBe(0);
  });

  it("RET-2 franchise ratio: the period's returns add up to at most ratio × purchases", async () => {
    const customerId = await activeCustomer(h);
    await h.call(
      ops.franchiseTerms.pattern,
      {
        customerId,
        returnRatioBasisPoints: 500,
        periodFrom: '2000-01-01',
        periodTo: '2099-12-31',
        periodPurchases: { amount: 1_000_000, currency: 'CNY' },
      },
      finance,
    );
    const line = (amount: number) => [
      { sku: 'A', quantity: 1, unitPrice: { amount, currency: 'CNY' }, shippedAt: new Date().toISOString() },
    ];
    await h.call(ops.create.pattern, returnInput(customerId, { lines: line(30_000) }), sales);
    expect((await h.failure(ops.create.pattern, returnInput(customerId, { lines: line(20_001) }), sales)).message).toContain(
      'franchise_return_ratio',
    );
    await h.call(ops.create.pattern, returnInput(customerId, { lines: line(20_000) }), sales);
  });

  it('CMP-10 → RET-1: the same complaint approval delivered twice creates one return order, requested', async () => {
    const customerId = await activeCustomer(h);
    const complaintId = randomUUID();
    const data = approvedComplaint(complaintId, customerId, 'quality', {
      target: 'return_order',
      resolution: 'return',
      customerId,
      reason: 'Leaking tea tins',
      amount: null,
      lines: [{ sku: 'TEA-500G', batchNo: 'B-7', quantity: 2, unitPrice: { amount: 1999, currency: 'CNY' } }],
      purchaseRef: null,
    });
    const eventId = await publishEvent(h.vhost.url, ComplaintEventType.Approved, data);
    await publishEvent(h.vhost.url, ComplaintEventType.Approved, data, eventId);
    const orders = await eventually(async () => {
      const { rows } = await h.sql.query<{ id: string; status: string; complaint_id: string }>(
        'SELECT id, status, complaint_id FROM return_orders WHERE complaint_id = $1',
        [complaintId],
      );
      expect(rows).toHaveLength(1);
      return rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the redelivery be processed
    expect((await h.sql.query('SELECT 1 FROM return_orders WHERE complaint_id = $1', [complaintId])).rowCount).toBe(1);
    expect(orders[0].status).toBe('requested');
    // RET-3: still needs the approval; the hand-off is not a person, so a manager may approve.
    expect((await h.call<View>(ops.approve.pattern, { id: orders[0].id }, manager)).status).toBe('approved');

    // RET-2 through the complaint: a direct order naming it passes the 15 days for a quality defect.
    const lateQuality = returnInput(customerId, {
      complaintId,
      defect: 'quality',
      lines: [
        {
          sku: 'B',
          quantity: 1,
          unitPrice: { amount: 100, currency: 'CNY' },
          shippedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
        },
      ],
    });
    expect((await h.call<View>(ops.create.pattern, lateQuality, sales)).status).toBe('requested');
    expect((await h.failure(ops.create.pattern, { ...lateQuality, complaintId: randomUUID() }, sales)).rule).toBe('RET-2');
  });

  it('CMP-10 → RET-6: a compensation hand-off becomes one credit note: approve → sign → post with its voucher', async () => {
    const customerId = await activeCustomer(h);
    const complaintId = randomUUID();
    const data = approvedComplaint(complaintId, customerId, 'service', {
      target: 'credit_note',
      resolution: 'compensation',
      customerId,
      reason: 'Late delivery',
      amount: { amount: 20_000, currency: 'CNY' },
      lines: [],
      purchaseRef: null,
    });
    const eventId = await publishEvent(h.vhost.url, ComplaintEventType.Approved, data);
    await publishEvent(h.vhost.url, ComplaintEventType.Approved, data, eventId);
    const [note] = await eventually(async () => {
      const { rows } = await h.sql.query<{ id: string }>('SELECT id FROM credit_notes WHERE complaint_id = $1', [complaintId]);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(await h.failure(ops.signCreditNote.pattern, { id: note.id, signedBy: 'Li Wei' }, sales)).toMatchObject({
      kind: 'conflict',
      rule: 'RET-6',
    });
    await h.call(ops.approveCreditNote.pattern, { id: note.id }, manager);
    await h.call(ops.signCreditNote.pattern, { id: note.id, signedBy: 'Li Wei' }, sales);
    const posted = await h.call<{ status: string; voucherId: string }>(ops.postCreditNote.pattern, { id: note.id }, finance);
    expect(posted.status).toBe('posted');
    const voucher = await h.call<{ total: { amount: number }; source: { type: string } }>(
      ops.getVoucher.pattern,
      { id: posted.voucherId },
      finance,
    );
    expect(voucher).toMatchObject({ total: { amount: 20_000 }, source: { type: 'credit_note' } });
    await h.probe.waitFor(() => eventsOf(note.id).length >= 2);
    expect(eventsOf(note.id).map((e) => e.type)).toEqual([ReturnEventType.CreditNoteApproved, ReturnEventType.CreditNotePosted]);
    expect(eventsOf(posted.voucherId).map((e) => e.type)).toEqual([ReturnEventType.VoucherPosted, ReturnEventType.CreditNotePosted]);
  });

  it('RET-6 direct: the creator cannot approve their own credit note', async () => {
    const customerId = await activeCustomer(h);
    const creator = caller(['sales', 'manager']);
    const note = await h.call<{ id: string; number: string }>(
      ops.createCreditNote.pattern,
      { customerId, kind: 'discount', amount: { amount: 1000, currency: 'CNY' }, reason: 'Price adjustment' },
      creator,
    );
    expect(note.number).toMatch(/^CN-\d{6}-\d{4}$/);
    expect(await h.failure(ops.approveCreditNote.pattern, { id: note.id }, creator)).toMatchObject({ kind: 'forbidden', rule: 'RET-3' });
  });
});
