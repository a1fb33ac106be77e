import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CustomerStatusView, CustomerEventType, type ReasonPayload, CustomerOperations } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { requireText } from '../customer-content.policy';
import { assertCanTake } from '../customer-workflow.policy';
import { CustomerException } from '../customer.exception';
import { loadForCommand, touch } from '../customer.loader';
import { requireRole } from '../customer.policy';
import { toStatusView } from '../customer.view';
import { recordCustomerEvent } from '../events/customer-lifecycle.event';

/** CUS-8/CUS-9: an active archive that is no longer in use becomes dormant, the precondition of destruction. */
@Injectable()
export class MarkCustomerDormantHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  async execute(manager: EntityManager, caller: Caller, input: ReasonPayload, now = new Date()): Promise<CustomerStatusView> {
    requireRole(caller, CustomerOperations.markDormant);
    const customer = await loadForCommand(manager, input.id);
    assertCanTake('markDormant', customer.status);
    const errors = requireText('reason', input.reason, 'CUS-8');
    if (errors.length) throw CustomerException.invalid('CUS-8', errors);

    customer.status = 'dormant';
    customer.dormantAt = now;
    customer.dormantReason = input.reason;
    touch(customer, now);
    await manager.save(customer);
    await recordCustomerEvent(this.outbox, manager, CustomerEventType.Dormant, customer);
    return toStatusView(customer, now);
  }
}
