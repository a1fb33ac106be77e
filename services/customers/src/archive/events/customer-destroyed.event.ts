import type { EntityManager } from 'typeorm';
import { type CustomerDestroyedEventData, CustomerEventType } from '@crm/contracts';
import type { OutboxWriter } from '@crm/messaging';
import type { Customer } from '../customer.entity';

/** CUS-9/CUS-10: the tombstone only — no name, nothing of the erased content. */
export function customerDestroyedEventData(customer: Customer): CustomerDestroyedEventData {
  return {
    customerId: customer.id,
    code: customer.code,
    destroyedAt: (customer.destroyedAt ?? new Date()).toISOString(),
    approvers: customer.destructionApprovals.map((approval) => ({ role: approval.role, keyId: approval.by.keyId, at: approval.at })),
  };
}

export function recordCustomerDestroyed(outbox: OutboxWriter, manager: EntityManager, customer: Customer): Promise<unknown> {
  return outbox.record(manager, {
    type: CustomerEventType.Destroyed,
    aggregateId: customer.id,
    data: customerDestroyedEventData(customer),
  });
}
