import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { businessDate, dayNumberOf, instantOfBusinessDay } from '@crm/calendar';
import { type CreateReturnBody, ReturnEventType } from '@crm/contracts';
import type { FieldError } from '@crm/errors';
import { OutboxWriter } from '@crm/messaging';
import { CustomerStatusGate } from '@crm/service-kit';
import { RETURN_NUMBERS, allocateNumber } from '../../common/document-numbers.policy';
import { ReturnsException } from '../../common/returns.exception';
import { type ActorRecord, assertCny } from '../../common/returns.policy';
import { FranchiseTerms } from '../franchise-terms.entity';
import { type FranchiseLimit, assertEligible } from '../return-eligibility.policy';
import { ReturnOrder } from '../return-order.entity';
import { duplicateSkus, orderValueFen } from '../return-order.policy';
import { returnEventData } from '../return-order.view';

export interface ReturnOrigin {
  createdBy: ActorRecord;
  /** RET-2 "through a complaint whose findings put the fault on us" (CMP-10). */
  viaComplaint: boolean;
  /** The `complaints.complaint.approved` event it comes from (unique), for hand-offs. */
  sourceEventId: string | null;
}

/** RET-1: what a class cannot express — each SKU once, every amount in CNY, a reason that is not blank. */
export function validateReturnInput(input: CreateReturnBody): void {
  const errors: FieldError[] = [];
  if (!input.reason.trim()) errors.push({ field: 'reason', message: 'RET-1: reason must not be blank' });
  if (!input.lines.length) errors.push({ field: 'lines', message: 'RET-1: a return order has at least one line' });
  for (const sku of duplicateSkus(input.lines)) errors.push({ field: 'lines', message: `RET-1: ${sku} is on more than one line` });
  if (errors.length) throw ReturnsException.invalid('RET-1', errors);
  input.lines.forEach((line, index) => assertCny('RET-1', `lines[${index}].unitPrice.currency`, line.unitPrice));
}

/**
 * RET-1/RET-2/CUS-2: creates a return order `requested` — for sales directly and for a complaint's
 * hand-off alike — in the caller's transaction: the customer must be active (first), the order
 * eligible (RET-2, in order), then the number (last: its counter row stays locked) and
 * `returns.return.requested` through the outbox.
 */
@Injectable()
export class ReturnOrderCreator {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly customerStatus: CustomerStatusGate,
  ) {}

  async create(manager: EntityManager, input: CreateReturnBody, origin: ReturnOrigin, now: Date): Promise<ReturnOrder> {
    await this.customerStatus.check(manager, input.customerId); // CUS-2
    validateReturnInput(input);
    const lines = input.lines.map((line) => ({
      sku: line.sku,
      batchNo: line.batchNo ?? null,
      approvedQuantity: line.quantity,
      receivedQuantity: 0,
      acceptedQuantity: null,
      unitPriceFen: line.unitPrice.amount,
      shippedAt: line.shippedAt ? new Date(line.shippedAt).toISOString() : null,
    }));
    const valueFen = orderValueFen(lines);
    const defect = input.defect ?? 'none';
    const storage = input.storage ?? 'proper';
    const pickup = input.pickup ?? 'delivered';
    // RET-2, in the SPEC's order (return-eligibility.policy.ts).
    assertEligible({
      handling: input.handling,
      defect,
      storage,
      pickup,
      lines: lines.map((line) => ({ sku: line.sku, shippedAt: line.shippedAt ? new Date(line.shippedAt) : null })),
      valueFen,
      viaComplaint: origin.viaComplaint,
      franchise: await franchiseLimit(manager, input.customerId, now),
      now,
    });
    const order = Object.assign(new ReturnOrder(), {
      id: randomUUID(),
      number: await allocateNumber(manager, RETURN_NUMBERS, 'RET-1', now),
      status: 'requested' as const,
      customerId: input.customerId,
      complaintId: input.complaintId ?? null,
      sourceEventId: origin.sourceEventId,
      reason: input.reason,
      handling: input.handling,
      defect,
      storage,
      pickup,
      purchaseRef: input.purchaseRef ? { storeId: input.purchaseRef.storeId, transactionId: input.purchaseRef.transactionId } : null,
      lines,
      valueFen,
      createdBy: origin.createdBy,
      approvedBy: null,
      receipts: [],
      resolutionNote: null,
      voucherId: null,
      voucherNumber: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await manager.insert(ReturnOrder, order);
    await this.outbox.record(manager, {
      type: ReturnEventType.ReturnRequested,
      aggregateId: order.id,
      data: returnEventData(order, now),
      occurredAt: now,
    });
    return order;
  }
}

/**
 * RET-2 franchise ratio: the customer's terms when they cover today's Asia/Shanghai date, with the
 * value of its return orders created in the period so far. The terms row is locked, so two orders of
 * the same customer are checked one after the other.
 */
async function franchiseLimit(manager: EntityManager, customerId: string, now: Date): Promise<FranchiseLimit | null> {
  const terms = await manager.findOne(FranchiseTerms, { where: { customerId }, lock: { mode: 'pessimistic_write' } });
  const today = businessDate(now);
  if (!terms || today < terms.periodFrom || today > terms.periodTo) return null;
  const from = instantOfBusinessDay(dayNumberOf(terms.periodFrom));
  const to = instantOfBusinessDay(dayNumberOf(terms.periodTo) + 1);
  const [row] = await manager.query<{ total: string }[]>(
    'SELECT coalesce(sum(value_fen), 0)::text AS total FROM return_orders WHERE customer_id = $1 AND created_at >= $2 AND created_at < $3',
    [customerId, from, to],
  );
  return {
    returnRatioBasisPoints: terms.returnRatioBasisPoints,
    periodPurchasesFen: terms.periodPurchasesFen,
    alreadyReturnedFen: Number(row.total),
  };
}
