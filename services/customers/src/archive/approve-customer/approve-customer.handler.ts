import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CustomerIdPayload, type CustomerStatusView, CustomerEventType, CustomerOperations } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { nextReviewDueAt } from '../customer-schedule.policy';
import { assertCanTake } from '../customer-workflow.policy';
import { CustomerException, CustomerExceptionCode } from '../customer.exception';
import { loadForCommand, touch } from '../customer.loader';
import { requireRole } from '../customer.policy';
import { actorOf, toStatusView } from '../customer.view';
import { recordCustomerEvent } from '../events/customer-lifecycle.event';
import { allocateCustomerCode } from './customer-code.allocator';

/** CUS-2: a manager approves a pending archive → active; CUS-4 gives it its code. */
@Injectable()
export class ApproveCustomerHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  async execute(manager: EntityManager, caller: Caller, input: CustomerIdPayload, now = new Date()): Promise<CustomerStatusView> {
    requireRole(caller, CustomerOperations.approve);
    const customer = await loadForCommand(manager, input.id);
    assertCanTake('approve', customer.status);
    assertNotOwnSubmission(caller, customer.survey?.submittedBy.keyId);

    // CUS-4: the code is given once and never changes.
    customer.code ??= await allocateCustomerCode(manager, now);
    customer.status = 'active';
    customer.approvedBy = actorOf(caller);
    customer.approvedAt = now;
    customer.nextReviewDueAt = nextReviewDueAt(now); // CUS-8: first review due 3 months after approval
    touch(customer, now);
    await manager.save(customer);
    await recordCustomerEvent(this.outbox, manager, CustomerEventType.Approved, customer);
    return toStatusView(customer, now);
  }
}

/** CUS-2 (four-eyes): the key that submitted an archive may not approve it. */
export function assertNotOwnSubmission(caller: Caller, submitterKeyId: string | undefined): void {
  if (submitterKeyId !== undefined && submitterKeyId === caller.keyId) {
    throw new CustomerException(CustomerExceptionCode.SelfApproval, 'CUS-2: the key that submitted an archive may not approve it', 'CUS-2');
  }
}
