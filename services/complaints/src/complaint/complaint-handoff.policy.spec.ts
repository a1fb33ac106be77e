import type { ComplaintProposal } from '@crm/contracts';
import { handOffOf, receivablesNoteOf } from './complaint-handoff.policy';

const proposal = (overrides: Partial<ComplaintProposal>): ComplaintProposal => ({
  resolution: 'explanation',
  amount: null,
  lines: [],
  purchaseRef: null,
  note: null,
  value: { amount: 0, currency: 'CNY' },
  approvalBy: 'manager',
  at: '2026-11-02T02:00:00.000Z',
  by: { keyId: 'k', name: 'k' },
  ...overrides,
});
const complaint = (p: ComplaintProposal | null) => ({
  customerId: 'c-1',
  proposal: p,
  details: { complainant: {}, subject: 'Leaking tins', description: 'd', demand: null, product: null },
});

/** CMP-10: the hand-off to returns in the approved event. */
describe('CMP-10 hand-off', () => {
  it('hands discount and compensation to a credit note with the amount', () => {
    const handOff = handOffOf(complaint(proposal({ resolution: 'compensation', amount: { amount: 600_000, currency: 'CNY' } })));
    expect(handOff).toEqual({
      target: 'credit_note',
      resolution: 'compensation',
      customerId: 'c-1',
      reason: 'Leaking tins',
      amount: { amount: 600_000, currency: 'CNY' },
      lines: [],
      purchaseRef: null,
    });
    expect(handOffOf(complaint(proposal({ resolution: 'discount' })))?.target).toBe('credit_note');
  });

  it('hands return, reprocess and exchange to a return order with lines and purchase', () => {
    const lines = [{ sku: 'TEA', quantity: 3, unitPrice: { amount: 1_000, currency: 'CNY' } }];
    for (const resolution of ['return', 'reprocess', 'exchange'] as const) {
      const handOff = handOffOf(complaint(proposal({ resolution, lines, purchaseRef: { storeId: 'S1', transactionId: 'T9' } })));
      expect(handOff).toMatchObject({ target: 'return_order', resolution, lines, purchaseRef: { storeId: 'S1', transactionId: 'T9' } });
    }
  });

  it('hands off nothing for an explanation', () => {
    expect(handOffOf(complaint(proposal({ resolution: 'explanation' })))).toBeNull();
    expect(handOffOf(complaint(null))).toBeNull();
  });
});

/** CMP-10: "A rejected complaint about an unpaid order notes that receivables must be collected as normal." */
describe('CMP-10 receivables note', () => {
  const product = { orderNo: 'SO-9', sku: 'TEA', quantity: 1, defectiveQuantity: 1 };
  const record = (status: 'rejected' | 'accepted', orderPaid?: boolean) => ({
    status,
    details: { complainant: {}, subject: 's', description: 'd', demand: null, product: { ...product, orderPaid } },
  });

  it('notes it on a rejected complaint about an unpaid order', () => {
    expect(receivablesNoteOf(record('rejected', false))).toBe(
      'CMP-10: order SO-9 is unpaid and this complaint was rejected; its receivables are collected as normal.',
    );
  });

  it('notes nothing when the order is paid, its payment unknown, the complaint not rejected or about no order', () => {
    expect(receivablesNoteOf(record('rejected', true))).toBeNull();
    expect(receivablesNoteOf(record('rejected'))).toBeNull();
    expect(receivablesNoteOf(record('accepted', false))).toBeNull();
    expect(receivablesNoteOf({ status: 'rejected', details: { ...record('rejected').details, product: null } })).toBeNull();
  });
});
