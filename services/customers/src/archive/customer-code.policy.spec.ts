import { ErrorKind } from '@crm/errors';
import { CUSTOMER_CODE_PATTERN, codeYear, formatCustomerCode } from './customer-code.policy';

/** CUS-4: `C` + year + 6-digit sequence, year of approval in Asia/Shanghai. */
describe('customer code', () => {
  it('formats C + year + six digits', () => {
    expect(formatCustomerCode(2026, 123)).toBe('C2026000123');
    expect(formatCustomerCode(2026, 1)).toBe('C2026000001');
    expect(formatCustomerCode(2027, 999_999)).toBe('C2027999999');
    expect(formatCustomerCode(2026, 42)).toMatch(CUSTOMER_CODE_PATTERN);
  });

  it('refuses to grow a seventh digit or use a non-positive sequence', () => {
    expect(() => formatCustomerCode(2026, 1_000_000)).toThrow(expect.objectContaining({ kind: ErrorKind.RuleViolation, rule: 'CUS-4' }));
    expect(() => formatCustomerCode(2026, 0)).toThrow();
    expect(() => formatCustomerCode(2026, 1.5)).toThrow();
  });

  it('takes the year in Asia/Shanghai, not UTC', () => {
    expect(codeYear(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026);
    expect(codeYear(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027);
    expect(codeYear(new Date('2027-01-01T03:00:00Z'))).toBe(2027);
  });
});
