import type { Caller, Role } from '@crm/contracts';
import { LoyaltyOperations } from '@crm/contracts';
import { requireOwnStore, requireRole } from './access.policy';

const key = (roles: Role[], storeId: string | null): Caller => ({
  keyId: 'k',
  name: 'k',
  roles,
  clearance: 'confidential',
  storeId,
  designatedCustomerIds: [],
});

describe('who may act for which store (API.md "Loyalty", GW-3)', () => {
  it('a POS key acts only for its own store (403)', () => {
    expect(() => requireOwnStore(key(['pos'], 'S001'), 'S001')).not.toThrow();
    expect(() => requireOwnStore(key(['pos'], 'S001'), 'S002')).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => requireOwnStore(key(['pos'], null), 'S001')).toThrow(expect.objectContaining({ kind: 'forbidden' }));
  });

  it('staff keys without a store act for every store; a staff key bound to a store only for it', () => {
    expect(() => requireOwnStore(key(['service'], null), 'S002')).not.toThrow();
    expect(() => requireOwnStore(key(['manager'], null), 'S002')).not.toThrow();
    expect(() => requireOwnStore(key(['manager'], 'S001'), 'S002')).toThrow(expect.objectContaining({ kind: 'forbidden' }));
  });

  it('checks the operation table roles in the domain too', () => {
    expect(() => requireRole(key(['pos'], 'S001'), LoyaltyOperations.createReward)).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => requireRole(key(['warehouse'], null), LoyaltyOperations.quote)).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => requireRole(key(['admin'], null), LoyaltyOperations.createReward)).not.toThrow();
  });
});
