import { type Caller, ComplaintOperations, type Role } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { requireRole } from './complaint.policy';

const caller = (roles: Role[]): Caller => ({
  keyId: 'k',
  name: 'k',
  roles,
  clearance: 'confidential',
  storeId: null,
  designatedCustomerIds: [],
});

/** GW-3 in the domain: API.md "Who may call what" for complaints. */
describe('complaint roles', () => {
  it('lets service, sales and manager work a case, refuses others with 403', () => {
    for (const role of ['service', 'sales', 'manager', 'admin'] as Role[])
      expect(() => requireRole(caller([role]), ComplaintOperations.accept)).not.toThrow();
    for (const role of ['warehouse', 'pos', 'auditor', 'executive'] as Role[]) {
      expect(() => requireRole(caller([role]), ComplaintOperations.accept)).toThrow(expect.objectContaining({ kind: ErrorKind.Forbidden }));
    }
  });

  it('lets managers and executives approve, and every staff role read', () => {
    expect(() => requireRole(caller(['executive']), ComplaintOperations.approve)).not.toThrow();
    expect(() => requireRole(caller(['sales']), ComplaintOperations.approve)).toThrow();
    expect(() => requireRole(caller(['auditor']), ComplaintOperations.get)).not.toThrow();
    expect(() => requireRole(caller(['pos']), ComplaintOperations.get)).toThrow();
  });
});
