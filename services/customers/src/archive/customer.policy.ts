import { type Caller, type ConfidentialityLevel, type ServiceQuery, clearanceCovers, hasAnyRole } from '@crm/contracts';
import { CustomerException } from './customer.exception';

/**
 * GW-3, checked again in the domain whatever the gateway checked: the roles of the operation
 * table in libs/contracts (`admin` may do everything). Refusals name the operation's first rule.
 */
export function mayPerform(caller: Caller, operation: ServiceQuery): boolean {
  return hasAnyRole(caller, operation.roles);
}

export function requireRole(caller: Caller, operation: ServiceQuery): void {
  if (!mayPerform(caller, operation)) throw CustomerException.role(operation.rules[0], operation.pattern, [...operation.roles, 'admin']);
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
