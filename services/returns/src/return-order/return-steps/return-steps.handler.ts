import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Caller,
  type ReceiveReturnPayload,
  type ResolveDiscrepancyPayload,
  ReturnEventType,
  type ReturnIdPayload,
  ReturnOperations,
  type ReturnOrderView,
} from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { RETURNS_SETTINGS } from '../../common/returns-settings';
import { actorOf, assertMayApprove, cny, requireRole } from '../../common/returns.policy';
import type { ReturnsSettings } from '../../returns.config';
import { VoucherPoster } from '../../voucher/voucher.poster';
import { loadReturnForCommand, touch } from '../return-order.loader';
import { applyReceipt, applyResolution, assertStatus, bookedAmounts, discrepantLines } from '../return-order.policy';
import { receivedEventData, returnEventData, toReturnView as toView } from '../return-order.view';
import { ReturnOrder } from '../return-order.entity';

/** RET-3..RET-5: the steps of a return order, each under its row lock, each publishing its event. */
@Injectable()
export class ReturnStepsHandler {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly vouchers: VoucherPoster,
    @Inject(RETURNS_SETTINGS) private readonly settings: ReturnsSettings,
  ) {}

  /** RET-3: a manager up to the CMP-8 threshold, an executive above; never the creator. */
  async approve(manager: EntityManager, caller: Caller, input: ReturnIdPayload, now = new Date()): Promise<ReturnOrderView> {
    requireRole(caller, ReturnOperations.approve);
    const order = await loadReturnForCommand(manager, input.id);
    assertStatus(order, 'RET-3', 'approval', ['requested']);
    assertMayApprove(caller, { value: cny(order.valueFen), createdBy: order.createdBy }, this.settings.managerApprovalLimitFen);
    order.status = 'approved';
    order.approvedBy = actorOf(caller);
    return this.save(manager, order, ReturnEventType.ReturnApproved, now);
  }

  /** RET-4: the warehouse records the quantities received per line and signs; partial receipts add up. */
  async receive(manager: EntityManager, caller: Caller, input: ReceiveReturnPayload, now = new Date()): Promise<ReturnOrderView> {
    requireRole(caller, ReturnOperations.receive);
    const order = await loadReturnForCommand(manager, input.id);
    applyReceipt(order, input.lines);
    order.receipts = [
      ...order.receipts,
      {
        signedBy: input.signedBy,
        receivedAt: now.toISOString(),
        by: actorOf(caller),
        lines: input.lines.map((l) => ({ sku: l.sku, receivedQuantity: l.receivedQuantity })),
      },
    ];
    touch(order, now);
    await manager.save(ReturnOrder, order);
    await this.outbox.record(manager, {
      type: ReturnEventType.ReturnReceived,
      aggregateId: order.id,
      data: receivedEventData(order, input.signedBy, now),
      occurredAt: now,
    });
    return toView(order);
  }

  /** RET-5: approved = received on every line → voucher and `reconciled`; otherwise `discrepancy`, no voucher. */
  async reconcile(manager: EntityManager, caller: Caller, input: ReturnIdPayload, now = new Date()): Promise<ReturnOrderView> {
    requireRole(caller, ReturnOperations.reconcile);
    const order = await loadReturnForCommand(manager, input.id);
    assertStatus(order, 'RET-5', 'reconciliation', ['received']);
    if (discrepantLines(order).length) {
      order.status = 'discrepancy';
      return this.save(manager, order, ReturnEventType.ReturnDiscrepancy, now);
    }
    return this.postVoucher(manager, order, now);
  }

  /** RET-5: finance resolves a discrepancy with accepted quantities and a note; the voucher books them. */
  async resolveDiscrepancy(
    manager: EntityManager,
    caller: Caller,
    input: ResolveDiscrepancyPayload,
    now = new Date(),
  ): Promise<ReturnOrderView> {
    requireRole(caller, ReturnOperations.resolveDiscrepancy);
    const order = await loadReturnForCommand(manager, input.id);
    applyResolution(order, input.lines, input.note);
    return this.postVoucher(manager, order, now);
  }

  private async postVoucher(manager: EntityManager, order: ReturnOrder, now: Date): Promise<ReturnOrderView> {
    const voucher = await this.vouchers.post(
      manager,
      {
        type: 'return',
        id: order.id,
        number: order.number,
        customerId: order.customerId,
        complaintId: order.complaintId,
        purchaseRef: order.purchaseRef,
      },
      bookedAmounts(order),
      now,
    );
    order.status = 'reconciled';
    order.voucherId = voucher.id;
    order.voucherNumber = voucher.number;
    return this.save(manager, order, ReturnEventType.ReturnReconciled, now);
  }

  private async save(
    manager: EntityManager,
    order: ReturnOrder,
    type: typeof ReturnEventType.ReturnApproved | typeof ReturnEventType.ReturnDiscrepancy | typeof ReturnEventType.ReturnReconciled,
    now: Date,
  ): Promise<ReturnOrderView> {
    touch(order, now);
    await manager.save(ReturnOrder, order);
    await this.outbox.record(manager, { type, aggregateId: order.id, data: returnEventData(order, now), occurredAt: now });
    return toView(order);
  }
}
