import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CustomerStatusView, CustomerEventType, type SubmitCustomerPayload, CustomerOperations } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { DevelopmentGate } from '../../development/development-gate';
import { requireText } from '../customer-content.policy';
import { assertCanTake } from '../customer-workflow.policy';
import { CustomerException } from '../customer.exception';
import { loadForCommand, touch } from '../customer.loader';
import { requireRole } from '../customer.policy';
import { actorOf, toStatusView } from '../customer.view';
import { recordCustomerEvent } from '../events/customer-lifecycle.event';

/** CUS-2: prospect (or rejected, for a resubmission) → pending_approval, with both surveys. */
@Injectable()
export class SubmitCustomerHandler {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly development: DevelopmentGate,
  ) {}

  async execute(manager: EntityManager, caller: Caller, input: SubmitCustomerPayload, now = new Date()): Promise<CustomerStatusView> {
    requireRole(caller, CustomerOperations.submit);
    const customer = await loadForCommand(manager, input.id);
    assertCanTake('submit', customer.status);
    const errors = [
      ...requireText('generalSurvey', input.generalSurvey, 'CUS-2'),
      ...requireText('fieldSurvey', input.fieldSurvey, 'CUS-2'),
    ];
    if (errors.length) throw CustomerException.invalid('CUS-2', errors);
    // DEV-1: a halted prospect is not submitted until a manager resumes it (read under the archive's row lock).
    await this.development.assertSubmittable(manager, customer.id);

    customer.survey = {
      generalSurvey: input.generalSurvey,
      fieldSurvey: input.fieldSurvey,
      submittedAt: now.toISOString(),
      submittedBy: actorOf(caller),
    };
    customer.status = 'pending_approval';
    touch(customer, now);
    await manager.save(customer);
    await recordCustomerEvent(this.outbox, manager, CustomerEventType.Submitted, customer);
    return toStatusView(customer, now);
  }
}
