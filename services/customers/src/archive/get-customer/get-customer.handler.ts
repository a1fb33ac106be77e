import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CustomerArchive, CustomerOperations, type CustomerTombstone } from '@crm/contracts';
import { AccessRegister } from '../../access-register/access-register';
import { DevelopmentArchiveReader } from '../../development/development-archive.reader';
import { Customer } from '../customer.entity';
import { CustomerException, CustomerExceptionCode } from '../customer.exception';
import { decideFullRead, mayPerform } from '../customer.policy';
import { toArchive, toTombstone } from '../customer.view';

/**
 * A read's result: either the archive, or the refusal to throw once the access entry recording
 * the refusal has committed (CUS-7: refused attempts are recorded too).
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
 * CUS-6/CUS-7: reads a full archive (or, once destroyed, its tombstone). Every attempt on an existing archive is recorded in the
 * borrowing register — granted or denied, with the reason — in the caller's transaction; a denial
 * is returned (not thrown) so the controller can commit the entry before refusing.
 */
@Injectable()
export class GetCustomerHandler {
  constructor(
    private readonly register: AccessRegister,
    private readonly development: DevelopmentArchiveReader,
  ) {}

  async execute(
    manager: EntityManager,
    caller: Caller,
    payload: { id: string; purpose?: string },
    now = new Date(),
  ): Promise<ReadOutcome<CustomerArchive | CustomerTombstone>> {
    const purpose = requirePurpose(payload.purpose);
    const customer = await manager.findOne(Customer, { where: { id: payload.id } });
    const deny = async (refusal: CustomerException, reason: string): Promise<ReadOutcome<CustomerArchive | CustomerTombstone>> => {
      if (customer) await this.register.record(manager, { customerId: customer.id, caller, purpose, outcome: 'denied', reason, at: now });
      return { granted: false, refusal };
    };

    // GW-4: authorization before existence — a role that may not read gets 403 even for unknown ids.
    const read = CustomerOperations.get;
    if (!mayPerform(caller, read)) {
      return deny(
        CustomerException.role(read.rules[0], 'reading a customer archive', [...read.roles, 'admin']),
        'role not allowed to read archives',
      );
    }
    if (!customer) throw CustomerException.notFound(payload.id);
    if (customer.status === 'destroyed') {
      // CUS-9: only the tombstone remains, and it is what a read answers (never the old data);
      // it discloses nothing above the summary, so no clearance is needed.
      await this.register.record(manager, { customerId: customer.id, caller, purpose, outcome: 'granted', at: now });
      return { granted: true, value: toTombstone(customer) };
    }

    const decision = decideFullRead(caller, customer);
    if (!decision.granted) {
      return deny(
        new CustomerException(CustomerExceptionCode.ClearanceInsufficient, `CUS-6: ${decision.reason}`, 'CUS-6'),
        decision.reason,
      );
    }
    await this.register.record(manager, { customerId: customer.id, caller, purpose, outcome: 'granted', at: now });
    return { granted: true, value: toArchive(customer, now, await this.development.read(manager, customer.id)) };
  }
}
