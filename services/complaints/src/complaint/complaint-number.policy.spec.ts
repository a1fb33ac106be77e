import { COMPLAINT_NUMBERS } from './complaint-number.policy';

describe('CMP-1 complaint numbers', () => {
  it('prints CP-YYYYMM-NNNN in the Asia/Shanghai month', () => {
    expect(COMPLAINT_NUMBERS.format('2026-11', 1)).toBe('CP-202611-0001');
    expect(COMPLAINT_NUMBERS.regex.test('CP-202612-9999')).toBe(true);
    expect(COMPLAINT_NUMBERS.period).toBe('month');
  });
});
