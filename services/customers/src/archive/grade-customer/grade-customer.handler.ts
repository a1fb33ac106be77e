import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Caller,
  type CustomerStatusView,
  CustomerEventType,
  GRADES,
  type GradeCustomerPayload,
  CustomerOperations,
} from '@crm/contracts';
import type { FieldError } from '@crm/errors';
import { OutboxWriter } from '@crm/messaging';
import { VisitScheduler } from '../../development/visit-scheduler';
import { requireText } from '../customer-content.policy';
import { assertCanTake } from '../customer-workflow.policy';
import { CustomerException } from '../customer.exception';
import { loadForCommand, touch } from '../customer.loader';
import { requireRole } from '../customer.policy';
import { actorOf, toStatusView } from '../customer.view';
import { recordCustomerEvent } from '../events/customer-lifecycle.event';

/** CUS-5: the grade/credit-rating change being asked for, checked in the domain. */
export function gradeInputErrors(input: Pick<GradeCustomerPayload, 'grade' | 'creditRating' | 'reason'>): FieldError[] {
  const errors: FieldError[] = [];
  if (input.grade === undefined && input.creditRating === undefined) {
    errors.push({ field: 'grade', message: 'CUS-5: give a grade, a credit rating, or both' });
  }
  for (const field of ['grade', 'creditRating'] as const) {
    const value = input[field];
    if (value !== undefined && !GRADES.includes(value)) errors.push({ field, message: `${field} must be one of ${GRADES.join(', ')}` });
  }
  return [...errors, ...requireText('reason', input.reason, 'CUS-5')];
}

/** CUS-5: managers set grade and credit rating; every change is kept with who, when, why and the previous values. */
@Injectable()
export class GradeCustomerHandler {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly visits: VisitScheduler,
  ) {}

  async execute(manager: EntityManager, caller: Caller, input: GradeCustomerPayload, now = new Date()): Promise<CustomerStatusView> {
    requireRole(caller, CustomerOperations.grade);
    const customer = await loadForCommand(manager, input.id);
    assertCanTake('grade', customer.status);
    const errors = gradeInputErrors(input);
    if (errors.length) throw CustomerException.invalid('CUS-5', errors);

    const grade = input.grade ?? customer.grade;
    const creditRating = input.creditRating ?? customer.creditRating;
    customer.gradeHistory = [
      ...customer.gradeHistory,
      {
        at: now.toISOString(),
        by: actorOf(caller),
        reason: input.reason,
        grade,
        previousGrade: customer.grade,
        creditRating,
        previousCreditRating: customer.creditRating,
      },
    ];
    customer.grade = grade;
    customer.creditRating = creditRating;
    touch(customer, now);
    await manager.save(customer);
    // DEV-2: the visit interval follows the grade, so the next visit is rescheduled in this transaction.
    await this.visits.regrade(manager, customer, now);
    await recordCustomerEvent(this.outbox, manager, CustomerEventType.Graded, customer);
    return toStatusView(customer, now);
  }
}
