import type { Caller } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { assertNotOwnSubmission } from './approve-customer.handler';

const manager: Caller = { keyId: 'm-1', name: 'm', roles: ['manager'], clearance: 'secret', storeId: null, designatedCustomerIds: [] };

/** CUS-2: the key that submitted may not approve its own submission. */
describe('assertNotOwnSubmission', () => {
  it('refuses the submitter', () => {
    expect(() => assertNotOwnSubmission(manager, 'm-1')).toThrow(expect.objectContaining({ kind: ErrorKind.Forbidden, rule: 'CUS-2' }));
  });

  it('allows another key', () => {
    expect(() => assertNotOwnSubmission(manager, 'm-2')).not.toThrow();
    expect(() => assertNotOwnSubmission(manager, undefined)).not.toThrow();
  });
});
