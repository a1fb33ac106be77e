import { testCaller } from '@crm/testing';
import { assertMayApprove, cny, lineAmountFen, sumFen } from './returns.policy';

describe('RET-5 money in integer fen, half-up per line', () => {
  it.each([
    [3, 1999, 1, 5997],
    [0, 1999, 1, 0],
    [7, 333, 10, 233], // 233.1 → 233
    [5, 333, 10, 167], // 166.5 → 167 (half up)
    [1, 5, 10, 1], // 0.5 → 1
    [1, 4, 10, 0], // 0.4 → 0
  ])('%i × %i / %i = %i fen', (quantity, price, divisor, expected) => {
    expect(lineAmountFen(quantity, price, divisor)).toBe(expected);
  });

  it('rounds each line, never the total', () => {
    const lines = [lineAmountFen(5, 333, 10), lineAmountFen(5, 333, 10)];
    expect(sumFen(lines)).toBe(334); // not round(333.0) = 333
  });

  it('multiplies in integers beyond floating point precision', () => {
    expect(lineAmountFen(1_000_000_000, 1_000_001)).toBe(1_000_001_000_000_000);
  });
});

describe('RET-3 approval by amount (CMP-8 threshold)', () => {
  const creator = testCaller(['sales']);
  const manager = testCaller(['manager']);
  const executive = testCaller(['executive']);
  const limit = 500_000;
  const doc = (amount: number, by = creator) => ({ value: cny(amount), createdBy: { keyId: by.keyId, name: by.name } });

  it('a manager approves up to the threshold', () => {
    expect(() => assertMayApprove(manager, doc(500_000), limit)).not.toThrow();
  });
  it('a manager is refused one fen above it; an executive is not', () => {
    expect(() => assertMayApprove(manager, doc(500_001), limit)).toThrow(expect.objectContaining({ rule: 'RET-3', kind: 'forbidden' }));
    expect(() => assertMayApprove(executive, doc(500_001), limit)).not.toThrow();
  });
  it('the threshold is configurable', () => {
    expect(() => assertMayApprove(manager, doc(100_001), 100_000)).toThrow(expect.objectContaining({ rule: 'RET-3' }));
  });
  it('never the creator, not even an executive or admin', () => {
    const boss = testCaller(['executive', 'admin']);
    expect(() => assertMayApprove(boss, doc(100, boss), limit)).toThrow(expect.objectContaining({ rule: 'RET-3' }));
  });
  it('sales cannot approve', () => {
    expect(() => assertMayApprove(testCaller(['sales']), doc(100), limit)).toThrow(expect.objectContaining({ rule: 'RET-3' }));
  });
});
