import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CustomerArchive, type CustomerArchiveInput, CustomerEventType, CustomerOperations } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { archiveDueBy, isCreatedLate } from '../customer-schedule.policy';
import { contentOf, validateArchiveInput } from '../customer-content.policy';
import { Customer, clearWorkflowRecord } from '../customer.entity';
import { CustomerException } from '../customer.exception';
import { requireRole } from '../customer.policy';
import { actorOf, toArchive } from '../customer.view';
import { recordCustomerEvent } from '../events/customer-lifecycle.event';

/**
 * CUS-1/CUS-2: creates an archive in status `prospect`. Answers the full archive: it is exactly
 * what the caller has just sent, so nothing is disclosed (CUS-6 does not apply to one's own input).
 */
@Injectable()
export class RegisterCustomerHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  async execute(manager: EntityManager, caller: Caller, input: CustomerArchiveInput, now = new Date()): Promise<CustomerArchive> {
    requireRole(caller, CustomerOperations.register);
    const errors = validateArchiveInput(input, { now });
    if (errors.length) throw CustomerException.invalid('CUS-1', errors);

    const customer = new Customer();
    customer.id = randomUUID();
    customer.code = null;
    customer.type = input.type;
    customer.name = input.name;
    customer.status = 'prospect';
    customer.confidentiality = input.confidentiality ?? 'confidential'; // CUS-6 default level
    customer.grade = null;
    customer.creditRating = null;
    customer.content = contentOf(input);
    // CUS-3: the archive is due 7 days after first contact; archives created later are flagged.
    customer.firstContactAt = input.firstContactAt ? new Date(input.firstContactAt) : null;
    customer.archiveDueBy = customer.firstContactAt ? archiveDueBy(customer.firstContactAt) : null;
    customer.createdLate = isCreatedLate(now, customer.firstContactAt);
    clearWorkflowRecord(customer);
    customer.destructionApprovals = [];
    customer.destroyedAt = null;
    customer.createdBy = actorOf(caller);
    customer.createdAt = now;
    customer.updatedAt = now;
    customer.version = 1;

    await manager.insert(Customer, customer);
    await recordCustomerEvent(this.outbox, manager, CustomerEventType.Registered, customer);
    return toArchive(customer, now);
  }
}
