import type { ComplaintEventData } from '@crm/contracts';
import { handOffDocument } from './complaint-handoff.policy';

const base: ComplaintEventData = {
  complaintId: '6b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  number: 'CP-202611-0001',
  kind: 'complaint',
  category: 'quality',
  severity: 'general',
  status: 'approved',
  customerId: '1d7c1f6e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
  supersedes: null,
  invalidReason: null,
};
const handOff = {
  target: 'return_order',
  resolution: 'exchange',
  customerId: base.customerId,
  reason: 'Leaking tins',
  amount: null,
  lines: [{ sku: 'A', quantity: 2, unitPrice: { amount: 100, currency: 'CNY' } }],
  purchaseRef: { storeId: 'S', transactionId: 'T' },
};

describe('CMP-10 hand-off → RET-1/RET-6 document', () => {
  it('an explanation hands over nothing', () => {
    expect(handOffDocument(base)).toBeNull();
  });

  it('a return/reprocess/exchange becomes a return order with the complaint, lines, purchase and a quality defect', () => {
    expect(handOffDocument({ ...base, handOff })).toEqual({
      target: 'return_order',
      input: {
        customerId: base.customerId,
        complaintId: base.complaintId,
        reason: 'Leaking tins',
        handling: 'exchange',
        defect: 'quality',
        lines: [{ sku: 'A', quantity: 2, unitPrice: { amount: 100, currency: 'CNY' } }],
        purchaseRef: { storeId: 'S', transactionId: 'T' },
      },
    });
    expect(handOffDocument({ ...base, category: 'business', handOff })?.input).toMatchObject({ defect: 'none' });
  });

  it('a discount/compensation becomes a credit note of the amount', () => {
    const note = handOffDocument({
      ...base,
      handOff: { ...handOff, target: 'credit_note', resolution: 'discount', amount: { amount: 5000, currency: 'CNY' }, lines: [] },
    });
    expect(note).toEqual({
      target: 'credit_note',
      input: {
        customerId: base.customerId,
        complaintId: base.complaintId,
        kind: 'discount',
        amount: { amount: 5000, currency: 'CNY' },
        reason: 'Leaking tins',
      },
    });
  });

  it('refuses a hand-off without a customer or a credit note without an amount (dead-lettered with the reason)', () => {
    expect(() => handOffDocument({ ...base, handOff: { ...handOff, customerId: null } })).toThrow(
      expect.objectContaining({ rule: 'RET-1' }),
    );
    expect(() => handOffDocument({ ...base, handOff: { ...handOff, target: 'credit_note', resolution: 'discount' } })).toThrow(
      expect.objectContaining({ rule: 'RET-6' }),
    );
  });
});
