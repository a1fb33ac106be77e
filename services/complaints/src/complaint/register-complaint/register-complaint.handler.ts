import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type ComplaintView, ComplaintEventType, ComplaintOperations, type RegisterComplaintBody } from '@crm/contracts';
import type { FieldError } from '@crm/errors';
import { OutboxWriter } from '@crm/messaging';
import { CustomerStatusGate } from '@crm/service-kit';
import { customerToCheck } from '../complaint-customer.policy';
import { ComplaintDeadlines } from '../complaint-deadlines.policy';
import { Complaint } from '../complaint.entity';
import { ComplaintException, ComplaintExceptionCode } from '../complaint.exception';
import { createComplaint } from '../complaint.factory';
import { allocateComplaintNumber } from '../complaint-number.policy';
import { requireRole } from '../complaint.policy';
import { COMPLAINT_SETTINGS, type ComplaintSettings } from '../complaint-settings';
import { toView } from '../complaint.view';
import { recordComplaintEvent } from '../events/complaint.event';

/**
 * CMP-1: what a class cannot express — the complainant is named with a phone unless anonymous,
 * the defective quantity is within the quantity, the event is not in the future.
 */
export function validateRegistration(input: RegisterComplaintBody, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const { complainant } = input;
  if (!complainant.anonymous) {
    if (!complainant.name?.trim())
      errors.push({ field: 'complainant.name', message: 'CMP-1: a complainant who is not anonymous gives a name' });
    if (!complainant.phone) errors.push({ field: 'complainant.phone', message: 'CMP-1: a complainant who is not anonymous gives a phone' });
  }
  if (!input.subject.trim()) errors.push({ field: 'subject', message: 'subject must not be blank' });
  if (input.product && input.product.defectiveQuantity > input.product.quantity) {
    errors.push({ field: 'product.defectiveQuantity', message: 'CMP-1: the defective quantity cannot exceed the quantity' });
  }
  if (input.occurredAt && new Date(input.occurredAt).getTime() > now.getTime()) {
    errors.push({ field: 'occurredAt', message: 'occurredAt cannot be in the future' });
  }
  return errors;
}

/**
 * CMP-1/CMP-2: registers a record with its number and every CMP-9 due time. CMP-3: a late service
 * complaint is answered 201 `rejected` with its `invalidReason`. CMP-4: `major` publishes the
 * escalation at once. CUS-2: a complaint tied to an order needs an active customer.
 */
@Injectable()
export class RegisterComplaintHandler {
  private readonly deadlines: ComplaintDeadlines;

  constructor(
    private readonly outbox: OutboxWriter,
    private readonly customerStatus: CustomerStatusGate,
    @Inject(COMPLAINT_SETTINGS) settings: ComplaintSettings,
  ) {
    this.deadlines = new ComplaintDeadlines(settings);
  }

  async execute(manager: EntityManager, caller: Caller, input: RegisterComplaintBody, now = new Date()): Promise<ComplaintView> {
    requireRole(caller, ComplaintOperations.register);
    const errors = validateRegistration(input, now);
    if (errors.length) {
      throw new ComplaintException(ComplaintExceptionCode.InvalidInput, errors.map((error) => error.message).join('; '), 'CMP-1', errors);
    }
    const customerId = customerToCheck(input);
    if (customerId) await this.customerStatus.check(manager, customerId); // CUS-2
    const number = await allocateComplaintNumber(manager, now);
    const complaint = createComplaint(
      {
        kind: input.kind,
        channel: input.channel,
        category: input.category,
        severity: input.severity ?? null,
        customerId: input.customerId ?? null,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
        details: {
          complainant: { ...input.complainant },
          subject: input.subject,
          description: input.description,
          demand: input.demand ?? null,
          product: input.product ? { ...input.product } : null,
        },
        supersedes: null,
      },
      caller,
      now,
      this.deadlines,
      number,
    );
    await manager.insert(Complaint, complaint);
    await recordRegistration(this.outbox, manager, complaint);
    return toView(complaint, now);
  }
}

/** The events of a new record: registered, then rejected (CMP-3) or escalated (CMP-4) when so. */
export async function recordRegistration(outbox: OutboxWriter, manager: EntityManager, complaint: Complaint): Promise<void> {
  await recordComplaintEvent(outbox, manager, ComplaintEventType.Registered, complaint);
  if (complaint.status === 'rejected') {
    await recordComplaintEvent(outbox, manager, ComplaintEventType.Rejected, complaint, { malicious: false });
  }
  if (complaint.escalatedTo) {
    await recordComplaintEvent(outbox, manager, ComplaintEventType.Escalated, complaint, { escalatedTo: complaint.escalatedTo });
  }
}
