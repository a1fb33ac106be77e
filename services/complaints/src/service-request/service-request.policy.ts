import { type Caller, type Operation, hasAnyRole } from '@crm/contracts';
import { ServiceRequestException } from './service-request.exception';

/**
 * GW-3, checked again in the domain whatever the gateway checked: the roles of the operation table
 * (`admin` may do everything). Refusals name the operation's first rule.
 */
export function requireServiceRole(caller: Caller, operation: Operation): void {
  if (!hasAnyRole(caller, operation.roles)) {
    throw ServiceRequestException.role(operation.rules[0], operation.pattern, [...operation.roles, 'admin']);
  }
}
