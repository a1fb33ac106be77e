import { DocumentNumberExhaustedError, DocumentPattern, DocumentSeries } from './document-series';

/** CUS-4 codes and the monthly document numbers (`CP-202611-0001`) of complaints, returns, finance. */
describe('DocumentSeries', () => {
  const customer = new DocumentSeries({ series: 'customer-code', prefix: 'C', period: 'year', pattern: DocumentPattern.Yearly6 });
  const complaint = new DocumentSeries({ series: 'complaint', prefix: 'CP', period: 'month', pattern: DocumentPattern.Monthly4 });

  it('formats both shapes', () => {
    expect(customer.format('2026', 123)).toBe('C2026000123');
    expect(customer.format('2027', 999_999)).toBe('C2027999999');
    expect(complaint.format('2026-11', 1)).toBe('CP-202611-0001');
    expect(complaint.format('2026-12', 9999)).toBe('CP-202612-9999');
    expect(customer.regex.test('C2026000123')).toBe(true);
    expect(complaint.regex.test('CP-202611-0001')).toBe(true);
    expect(complaint.regex.test('CP-2026110001')).toBe(false);
  });

  it('takes the period in Asia/Shanghai', () => {
    expect(complaint.periodOf(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11');
    expect(complaint.periodOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(complaint.periodOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01');
    expect(customer.periodOf(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026');
    expect(customer.periodOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027');
  });

  it('refuses a sequence the pattern cannot hold, or a foreign period', () => {
    expect(complaint.maxSequence).toBe(9999);
    expect(() => complaint.format('2026-11', 10_000)).toThrow(DocumentNumberExhaustedError);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => complaint.format('2026-11', bad)).toThrow(RangeError);
    expect(() => complaint.format('2026', 1)).toThrow(RangeError);
    expect(() => customer.format('2026-11', 1)).toThrow(RangeError);
  });

  it.each([
    ['no sequence', '{prefix}{YYYY}'],
    ['two sequences', '{prefix}{YYYY}{seq:4}{seq:2}'],
    ['a sequence of 0 digits', '{prefix}{YYYY}{seq:0}'],
    ['an unknown token', '{prefix}{YY}{seq:4}'],
    ['no year', '{prefix}{seq:4}'],
    ['a month in a yearly series', '{prefix}{YYYYMM}{seq:4}'],
  ])('refuses a yearly pattern with %s', (_case, pattern) => {
    expect(() => new DocumentSeries({ series: 'x', prefix: 'X', period: 'year', pattern })).toThrow();
  });

  it('refuses a monthly pattern that does not show the month, and odd series names', () => {
    expect(() => new DocumentSeries({ series: 'x', prefix: 'X', period: 'month', pattern: DocumentPattern.Yearly6 })).toThrow('month');
    expect(() => new DocumentSeries({ series: 'Bad Name', prefix: 'X', period: 'year', pattern: DocumentPattern.Yearly6 })).toThrow();
    expect(
      new DocumentSeries({ series: 'x', prefix: 'X', period: 'month', pattern: '{prefix}{YYYY}.{MM}.{seq:3}' }).format('2026-01', 7),
    ).toBe('X2026.01.007');
  });
});
