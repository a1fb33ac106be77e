import type { EntityManager } from 'typeorm';
import { type CustomerEventData, CustomerEventType } from '@crm/contracts';
import type { OutboxWriter } from '@crm/messaging';
import type { Customer } from '../customer.entity';

/** Every customers event except `destroyed` carries the archive's summary after the change. */
export type CustomerLifecycleEventType = Exclude<CustomerEventType, typeof CustomerEventType.Destroyed>;

/**
 * CUS-10: built field by field from the summary — never by spreading the entity — so no
 * contact, note, survey or credit detail can slip into an event.
 */
export function customerEventData(customer: Customer, changedFields?: string[]): CustomerEventData {
  return {
    customerId: customer.id,
    code: customer.code,
    name: customer.name ?? '',
    type: customer.type,
    status: customer.status,
    grade: customer.grade,
    creditRating: customer.creditRating,
    confidentiality: customer.confidentiality,
    ...(changedFields ? { changedFields } : {}),
  };
}

/** CUS-10 / STYLE rule 5: the event goes to the outbox in the command's own transaction. */
export function recordCustomerEvent(
  outbox: OutboxWriter,
  manager: EntityManager,
  type: CustomerLifecycleEventType,
  customer: Customer,
  changedFields?: string[],
): Promise<unknown> {
  return outbox.record(manager, { type, aggregateId: customer.id, data: customerEventData(customer, changedFields) });
}
