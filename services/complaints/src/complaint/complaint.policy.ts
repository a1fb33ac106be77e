import { type Caller, type Operation, hasAnyRole } from '@crm/contracts';
import { ComplaintException } from './complaint.exception';

/**
 * GW-3, checked again in the domain whatever the gateway checked: the roles of the operation table
 * in libs/contracts (`admin` may do everything). Refusals name the operation's first rule.
 */
export function requireRole(caller: Caller, operation: Operation): void {
  if (!hasAnyRole(caller, operation.roles)) {
    throw ComplaintException.role(operation.rules[0], operation.pattern, [...operation.roles, 'admin']);
  }
}
