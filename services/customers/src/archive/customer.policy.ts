import { type Caller, type ConfidentialityLevel, ROLES, type Role, clearanceCovers, hasAnyRole } from '@crm/contracts';
import { CustomerException, CustomerExceptionCode } from './customer.exception';

/**
 * CUS-6: "everyone with a staff role" — every role except `pos` (store tills act for a store,
 * not for a member of staff).
 */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'pos');

/**
 * Who may do what (API.md "Who may call what"); `admin` may do everything (hasAnyRole). Checked
 * here, in the domain, whatever the gateway already checked.
 */
export const CUSTOMER_PERMISSIONS = {
  register: { roles: ['sales', 'manager'], rule: 'CUS-2' },
  update: { roles: ['sales', 'manager'], rule: 'CUS-1' },
  submit: { roles: ['sales', 'manager'], rule: 'CUS-2' },
  approve: { roles: ['manager'], rule: 'CUS-2' },
  reject: { roles: ['manager'], rule: 'CUS-2' },
  grade: { roles: ['manager'], rule: 'CUS-5' },
  list: { roles: STAFF_ROLES, rule: 'CUS-6' },
  read: { roles: STAFF_ROLES, rule: 'CUS-6' },
  review: { roles: ['manager', 'archivist'], rule: 'CUS-8' },
  markDormant: { roles: ['manager', 'archivist'], rule: 'CUS-8' },
  approveDestruction: { roles: ['archivist', 'manager', 'executive'], rule: 'CUS-9' },
  readAccessLog: { roles: ['auditor'], rule: 'CUS-7' },
} as const satisfies Record<string, { roles: readonly Role[]; rule: string }>;

export type CustomerAction = keyof typeof CUSTOMER_PERMISSIONS;

/** RPC commands from the gateway always carry the caller; without one nobody is accountable. */
export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new CustomerException(CustomerExceptionCode.CallerRequired, 'The request carries no authenticated caller');
  return caller;
}

export function mayPerform(caller: Caller, action: CustomerAction): boolean {
  return hasAnyRole(caller, CUSTOMER_PERMISSIONS[action].roles);
}

export function requireRole(caller: Caller, action: CustomerAction): void {
  const { roles, rule } = CUSTOMER_PERMISSIONS[action];
  if (!hasAnyRole(caller, roles)) throw CustomerException.role(rule, action, [...roles, 'admin']);
}

export type ReadDecision = { granted: true } | { granted: false; reason: string };

/**
 * CUS-6: the full archive only with clearance ≥ its level; `top_secret` only with clearance
 * `top_secret` or a key designated for that very archive. A designation is an explicit grant for
 * one archive, so it also opens that archive when its level is lower. Roles (even `admin`) never
 * replace clearance.
 */
export function decideFullRead(caller: Caller, archive: { id: string; confidentiality: ConfidentialityLevel }): ReadDecision {
  if (caller.designatedCustomerIds?.includes(archive.id)) return { granted: true };
  if (archive.confidentiality === 'top_secret' && caller.clearance !== 'top_secret') {
    return { granted: false, reason: 'top_secret archive: requires clearance top_secret or a key designated for this archive' };
  }
  if (!clearanceCovers(caller.clearance, archive.confidentiality)) {
    return { granted: false, reason: `clearance ${caller.clearance} is below the archive's level ${archive.confidentiality}` };
  }
  return { granted: true };
}
