import { ErrorKind } from '@crm/errors';
import { CustomerException, CustomerExceptionCode, customerErrorKind } from './customer.exception';

/** STYLE rule 7: one exhaustive code → kind table. */
describe('customerErrorKind', () => {
  it('maps every code', () => {
    for (const code of Object.values(CustomerExceptionCode)) expect(Object.values(ErrorKind)).toContain(customerErrorKind(code));
  });

  it.each([
    [CustomerExceptionCode.StaleVersion, ErrorKind.PreconditionFailed],
    [CustomerExceptionCode.WrongStatus, ErrorKind.Conflict],
    [CustomerExceptionCode.Destroyed, ErrorKind.Gone],
    [CustomerExceptionCode.PurposeRequired, ErrorKind.Invalid],
    [CustomerExceptionCode.ClearanceInsufficient, ErrorKind.Forbidden],
    [CustomerExceptionCode.SelfApproval, ErrorKind.Forbidden],
    [CustomerExceptionCode.NotFound, ErrorKind.NotFound],
  ])('%s → %s', (code, kind) => {
    expect(customerErrorKind(code)).toBe(kind);
  });

  it('throws on an unknown code rather than inventing a kind', () => {
    expect(() => customerErrorKind('NOPE' as CustomerExceptionCode)).toThrow('Unhandled case: NOPE');
  });

  it('carries the tombstone of a destroyed archive in its payload', () => {
    const tombstone = { id: 'c', code: null, status: 'destroyed' as const, destroyedAt: 'x', approvers: [] };
    const payload = new CustomerException(CustomerExceptionCode.Destroyed, 'gone', 'CUS-9', undefined, tombstone).toPayload();
    expect(payload).toEqual({ kind: ErrorKind.Gone, code: 'CUSTOMER_DESTROYED', message: 'gone', rule: 'CUS-9', tombstone });
  });
});
