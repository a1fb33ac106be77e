import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CreateReturnBody, ReturnOperations, type ReturnOrderView } from '@crm/contracts';
import { actorOf, requireRole } from '../../common/returns.policy';
import { isKnownReturnComplaint } from '../../complaint-handoff/known-complaints.store';
import { toReturnView } from '../return-order.view';
import { ReturnOrderCreator } from './return-order.creator';

/**
 * RET-1 direct creation by sales (or service). RET-2 "through a complaint": the named complaint must
 * be one this service saw approved for this customer with a return, reprocess or exchange
 * (known_complaints, fed by `complaints.complaint.approved`).
 */
@Injectable()
export class CreateReturnHandler {
  constructor(private readonly creator: ReturnOrderCreator) {}

  async execute(manager: EntityManager, caller: Caller, input: CreateReturnBody, now = new Date()): Promise<ReturnOrderView> {
    requireRole(caller, ReturnOperations.create);
    const viaComplaint = input.complaintId ? await isKnownReturnComplaint(manager, input.complaintId, input.customerId) : false;
    const order = await this.creator.create(manager, input, { createdBy: actorOf(caller), viaComplaint, sourceEventId: null }, now);
    return toReturnView(order);
  }
}
