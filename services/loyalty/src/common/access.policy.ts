import { type Caller, type Operation, hasAnyRole } from '@crm/contracts';
import { LoyaltyException, LoyaltyExceptionCode } from './loyalty.exception';

/**
 * GW-3, checked again in the domain whatever the gateway checked: the roles of the operation table
 * in libs/contracts (`admin` may do everything).
 */
export function requireRole(caller: Caller, operation: Operation): void {
  if (!hasAnyRole(caller, operation.roles)) {
    throw new LoyaltyException(
      LoyaltyExceptionCode.RoleRequired,
      `${operation.pattern} requires one of the roles ${[...operation.roles, 'admin'].join(', ')}`,
      operation.rules[0],
    );
  }
}

/**
 * API.md "Loyalty": POS keys may send only requests whose `storeId` is their own store. A key bound
 * to a store acts only for it; a till key (role `pos` and no other admitted role) without a store
 * acts for none. Staff keys (`service`, `manager`, `admin`) without a store act for every store.
 */
export function requireOwnStore(caller: Caller, storeId: string): void {
  const tillOnly = !hasAnyRole(caller, ['service', 'manager']);
  if ((caller.storeId !== null && caller.storeId !== storeId) || (caller.storeId === null && tillOnly)) {
    throw new LoyaltyException(LoyaltyExceptionCode.OtherStore, 'A POS key acts only for its own store', 'LOY-4');
  }
}
