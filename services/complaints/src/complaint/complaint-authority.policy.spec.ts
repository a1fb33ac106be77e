import type { Caller, Role } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { approvalLevel, assertMayApprove, formatCny, proposalValue } from './complaint-authority.policy';

const caller = (keyId: string, roles: Role[]): Caller => ({
  keyId,
  name: keyId,
  roles,
  clearance: 'confidential',
  storeId: null,
  designatedCustomerIds: [],
});
const LIMIT = 500_000;
const cny = (amount: number) => ({ amount, currency: 'CNY' });
const proposal = (amount: number, by = 'proposer') => ({ value: cny(amount), by: { keyId: by } });

describe('CMP-7 proposal value', () => {
  it('adds the amount and every line (quantity × unit price) in integer fen', () => {
    expect(proposalValue({ amount: cny(100_000), lines: [{ sku: 'A', quantity: 3, unitPrice: cny(12_345) }] })).toEqual(cny(137_035));
    expect(proposalValue({})).toEqual(cny(0));
  });

  it('refuses another currency naming CMP-8', () => {
    expect(() => proposalValue({ amount: { amount: 1, currency: 'USD' } })).toThrow(
      expect.objectContaining({ kind: ErrorKind.RuleViolation, rule: 'CMP-8' }),
    );
  });
});

describe('CMP-8 approval authority', () => {
  it('lets a manager approve up to 5,000.00 CNY inclusive', () => {
    expect(approvalLevel(cny(500_000), LIMIT)).toBe('manager');
    expect(approvalLevel(cny(500_001), LIMIT)).toBe('executive');
    expect(assertMayApprove(caller('m', ['manager']), proposal(500_000), LIMIT)).toBe('manager');
  });

  it('refuses a manager above the threshold with 403 naming CMP-8', () => {
    expect(() => assertMayApprove(caller('m', ['manager']), proposal(600_000), LIMIT)).toThrow(
      expect.objectContaining({ kind: ErrorKind.Forbidden, rule: 'CMP-8', message: expect.stringContaining('6,000.00 CNY') }),
    );
  });

  it('lets an executive approve above the threshold, and honours a configured threshold', () => {
    expect(assertMayApprove(caller('e', ['executive']), proposal(600_000), LIMIT)).toBe('executive');
    expect(assertMayApprove(caller('m', ['manager']), proposal(600_000), 1_000_000)).toBe('manager');
  });

  it('never lets the proposer approve, whatever the role', () => {
    for (const roles of [['manager'], ['executive'], ['admin']] as Role[][]) {
      expect(() => assertMayApprove(caller('proposer', roles), proposal(100), LIMIT)).toThrow(
        expect.objectContaining({ kind: ErrorKind.Forbidden, rule: 'CMP-8' }),
      );
    }
  });

  it('refuses other roles', () => {
    expect(() => assertMayApprove(caller('s', ['sales']), proposal(100), LIMIT)).toThrow(
      expect.objectContaining({ kind: ErrorKind.Forbidden }),
    );
  });

  it('formats fen as CNY', () => {
    expect(formatCny(600_000)).toBe('6,000.00 CNY');
    expect(formatCny(20_005)).toBe('200.05 CNY');
  });
});
