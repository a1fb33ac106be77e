import type { ReturnLineData, ReturnOrderEventData, ReturnOrderView, ReturnReceivedEventData } from '@crm/contracts';
import { cny } from '../common/returns.policy';
import type { ReturnOrder } from './return-order.entity';
import { lineAmountsFen, refundedFen } from './return-order.policy';

/** `GET /returns/{id}` */
export function toReturnView(order: ReturnOrder): ReturnOrderView {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    customerId: order.customerId,
    complaintId: order.complaintId,
    reason: order.reason,
    handling: order.handling,
    defect: order.defect,
    storage: order.storage,
    pickup: order.pickup,
    purchaseRef: order.purchaseRef ? { ...order.purchaseRef } : null,
    lines: order.lines.map((line) => ({
      sku: line.sku,
      batchNo: line.batchNo,
      approvedQuantity: line.approvedQuantity,
      receivedQuantity: line.receivedQuantity,
      acceptedQuantity: line.acceptedQuantity,
      unitPrice: cny(line.unitPriceFen),
      shippedAt: line.shippedAt,
    })),
    value: cny(order.valueFen),
    refunded: cny(refundedFen(order.lines)),
    createdBy: { ...order.createdBy },
    approvedBy: order.approvedBy ? { ...order.approvedBy } : null,
    receipts: order.receipts.map((receipt) => ({
      signedBy: receipt.signedBy,
      receivedAt: receipt.receivedAt,
      lines: receipt.lines.map((l) => ({ ...l })),
    })),
    resolutionNote: order.resolutionNote,
    voucherId: order.voucherId,
    voucherNumber: order.voucherNumber,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    version: order.version,
  };
}

function lineData(order: ReturnOrder): ReturnLineData[] {
  const amounts = lineAmountsFen(order.lines);
  return order.lines.map((line, index) => ({
    sku: line.sku,
    ...(line.batchNo ? { batchNo: line.batchNo } : {}),
    approvedQuantity: line.approvedQuantity,
    receivedQuantity: line.receivedQuantity,
    acceptedQuantity: line.acceptedQuantity,
    unitPrice: cny(line.unitPriceFen),
    amount: cny(amounts[index]),
  }));
}

/** RET-7: `returns.return.requested|approved|discrepancy|reconciled` data, built field by field. */
export function returnEventData(order: ReturnOrder, occurredAt: Date): ReturnOrderEventData {
  return {
    returnId: order.id,
    number: order.number,
    status: order.status,
    customerId: order.customerId,
    complaintId: order.complaintId,
    reason: order.reason,
    handling: order.handling,
    purchaseRef: order.purchaseRef ? { ...order.purchaseRef } : null,
    lines: lineData(order),
    value: cny(order.valueFen),
    refunded: cny(refundedFen(order.lines)),
    approvedBy: order.approvedBy ? { ...order.approvedBy } : null,
    ...(order.resolutionNote !== null ? { resolutionNote: order.resolutionNote } : {}),
    ...(order.voucherId ? { voucherId: order.voucherId, voucherNumber: order.voucherNumber ?? undefined } : {}),
    occurredAt: occurredAt.toISOString(),
  };
}

/** RET-4/LOY-6: `returns.return.received` data — cumulative received quantities and refund. */
export function receivedEventData(order: ReturnOrder, signedBy: string, receivedAt: Date): ReturnReceivedEventData {
  const amounts = lineAmountsFen(order.lines);
  return {
    returnId: order.id,
    number: order.number,
    customerId: order.customerId,
    complaintId: order.complaintId,
    handling: order.handling,
    purchaseRef: order.purchaseRef ? { ...order.purchaseRef } : null,
    lines: order.lines.map((line, index) => ({
      sku: line.sku,
      ...(line.batchNo ? { batchNo: line.batchNo } : {}),
      approvedQuantity: line.approvedQuantity,
      receivedQuantity: line.receivedQuantity,
      unitPrice: cny(line.unitPriceFen),
      refunded: cny(amounts[index]),
    })),
    refunded: cny(refundedFen(order.lines)),
    signedBy,
    receivedAt: receivedAt.toISOString(),
  };
}
