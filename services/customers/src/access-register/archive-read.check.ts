import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller, ServiceQuery } from '@crm/contracts';
import { AccessRegister } from './access-register';
import { Customer } from '../archive/customer.entity';
import { CustomerException, CustomerExceptionCode } from '../archive/customer.exception';
import { decideFullRead, mayPerform } from '../archive/customer.policy';

/**
 * A read's result: either the value, or the refusal to throw once the access entry recording the
 * refusal has committed (CUS-7: refused attempts are recorded too).
 */
export type ReadOutcome<T> = { granted: true; value: T } | { granted: false; refusal: CustomerException };

/** CUS-7: the purpose of a read is mandatory; blank counts as missing. */
export function requirePurpose(purpose: string | undefined): string {
  if (typeof purpose !== 'string' || purpose.trim() === '') {
    throw new CustomerException(
      CustomerExceptionCode.PurposeRequired,
      'CUS-7: reading a full customer archive requires a purpose (X-Access-Purpose)',
      'CUS-7',
      [{ field: 'purpose', message: 'purpose is required' }],
    );
  }
  return purpose;
}

/**
 * CUS-6/CUS-7, one procedure for every read of archive content (the archive itself, its visit
 * reports): purpose required; authorization before existence (GW-4: a role that may not read gets
 * 403 even for unknown ids); clearance by level and designation; and every attempt on an existing
 * archive recorded in the borrowing register — granted or denied, with the reason — in the
 * caller's transaction. A denial is returned, not thrown, so the entry commits first. A destroyed
 * archive is granted (CUS-9: only its tombstone remains, which needs no clearance).
 */
@Injectable()
export class ArchiveReadCheck {
  constructor(private readonly register: AccessRegister) {}

  async check(
    manager: EntityManager,
    caller: Caller,
    payload: { id: string; purpose?: string },
    operation: ServiceQuery,
    what: string,
    now: Date,
  ): Promise<ReadOutcome<Customer>> {
    const purpose = requirePurpose(payload.purpose);
    const customer = await manager.findOne(Customer, { where: { id: payload.id } });
    const deny = async (refusal: CustomerException, reason: string): Promise<ReadOutcome<Customer>> => {
      if (customer) await this.register.record(manager, { customerId: customer.id, caller, purpose, outcome: 'denied', reason, at: now });
      return { granted: false, refusal };
    };
    if (!mayPerform(caller, operation)) {
      return deny(
        CustomerException.role(operation.rules[0], `reading ${what}`, [...operation.roles, 'admin']),
        `role not allowed to read ${what}`,
      );
    }
    if (!customer) throw CustomerException.notFound(payload.id);
    if (customer.status !== 'destroyed') {
      const decision = decideFullRead(caller, customer);
      if (!decision.granted) {
        return deny(
          new CustomerException(CustomerExceptionCode.ClearanceInsufficient, `CUS-6: ${decision.reason}`, 'CUS-6'),
          decision.reason,
        );
      }
    }
    await this.register.record(manager, { customerId: customer.id, caller, purpose, outcome: 'granted', at: now });
    return { granted: true, value: customer };
  }
}
