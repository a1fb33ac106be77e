import {
  compareFractions,
  decimalRate,
  followingPeriod,
  growthRate,
  parseReportPeriod,
  periodsOfMonth,
  profitMargin,
} from './key-customers.policy';

describe('DEV-5 key-customer periods and rates', () => {
  it('compares a month, quarter or year with the previous period of the same length', () => {
    expect(parseReportPeriod('2026-10')).toEqual({ key: '2026-10', previousKey: '2026-09', kind: 'month' });
    expect(parseReportPeriod('2026-01')).toMatchObject({ previousKey: '2025-12' });
    expect(parseReportPeriod('2026-Q3')).toEqual({ key: '2026-Q3', previousKey: '2026-Q2', kind: 'quarter' });
    expect(parseReportPeriod('2026-Q1')).toMatchObject({ previousKey: '2025-Q4' });
    expect(parseReportPeriod('2026')).toEqual({ key: '2026', previousKey: '2025', kind: 'year' });
    expect(() => parseReportPeriod('2026-13')).toThrow(expect.objectContaining({ kind: 'invalid', rule: 'DEV-5' }));
    expect(() => parseReportPeriod('2026-Q5')).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });

  it('a period is the previous period of the one after it', () => {
    for (const period of ['2026-01', '2026-12', '2026-Q1', '2026-Q4', '2026']) {
      expect(parseReportPeriod(followingPeriod(period)).previousKey).toBe(period);
    }
    expect(followingPeriod('2026-12')).toBe('2027-01');
    expect(followingPeriod('2026-Q4')).toBe('2027-Q1');
    expect(followingPeriod('2026')).toBe('2027');
  });

  it('a month counts in its month, quarter and year totals', () => {
    expect(periodsOfMonth('2026-03')).toEqual(['2026-03', '2026-Q1', '2026']);
    expect(periodsOfMonth('2026-10')).toEqual(['2026-10', '2026-Q4', '2026']);
  });

  it('writes rates with 4 places, half-up, in integers (no floating point)', () => {
    expect(decimalRate(1n, 8n)).toBe('0.1250');
    expect(decimalRate(12_345n, 100_000n)).toBe('0.1235'); // exactly half → up
    expect(decimalRate(1_234_499_999n, 10_000_000_000n)).toBe('0.1234');
    expect(decimalRate(2n, 3n)).toBe('0.6667');
    expect(decimalRate(-12_345n, 100_000n)).toBe('-0.1235'); // half away from zero
    expect(decimalRate(-1n, 1_000_000n)).toBe('0.0000'); // no "-0.0000"
    expect(decimalRate(3n, 1n)).toBe('3.0000');
    // Beyond 2^53: 0.1 + 0.2 style errors are impossible.
    expect(decimalRate(900_719_925_474_099_300n, 9_007_199_254_740_993_000n)).toBe('0.1000');
  });

  it('leaves growth out without a previous figure > 0 and margin out without sales', () => {
    expect(growthRate(100_011n, 80_002n)).toBe('0.2501');
    expect(growthRate(50n, 100n)).toBe('-0.5000');
    expect(growthRate(100n, null)).toBeUndefined();
    expect(growthRate(100n, 0n)).toBeUndefined();
    expect(profitMargin(100_00n, 75_00n)).toBe('0.2500');
    expect(profitMargin(100n, 150n)).toBe('-0.5000');
    expect(profitMargin(0n, 10n)).toBeUndefined();
  });

  it('orders fractions exactly', () => {
    expect(compareFractions(1n, 3n, 333_333_333_333n, 1_000_000_000_000n)).toBe(1);
    expect(compareFractions(2n, 4n, 1n, 2n)).toBe(0);
  });
});
