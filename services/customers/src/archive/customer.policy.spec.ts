import { type Caller, type ConfidentialityLevel, CustomerOperations, type Role } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { decideFullRead, mayPerform, requireRole } from './customer.policy';

const key = (roles: Role[], clearance: ConfidentialityLevel, designatedCustomerIds: string[] = []): Caller => ({
  keyId: 'k',
  name: 'n',
  roles,
  clearance,
  storeId: null,
  designatedCustomerIds,
});
const archive = (confidentiality: ConfidentialityLevel) => ({ id: 'a-1', confidentiality });

/** CUS-6: who may read the full archive. */
describe('decideFullRead', () => {
  it.each([
    ['confidential', 'confidential', true],
    ['confidential', 'secret', false],
    ['confidential', 'top_secret', false],
    ['secret', 'confidential', true],
    ['secret', 'secret', true],
    ['secret', 'top_secret', false],
    ['top_secret', 'top_secret', true],
  ] as const)('clearance %s on a %s archive → %s', (clearance, level, granted) => {
    expect(decideFullRead(key(['manager'], clearance), archive(level)).granted).toBe(granted);
  });

  it('opens a top_secret archive to a key designated for it, and only for it', () => {
    expect(decideFullRead(key(['sales'], 'confidential', ['a-1']), archive('top_secret')).granted).toBe(true);
    expect(decideFullRead(key(['sales'], 'secret', ['a-2']), archive('top_secret')).granted).toBe(false);
  });

  it('does not let a role stand in for clearance, not even admin', () => {
    const decision = decideFullRead(key(['admin'], 'secret'), archive('top_secret'));
    expect(decision).toEqual({ granted: false, reason: expect.stringContaining('top_secret') });
  });

  it('denies a caller whose clearance is not a known level', () => {
    expect(decideFullRead(key(['manager'], 'public' as ConfidentialityLevel), archive('confidential')).granted).toBe(false);
  });
});

describe('roles (read from the operation table in libs/contracts)', () => {
  it('lets every staff role list, but not the tills (CUS-6)', () => {
    expect(mayPerform(key(['pos'], 'top_secret'), CustomerOperations.list)).toBe(false);
    expect(mayPerform(key(['warehouse'], 'confidential'), CustomerOperations.list)).toBe(true);
  });

  it.each([
    ['approve', ['manager'], ['sales', 'archivist', 'executive']],
    ['grade', ['manager'], ['sales', 'executive']],
    ['review', ['manager', 'archivist'], ['sales', 'executive']],
    ['accessLog', ['auditor'], ['manager', 'executive', 'archivist']],
    ['approveDestruction', ['archivist', 'manager', 'executive'], ['sales', 'auditor']],
  ] as const)('%s admits %j and admin, refuses %j', (name, admitted, refused) => {
    const operation = CustomerOperations[name];
    for (const role of [...admitted, 'admin' as const]) expect(mayPerform(key([role], 'confidential'), operation)).toBe(true);
    for (const role of refused) {
      expect(mayPerform(key([role], 'confidential'), operation)).toBe(false);
      expect(() => requireRole(key([role], 'confidential'), operation)).toThrow(
        expect.objectContaining({ kind: ErrorKind.Forbidden, rule: operation.rules[0] }),
      );
    }
  });
});
