import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CustomerStatusView, CustomerEventType, type ReviewCustomerPayload, CustomerOperations } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { nextReviewDueAt } from '../customer-schedule.policy';
import { assertCanTake } from '../customer-workflow.policy';
import { loadForCommand, touch } from '../customer.loader';
import { requireRole } from '../customer.policy';
import { actorOf, toStatusView } from '../customer.view';
import { recordCustomerEvent } from '../events/customer-lifecycle.event';

/** CUS-8: a manager or archivist re-verifies an active archive; the next review is due 3 months later. */
@Injectable()
export class ReviewCustomerHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  async execute(manager: EntityManager, caller: Caller, input: ReviewCustomerPayload, now = new Date()): Promise<CustomerStatusView> {
    requireRole(caller, CustomerOperations.review);
    const customer = await loadForCommand(manager, input.id);
    assertCanTake('review', customer.status);
    customer.reviews = [
      ...customer.reviews,
      { at: now.toISOString(), by: actorOf(caller), outcome: input.outcome, notes: input.notes ?? null },
    ];
    customer.lastReviewedAt = now;
    customer.nextReviewDueAt = nextReviewDueAt(now);
    touch(customer, now);
    await manager.save(customer);
    await recordCustomerEvent(this.outbox, manager, CustomerEventType.Reviewed, customer);
    return toStatusView(customer, now);
  }
}
