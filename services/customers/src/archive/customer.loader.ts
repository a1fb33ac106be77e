import type { EntityManager } from 'typeorm';
import { noteErasure } from '@crm/observability';
import { Customer } from './customer.entity';
import { CustomerException, CustomerExceptionCode } from './customer.exception';
import { toTombstone } from './customer.view';

/**
 * CUS-9: a destroyed archive answers 410 with its tombstone, never its old data — and tells the
 * caller again to drop its copies, in case the destroying answer never reached it.
 */
export function goneError(customer: Customer): CustomerException {
  noteErasure(customer.id);
  return new CustomerException(
    CustomerExceptionCode.Destroyed,
    `CUS-9: customer archive ${customer.id} was destroyed`,
    'CUS-9',
    undefined,
    toTombstone(customer),
  );
}

/**
 * Loads an archive for a command, locking its row until the transaction ends, so that version
 * checks (CUS-1), status transitions (CUS-2/8/9) and destruction slots (CUS-9) of concurrent
 * commands on the same archive are decided one after the other.
 */
export async function loadForCommand(manager: EntityManager, id: string): Promise<Customer> {
  const customer = await manager.findOne(Customer, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!customer) throw CustomerException.notFound(id);
  if (customer.status === 'destroyed') throw goneError(customer);
  return customer;
}

/** Common bookkeeping of every change: CUS-1 `version` and `updatedAt`. */
export function touch(customer: Customer, now: Date): void {
  customer.version += 1;
  customer.updatedAt = now;
}
