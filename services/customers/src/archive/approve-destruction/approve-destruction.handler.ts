import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CustomerIdPayload, type CustomerStatusView, type CustomerTombstone, CustomerOperations } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { noteErasure } from '@crm/observability';
import { DevelopmentErasure } from '../../development/development-erasure';
import { assertCanTake } from '../customer-workflow.policy';
import { loadForCommand, touch } from '../customer.loader';
import { requireRole } from '../customer.policy';
import { actorOf, toStatusView, toTombstone } from '../customer.view';
import { chooseDestructionSlot, eraseArchive, isDestructionApproved } from '../destruction.policy';
import { recordCustomerDestroyed } from '../events/customer-destroyed.event';

/**
 * CUS-9: records one officer's approval to destroy a dormant archive; the third distinct approval
 * destroys it in the same transaction and answers the tombstone.
 */
@Injectable()
export class ApproveDestructionHandler {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly development: DevelopmentErasure,
  ) {}

  async execute(
    manager: EntityManager,
    caller: Caller,
    input: CustomerIdPayload,
    now = new Date(),
  ): Promise<CustomerStatusView | CustomerTombstone> {
    requireRole(caller, CustomerOperations.approveDestruction);
    const customer = await loadForCommand(manager, input.id);
    assertCanTake('approveDestruction', customer.status);
    const role = chooseDestructionSlot(caller, customer.destructionApprovals);
    customer.destructionApprovals = [...customer.destructionApprovals, { role, by: actorOf(caller), at: now.toISOString() }];
    touch(customer, now);

    if (!isDestructionApproved(customer.destructionApprovals)) {
      await manager.save(customer);
      return toStatusView(customer, now);
    }
    eraseArchive(customer, now);
    await manager.save(customer);
    // CUS-9: visit reports, investigations and sales figures are the archive's business data too.
    await this.development.erase(manager, customer.id);
    // CUS-9: events already written for this archive carry its name; take it out of the stored
    // envelopes too (published or not), so the service keeps no copy of the erased data.
    await manager.query(`UPDATE outbox_messages SET envelope = envelope #- '{data,name}' WHERE aggregate_id = $1`, [customer.id]);
    await recordCustomerDestroyed(this.outbox, manager, customer);
    // The gateway's idempotent replays of earlier answers hold the erased content too.
    noteErasure(customer.id);
    return toTombstone(customer);
  }
}
