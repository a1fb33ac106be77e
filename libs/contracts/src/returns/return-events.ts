import { Instant, Int, Money, Nested, OneOf, Text, Uuid } from '../formats';
import type { ContractClass } from '../message-contracts';

/** Event types of the returns service (API.md "Events", RET-7). Versioned by the envelope's `version`. */
export const ReturnEventType = {
  ReturnRequested: 'returns.return.requested',
  ReturnApproved: 'returns.return.approved',
  /** RET-4 (one per warehouse receipt); carries what loyalty needs for LOY-6. */
  ReturnReceived: 'returns.return.received',
  ReturnDiscrepancy: 'returns.return.discrepancy',
  ReturnReconciled: 'returns.return.reconciled',
  VoucherPosted: 'returns.voucher.posted',
  CreditNoteApproved: 'returns.credit-note.approved',
  CreditNotePosted: 'returns.credit-note.posted',
} as const;
export type ReturnEventType = (typeof ReturnEventType)[keyof typeof ReturnEventType];

export const RETURN_HANDLINGS = ['return', 'reprocess', 'exchange'] as const;

/** RET-1: the POS purchase a return refers to, when the goods were bought with a loyalty card. */
export class PurchaseRefData {
  @Text() storeId: string;
  @Text() transactionId: string;
}

/** A line as received (RET-4): approved and received quantities, unit price, and its refund half-up. */
export class ReturnReceivedLineData {
  @Text() sku: string;
  @Text({ optional: true }) batchNo?: string;
  @Int({ min: 0, max: 1_000_000_000 }) approvedQuantity: number;
  /** Everything received on this line so far (partial receipts add up). */
  @Int({ min: 0, max: 1_000_000_000 }) receivedQuantity: number;
  @Nested(() => Money) unitPrice: Money;
  /** receivedQuantity × unitPrice, in fen. */
  @Nested(() => Money) refunded: Money;
}

/**
 * `data` of `returns.return.received` (RET-4, version 1), one event per warehouse receipt. `refunded`
 * is the return order's refund so far — the sum of its lines' `refunded`, cumulative over partial
 * receipts, so it only grows — and is what LOY-6 claws back against the purchase's `paid`:
 * `floor(paid/100) − floor((paid − Σ refunded of the purchase's returns)/100)`, less what was already
 * clawed back. Ids only: no names or phones (LOY-10).
 */
export class ReturnReceivedEventData {
  @Uuid() returnId: string;
  @Text() number: string;
  @Uuid() customerId: string;
  @Uuid({ nullable: true }) complaintId: string | null;
  @OneOf(RETURN_HANDLINGS) handling: string;
  @Nested(() => PurchaseRefData, { nullable: true }) purchaseRef: PurchaseRefData | null;
  @Nested(() => ReturnReceivedLineData, { list: true }) lines: ReturnReceivedLineData[];
  @Nested(() => Money) refunded: Money;
  @Text() signedBy: string;
  @Instant() receivedAt: string;
}

/**
 * The `data` contract of each returns event type (libs/contracts `EVENT_DATA_CONTRACTS`).
 * Partial until the returns service publishes every type (issue: returns and finance).
 */
export const RETURN_EVENT_DATA: { readonly [Type in ReturnEventType]?: ContractClass } = {
  [ReturnEventType.ReturnReceived]: ReturnReceivedEventData,
};
