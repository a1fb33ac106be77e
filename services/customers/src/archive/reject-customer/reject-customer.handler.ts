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

/** CUS-2: a manager rejects a pending archive with a reason → rejected (it may be resubmitted). */
@Injectable()
export class RejectCustomerHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  async execute(manager: EntityManager, caller: Caller, input: ReasonPayload, now = new Date()): Promise<CustomerStatusView> {
    requireRole(caller, CustomerOperations.reject);
    const customer = await loadForCommand(manager, input.id);
    assertCanTake('reject', customer.status);
    const errors = requireText('reason', input.reason, 'CUS-2');
    if (errors.length) throw CustomerException.invalid('CUS-2', errors);

    customer.status = 'rejected';
    customer.rejectionReason = input.reason;
    touch(customer, now);
    await manager.save(customer);
    await recordCustomerEvent(this.outbox, manager, CustomerEventType.Rejected, customer);
    return toStatusView(customer, now);
  }
}
