import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CustomerStatusView, CustomerEventType, clearanceCovers, CustomerOperations } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { CONTENT_KEYS, type ArchiveFields, validateArchiveInput } from '../customer-content.policy';
import { archiveDueBy, isCreatedLate } from '../customer-schedule.policy';
import { assertCanTake } from '../customer-workflow.policy';
import { CustomerException, CustomerExceptionCode } from '../customer.exception';
import { DevelopmentGate } from '../../development/development-gate';
import { loadForCommand, touch } from '../customer.loader';
import { decideFullRead, requireRole } from '../customer.policy';
import { toStatusView } from '../customer.view';
import type { Customer } from '../customer.entity';
import { recordCustomerEvent } from '../events/customer-lifecycle.event';

export interface UpdateCustomerInput {
  id: string;
  expectedVersion: number;
  changes: ArchiveFields;
}

/**
 * CUS-1: changes archive content under optimistic concurrency — a stale `expectedVersion` is
 * refused (412). Only in the statuses CUS-2 leaves editable (see customer-workflow.policy).
 */
@Injectable()
export class UpdateCustomerHandler {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly development: DevelopmentGate,
  ) {}

  async execute(manager: EntityManager, caller: Caller, input: UpdateCustomerInput, now = new Date()): Promise<CustomerStatusView> {
    requireRole(caller, CustomerOperations.update);
    const customer = await loadForCommand(manager, input.id);
    if (customer.version !== input.expectedVersion) {
      throw new CustomerException(
        CustomerExceptionCode.StaleVersion,
        `CUS-1: the archive is at version ${customer.version}, not ${input.expectedVersion}; read it again and retry`,
        'CUS-1',
      );
    }
    assertCanTake('update', customer.status);
    const changes = input.changes ?? {};
    const errors = validateArchiveInput(changes, { now });
    if (errors.length) throw CustomerException.invalid('CUS-1', errors);
    this.guardDeclassification(caller, customer, changes);
    // DEV-2: the designated visitor is never the owner rep, whichever of the two changes.
    if (changes.ownerRep) await this.development.assertOwnerRepAllowed(manager, customer.id, changes.ownerRep);

    const changed = this.apply(customer, changes);
    // An empty change set changes nothing: no new version, no event. This depends only on the
    // request, never on the stored values (CUS-6/CUS-7, see apply).
    if (changed.length === 0) return toStatusView(customer, now);
    touch(customer, now);
    await manager.save(customer);
    await recordCustomerEvent(this.outbox, manager, CustomerEventType.Updated, customer, changed);
    return toStatusView(customer, now);
  }

  /**
   * CUS-6: lowering an archive's level would let less-cleared keys read it, so only a caller who
   * may read it at its current level may lower it. Raising it needs no clearance.
   */
  private guardDeclassification(caller: Caller, customer: Customer, changes: ArchiveFields): void {
    const level = changes.confidentiality;
    if (!level || clearanceCovers(level, customer.confidentiality)) return;
    const decision = decideFullRead(caller, customer);
    if (!decision.granted) {
      throw new CustomerException(
        CustomerExceptionCode.ClearanceInsufficient,
        `CUS-6: lowering the level of this archive requires reading rights at its current level (${decision.reason})`,
        'CUS-6',
      );
    }
  }

  /**
   * Applies the change set and answers the names of every field in it. CUS-6/CUS-7: a field is a
   * change whether or not it equals the stored value — comparing would turn the version (and the
   * event) into an oracle for content the caller may not read.
   */
  private apply(customer: Customer, changes: ArchiveFields): string[] {
    const submitted = changeSetFields(changes);
    if (changes.type != null) customer.type = changes.type;
    if (changes.name != null) customer.name = changes.name;
    if (changes.confidentiality != null) customer.confidentiality = changes.confidentiality;
    if (changes.firstContactAt !== undefined) {
      const next = changes.firstContactAt === null ? null : new Date(changes.firstContactAt);
      if (customer.firstContactAt !== null) {
        // CUS-3: the deadline is fixed once first contact is known, or the late flag could be edited
        // away. Repeating the recorded instant is harmless (it is in every status view anyway).
        if (next?.getTime() !== customer.firstContactAt.getTime()) {
          throw new CustomerException(
            CustomerExceptionCode.FirstContactFixed,
            'CUS-3: firstContactAt is already recorded and cannot be changed',
            'CUS-3',
          );
        }
      } else {
        customer.firstContactAt = next;
        customer.archiveDueBy = next ? archiveDueBy(next) : null;
        customer.createdLate = isCreatedLate(customer.createdAt, next);
      }
    }
    const content: Record<string, unknown> = { ...(customer.content ?? { contacts: [] }) };
    for (const key of CONTENT_KEYS) {
      const value = (changes as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (value === null) delete content[key];
      else content[key] = JSON.parse(JSON.stringify(value));
    }
    customer.content = content as unknown as Customer['content'];
    return submitted;
  }
}

/** Every archive field an Update may carry, in a fixed order (the order of `changedFields`). */
const UPDATABLE_FIELDS = ['type', 'name', 'confidentiality', 'firstContactAt', ...CONTENT_KEYS] as const;

/**
 * The fields an Update's change set carries (present, `null` included) — decided from the request
 * alone, never from the stored archive.
 */
export function changeSetFields(changes: ArchiveFields): string[] {
  const record = changes as Record<string, unknown>;
  return UPDATABLE_FIELDS.filter((field) => record[field] !== undefined);
}
