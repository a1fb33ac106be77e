import { clawbackDue, clawbackTarget } from './clawback.policy';

describe('LOY-6 clawback', () => {
  it('takes back what the refunded amount earned: floor(paid/100) − floor((paid − refunded)/100)', () => {
    // 1,250.00 paid earned 12; 300.00 refunded leaves 950.00 = 9 points → 3 back.
    expect(clawbackTarget(125_000, [30_000])).toBe(3);
    // 50.00 refunded of 1,250.00 leaves 1,200.00 = 12 points → nothing back.
    expect(clawbackTarget(125_000, [5_000])).toBe(0);
    // 50.01 refunded crosses the 1,200.00 line → 1 back.
    expect(clawbackTarget(125_000, [5_001])).toBe(1);
  });

  it('sums several returns of one purchase and never takes more than was earned', () => {
    expect(clawbackTarget(125_000, [30_000, 40_000])).toBe(7);
    expect(clawbackTarget(125_000, [100_000, 100_000])).toBe(12);
  });

  it('books only the difference to what earlier receipts took, across partial receipts', () => {
    // Return A receipt 1: 300.00 → 3; receipt 2 of A (cumulative 600.00) → 3 more; return B 50.01 → 1 more.
    expect(clawbackDue(125_000, 12, 0, [30_000])).toBe(3);
    expect(clawbackDue(125_000, 12, 3, [60_000])).toBe(3);
    expect(clawbackDue(125_000, 12, 6, [60_000, 5_001])).toBe(1);
    // The same receipt again (or a late, smaller figure) takes nothing.
    expect(clawbackDue(125_000, 12, 7, [60_000, 5_001])).toBe(0);
    expect(clawbackDue(125_000, 12, 7, [30_000, 5_001])).toBe(0);
    // Everything refunded: exactly what was earned, in total.
    expect(clawbackDue(125_000, 12, 7, [125_000])).toBe(5);
  });

  it('is capped by the points the purchase earned', () => {
    expect(clawbackDue(125_000, 10, 0, [125_000])).toBe(10);
  });
});
