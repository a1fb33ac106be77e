import type { ComplaintHandOffData } from '@crm/contracts';
import type { Complaint } from './complaint.entity';

/**
 * CMP-10: a rejected complaint about an unpaid order (`product.orderPaid: false`) notes that the
 * receivables must be collected as normal — the rejection gives the customer no reason to withhold
 * payment. Null for every other record.
 */
export function receivablesNoteOf(complaint: Pick<Complaint, 'status' | 'details'>): string | null {
  const product = complaint.details.product;
  if (complaint.status !== 'rejected' || !product || product.orderPaid !== false) return null;
  return `CMP-10: order ${product.orderNo} is unpaid and this complaint was rejected; its receivables are collected as normal.`;
}

/**
 * CMP-10: approving a `discount`/`compensation` resolution hands a credit note to returns (RET-6);
 * `return`/`reprocess`/`exchange` a return order (RET-1). An explanation hands off nothing. Built
 * field by field from the approved proposal.
 */
export function handOffOf(complaint: Pick<Complaint, 'customerId' | 'proposal' | 'details'>): ComplaintHandOffData | null {
  const proposal = complaint.proposal;
  if (!proposal || proposal.resolution === 'explanation') return null;
  const creditNote = proposal.resolution === 'discount' || proposal.resolution === 'compensation';
  return {
    target: creditNote ? 'credit_note' : 'return_order',
    resolution: proposal.resolution,
    customerId: complaint.customerId,
    reason: complaint.details.subject,
    amount: proposal.amount ? { ...proposal.amount } : null,
    lines: proposal.lines.map((line) => ({
      sku: line.sku,
      ...(line.batchNo ? { batchNo: line.batchNo } : {}),
      quantity: line.quantity,
      unitPrice: { ...line.unitPrice },
    })),
    purchaseRef: proposal.purchaseRef ? { ...proposal.purchaseRef } : null,
  };
}
