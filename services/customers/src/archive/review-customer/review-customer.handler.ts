import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CustomerStatusView, CustomerEventType, REVIEW_OUTCOMES, type ReviewCustomerPayload } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { TEXT_MAX, characterCount, unstorableStringErrors } from '../../common/field-limits';
import { nextReviewDueAt } from '../customer-schedule.policy';
import { assertCanTake } from '../customer-workflow.policy';
import { CustomerException } from '../customer.exception';
import { loadForCommand, touch } from '../customer.loader';
import { requireRole } from '../customer.policy';
import { actorOf, toStatusView } from '../customer.view';
import { recordCustomerEvent } from '../events/customer-lifecycle.event';

/** CUS-8: a manager or archivist re-verifies an active archive; the next review is due 3 months later. */
@Injectable()
export class ReviewCustomerHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  async execute(manager: EntityManager, caller: Caller, input: ReviewCustomerPayload, now = new Date()): Promise<CustomerStatusView> {
    requireRole(caller, 'review');
    const customer = await loadForCommand(manager, input.id);
    assertCanTake('review', customer.status);
    if (!REVIEW_OUTCOMES.includes(input.outcome)) {
      throw CustomerException.invalid('CUS-8', [{ field: 'outcome', message: `outcome must be one of ${REVIEW_OUTCOMES.join(', ')}` }]);
    }
    if (input.notes !== undefined && input.notes !== null && (typeof input.notes !== 'string' || characterCount(input.notes) > TEXT_MAX)) {
      throw CustomerException.invalid('CUS-8', [{ field: 'notes', message: `notes must be at most ${TEXT_MAX} characters` }]);
    }
    const unstorable = unstorableStringErrors(input.notes, 'notes');
    if (unstorable.length) throw CustomerException.invalid('CUS-8', unstorable);

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
