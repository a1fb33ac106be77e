import { ReturnOrder, type ReturnLineRecord } from './return-order.entity';
import { applyReceipt, applyResolution, bookedAmounts, discrepantLines, orderValueFen, refundedFen } from './return-order.policy';

function line(sku: string, approvedQuantity: number, unitPriceFen: number): ReturnLineRecord {
  return { sku, batchNo: null, approvedQuantity, receivedQuantity: 0, acceptedQuantity: null, unitPriceFen, shippedAt: null };
}

function order(status: ReturnOrder['status'] = 'approved'): ReturnOrder {
  return Object.assign(new ReturnOrder(), {
    number: 'RT-202611-0001',
    status,
    lines: [line('A', 10, 1999), line('B', 2, 50_000)],
    resolutionNote: null,
  });
}

describe('RET-3 value', () => {
  it('is approved quantity × unit price per line, summed', () => {
    expect(orderValueFen(order().lines)).toBe(10 * 1999 + 2 * 50_000);
  });
});

describe('RET-4 warehouse receipt', () => {
  it('adds partial receipts up per line and moves to received', () => {
    const o = order();
    applyReceipt(o, [{ sku: 'A', receivedQuantity: 4 }]);
    applyReceipt(o, [
      { sku: 'A', receivedQuantity: 6 },
      { sku: 'B', receivedQuantity: 2 },
    ]);
    expect(o.status).toBe('received');
    expect(o.lines.map((l) => l.receivedQuantity)).toEqual([10, 2]);
  });

  it('refuses a receipt before approval (409) and after reconciliation', () => {
    expect(() => applyReceipt(order('requested'), [{ sku: 'A', receivedQuantity: 1 }])).toThrow(
      expect.objectContaining({ kind: 'conflict' }),
    );
    expect(() => applyReceipt(order('discrepancy'), [{ sku: 'A', receivedQuantity: 1 }])).toThrow(
      expect.objectContaining({ kind: 'conflict' }),
    );
  });

  it('refuses a SKU that is not on the order, or named twice (422 RET-4)', () => {
    expect(() => applyReceipt(order(), [{ sku: 'Z', receivedQuantity: 1 }])).toThrow(expect.objectContaining({ rule: 'RET-4' }));
    expect(() =>
      applyReceipt(order(), [
        { sku: 'A', receivedQuantity: 1 },
        { sku: 'A', receivedQuantity: 1 },
      ]),
    ).toThrow(expect.objectContaining({ rule: 'RET-4' }));
  });
});

describe('RET-5 reconciliation', () => {
  it('refunds from received quantities, never requested ones', () => {
    const o = order();
    applyReceipt(o, [
      { sku: 'A', receivedQuantity: 7 },
      { sku: 'B', receivedQuantity: 2 },
    ]);
    expect(refundedFen(o.lines)).toBe(7 * 1999 + 2 * 50_000);
    expect(discrepantLines(o).map((l) => l.sku)).toEqual(['A']);
  });

  it('books accepted quantities after a resolution, at most what was received, with a note', () => {
    const o = order();
    applyReceipt(o, [
      { sku: 'A', receivedQuantity: 7 },
      { sku: 'B', receivedQuantity: 2 },
    ]);
    o.status = 'discrepancy';
    expect(() =>
      applyResolution(
        o,
        [
          { sku: 'A', acceptedQuantity: 8 },
          { sku: 'B', acceptedQuantity: 2 },
        ],
        'ok',
      ),
    ).toThrow(expect.objectContaining({ rule: 'RET-5' }));
    expect(() => applyResolution(o, [{ sku: 'A', acceptedQuantity: 6 }], 'ok')).toThrow(expect.objectContaining({ rule: 'RET-5' }));
    expect(() =>
      applyResolution(
        o,
        [
          { sku: 'A', acceptedQuantity: 6 },
          { sku: 'B', acceptedQuantity: 2 },
        ],
        '  ',
      ),
    ).toThrow(expect.objectContaining({ rule: 'RET-5' }));
    applyResolution(
      o,
      [
        { sku: 'A', acceptedQuantity: 6 },
        { sku: 'B', acceptedQuantity: 2 },
      ],
      'one tin crushed, not refunded',
    );
    expect(bookedAmounts(o).map((a) => a.amountFen)).toEqual([6 * 1999, 100_000]);
    expect(o.resolutionNote).toBe('one tin crushed, not refunded');
  });

  it('resolves only a discrepancy (409 otherwise)', () => {
    expect(() =>
      applyResolution(
        order('received'),
        [
          { sku: 'A', acceptedQuantity: 0 },
          { sku: 'B', acceptedQuantity: 0 },
        ],
        'x',
      ),
    ).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });
});
