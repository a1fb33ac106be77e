import { BusinessDate, FreeText, Instant, Int, Money, Nested, OneOf, Text, Uuid } from '../formats';
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

/** Who did a step (an API key's id and name). */
export class ReturnActorData {
  @Uuid() keyId: string;
  @Text() name: string;
}

export const RETURN_EVENT_STATUSES = ['requested', 'approved', 'received', 'discrepancy', 'reconciled'] as const;

/** A return order line in every `returns.return.*` event but `received` (RET-1, RET-4, RET-5). */
export class ReturnLineData {
  @Text() sku: string;
  @Text({ optional: true }) batchNo?: string;
  @Int({ min: 0, max: 1_000_000_000 }) approvedQuantity: number;
  @Int({ min: 0, max: 1_000_000_000 }) receivedQuantity: number;
  /** RET-5: what finance accepted when it resolved a discrepancy, else null. */
  @Int({ min: 0, max: 1_000_000_000, nullable: true }) acceptedQuantity: number | null;
  @Nested(() => Money) unitPrice: Money;
  /** RET-5: the line's booked amount — accepted (or received) quantity × unit price, half-up, in fen. */
  @Nested(() => Money) amount: Money;
}

/**
 * `data` of `returns.return.requested|approved|discrepancy|reconciled` (version 1): the whole return
 * order after the step — document number, customer, source complaint, purchase reference, lines
 * with every quantity, the approved value and the refunded amount; `reconciled` adds the voucher.
 */
export class ReturnOrderEventData {
  @Uuid() returnId: string;
  @Text() number: string;
  @OneOf(RETURN_EVENT_STATUSES) status: string;
  @Uuid() customerId: string;
  @Uuid({ nullable: true }) complaintId: string | null;
  @FreeText() reason: string;
  @OneOf(RETURN_HANDLINGS) handling: string;
  @Nested(() => PurchaseRefData, { nullable: true }) purchaseRef: PurchaseRefData | null;
  @Nested(() => ReturnLineData, { list: true }) lines: ReturnLineData[];
  /** RET-3: approved quantities × unit prices. */
  @Nested(() => Money) value: Money;
  /** RET-5: Σ line amounts (received, or accepted after a discrepancy). */
  @Nested(() => Money) refunded: Money;
  @Nested(() => ReturnActorData, { nullable: true }) approvedBy: ReturnActorData | null;
  /** `reconciled` after a discrepancy: finance's note. */
  @FreeText({ nullable: true, optional: true }) resolutionNote?: string | null;
  @Uuid({ optional: true }) voucherId?: string;
  @Text({ optional: true }) voucherNumber?: string;
  @Instant() occurredAt: string;
}

export const VOUCHER_EVENT_ACCOUNTS = ['sales_returns_and_allowances', 'accounts_receivable', 'cash'] as const;

export class VoucherLineData {
  @OneOf(VOUCHER_EVENT_ACCOUNTS) account: string;
  @Nested(() => Money) debit: Money;
  @Nested(() => Money) credit: Money;
  @Text({ nullable: true }) memo: string | null;
}

export class VoucherSourceData {
  @OneOf(['return', 'credit_note']) type: string;
  @Uuid() id: string;
  @Text() number: string;
}

/**
 * `data` of `returns.voucher.posted` (RET-5, RET-6, version 1): the `GET /vouchers/{id}` body plus
 * `voucherId`. Σ debit = Σ credit = `total`, to the fen. Immutable once published.
 */
export class VoucherPostedEventData {
  @Uuid() voucherId: string;
  @Text() number: string;
  @BusinessDate() date: string;
  @Nested(() => VoucherLineData, { list: true }) lines: VoucherLineData[];
  @Nested(() => VoucherSourceData) source: VoucherSourceData;
  @Uuid() customerId: string;
  @Uuid({ nullable: true }) complaintId: string | null;
  @Nested(() => PurchaseRefData, { nullable: true }) purchaseRef: PurchaseRefData | null;
  @Nested(() => Money) total: Money;
  @Instant() postedAt: string;
}

/** `data` of `returns.credit-note.approved|posted` (RET-6, version 1). */
export class CreditNoteEventData {
  @Uuid() creditNoteId: string;
  @Text() number: string;
  @OneOf(['requested', 'approved', 'signed', 'posted']) status: string;
  @Uuid() customerId: string;
  @Uuid({ nullable: true }) complaintId: string | null;
  @OneOf(['discount', 'compensation']) kind: string;
  @Nested(() => Money) amount: Money;
  @FreeText() reason: string;
  @Nested(() => ReturnActorData, { nullable: true }) approvedBy: ReturnActorData | null;
  @Text({ nullable: true }) signedBy: string | null;
  @Uuid({ optional: true }) voucherId?: string;
  @Text({ optional: true }) voucherNumber?: string;
  @Instant() occurredAt: string;
}

/** The `data` contract of each returns event type (libs/contracts `EVENT_DATA_CONTRACTS`). */
export const RETURN_EVENT_DATA: { readonly [Type in ReturnEventType]: ContractClass } = {
  [ReturnEventType.ReturnRequested]: ReturnOrderEventData,
  [ReturnEventType.ReturnApproved]: ReturnOrderEventData,
  [ReturnEventType.ReturnReceived]: ReturnReceivedEventData,
  [ReturnEventType.ReturnDiscrepancy]: ReturnOrderEventData,
  [ReturnEventType.ReturnReconciled]: ReturnOrderEventData,
  [ReturnEventType.VoucherPosted]: VoucherPostedEventData,
  [ReturnEventType.CreditNoteApproved]: CreditNoteEventData,
  [ReturnEventType.CreditNotePosted]: CreditNoteEventData,
};
