import { ErrorKind } from '@crm/errors';
import { penaltyOf } from './complaint-findings.policy';

const findings = (ourFault: boolean, amount?: number, extra: { currency?: string; kpiPoints?: number } = {}) => ({
  rootCause: 'seal failed',
  ourFault,
  responsibleDepartment: 'packing',
  responsiblePerson: 'Zhao Lei',
  ...(amount === undefined ? {} : { penalty: { amount: { amount, currency: extra.currency ?? 'CNY' }, kpiPoints: extra.kpiPoints } }),
});
const refusedCmp11 = expect.objectContaining({ kind: ErrorKind.RuleViolation, rule: 'CMP-11' });

describe('CMP-11 penalties', () => {
  it('records 200.00–1,500.00 CNY and 1 KPI point against the department and person', () => {
    expect(penaltyOf('complaint', findings(true, 20_000))).toEqual({
      amount: { amount: 20_000, currency: 'CNY' },
      kpiPoints: 1,
      department: 'packing',
      person: 'Zhao Lei',
    });
    expect(penaltyOf('complaint', findings(true, 150_000))?.amount.amount).toBe(150_000);
  });

  it('refuses amounts outside the range naming CMP-11', () => {
    expect(() => penaltyOf('complaint', findings(true, 19_999))).toThrow(refusedCmp11);
    expect(() => penaltyOf('complaint', findings(true, 150_001))).toThrow(refusedCmp11);
  });

  it('refuses a penalty without fault, in another currency or with other KPI points', () => {
    expect(() => penaltyOf('complaint', findings(false, 50_000))).toThrow(refusedCmp11);
    expect(() => penaltyOf('complaint', findings(true, 50_000, { currency: 'USD' }))).toThrow(refusedCmp11);
    expect(() => penaltyOf('complaint', findings(true, 50_000, { kpiPoints: 3 }))).toThrow(refusedCmp11);
  });

  it('requires a penalty on a complaint found to be our fault, not on other records', () => {
    expect(() => penaltyOf('complaint', findings(true))).toThrow(refusedCmp11);
    expect(penaltyOf('inquiry', findings(true))).toBeNull();
    expect(penaltyOf('complaint', findings(false))).toBeNull();
  });
});
