import { ApiProperty } from '@nestjs/swagger';
import { Actor } from '../customers/customer-results';
import { Money } from '../formats';
import { PurchaseRefData, RETURN_HANDLINGS } from './return-events';
import {
  CREDIT_NOTE_KINDS,
  CREDIT_NOTE_STATUSES,
  type CreditNoteKind,
  type CreditNoteStatus,
  RETURN_DEFECTS,
  RETURN_PICKUPS,
  RETURN_STATUSES,
  RETURN_STORAGES,
  type ReturnDefect,
  type ReturnHandling,
  type ReturnPickup,
  type ReturnStatus,
  type ReturnStorage,
} from './return-inputs';

const instant = { type: String, format: 'date-time' } as const;
const nullableInstant = { ...instant, nullable: true } as const;
const nullableInt = { type: 'integer', nullable: true } as const;

/** RET-5: the ledger accounts a voucher books. */
export const VOUCHER_ACCOUNTS = ['sales_returns_and_allowances', 'accounts_receivable', 'cash'] as const;
export type VoucherAccount = (typeof VOUCHER_ACCOUNTS)[number];
export const VOUCHER_SOURCE_TYPES = ['return', 'credit_note'] as const;
export type VoucherSourceType = (typeof VOUCHER_SOURCE_TYPES)[number];

export class ReturnLineView {
  @ApiProperty() sku: string;
  @ApiProperty({ type: String, nullable: true }) batchNo: string | null;
  @ApiProperty({ type: 'integer', description: 'RET-1/RET-3: the quantity approved for return' }) approvedQuantity: number;
  @ApiProperty({ type: 'integer', description: 'RET-4: received so far (partial receipts add up)' }) receivedQuantity: number;
  @ApiProperty({ ...nullableInt, description: 'RET-5: set when finance resolves a discrepancy' }) acceptedQuantity: number | null;
  @ApiProperty({ type: Money }) unitPrice: Money;
  @ApiProperty({ ...nullableInstant, description: 'RET-2' }) shippedAt: string | null;
}

export class ReturnReceiptView {
  @ApiProperty() signedBy: string;
  @ApiProperty(instant) receivedAt: string;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, receivedQuantity: { type: 'integer' } } } })
  lines: { sku: string; receivedQuantity: number }[];
}

/** `GET /returns/{id}` (RET-1..RET-5). */
export class ReturnOrderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RT-202611-0001' }) number: string;
  @ApiProperty({ enum: RETURN_STATUSES }) status: ReturnStatus;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) complaintId: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: RETURN_HANDLINGS }) handling: ReturnHandling;
  @ApiProperty({ enum: RETURN_DEFECTS }) defect: ReturnDefect;
  @ApiProperty({ enum: RETURN_STORAGES }) storage: ReturnStorage;
  @ApiProperty({ enum: RETURN_PICKUPS }) pickup: ReturnPickup;
  @ApiProperty({ type: PurchaseRefData, nullable: true }) purchaseRef: PurchaseRefData | null;
  @ApiProperty({ type: [ReturnLineView] }) lines: ReturnLineView[];
  @ApiProperty({ type: Money, description: 'RET-3: approved quantities × unit prices (decides manager or executive)' }) value: Money;
  @ApiProperty({ type: Money, description: 'RET-4/RET-5: received (or accepted) quantities × unit prices, half-up per line' })
  refunded: Money;
  @ApiProperty({ type: Actor }) createdBy: Actor;
  @ApiProperty({ type: Actor, nullable: true }) approvedBy: Actor | null;
  @ApiProperty({ type: [ReturnReceiptView] }) receipts: ReturnReceiptView[];
  @ApiProperty({ type: String, nullable: true, description: 'RET-5: the note of the discrepancy resolution' }) resolutionNote:
    string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) voucherId: string | null;
  @ApiProperty({ type: String, nullable: true }) voucherNumber: string | null;
  @ApiProperty(instant) createdAt: string;
  @ApiProperty(instant) updatedAt: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

export class ReturnOrderPage {
  @ApiProperty({ type: [ReturnOrderView] }) items: ReturnOrderView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** `GET /credit-notes/{id}` (RET-6). */
export class CreditNoteView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CN-202611-0001' }) number: string;
  @ApiProperty({ enum: CREDIT_NOTE_STATUSES }) status: CreditNoteStatus;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) complaintId: string | null;
  @ApiProperty({ enum: CREDIT_NOTE_KINDS }) kind: CreditNoteKind;
  @ApiProperty({ type: Money }) amount: Money;
  @ApiProperty() reason: string;
  @ApiProperty({ type: Actor }) createdBy: Actor;
  @ApiProperty({ type: Actor, nullable: true }) approvedBy: Actor | null;
  @ApiProperty({ type: String, nullable: true }) signedBy: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) voucherId: string | null;
  @ApiProperty({ type: String, nullable: true }) voucherNumber: string | null;
  @ApiProperty(instant) createdAt: string;
  @ApiProperty(instant) updatedAt: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

export class VoucherLineView {
  @ApiProperty({ enum: VOUCHER_ACCOUNTS }) account: VoucherAccount;
  @ApiProperty({ type: Money }) debit: Money;
  @ApiProperty({ type: Money }) credit: Money;
  @ApiProperty({ type: String, nullable: true, description: 'The SKU a debit line books' }) memo: string | null;
}

export class VoucherSourceView {
  @ApiProperty({ enum: VOUCHER_SOURCE_TYPES }) type: VoucherSourceType;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
}

/** `GET /vouchers/{id}` (RET-5): immutable once posted; debits = credits to the fen. */
export class VoucherView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'PZ-202611-0001' }) number: string;
  @ApiProperty({ format: 'date', description: 'Asia/Shanghai business date of posting' }) date: string;
  @ApiProperty({ type: [VoucherLineView] }) lines: VoucherLineView[];
  @ApiProperty({ type: VoucherSourceView }) source: VoucherSourceView;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) complaintId: string | null;
  @ApiProperty({ type: PurchaseRefData, nullable: true }) purchaseRef: PurchaseRefData | null;
  @ApiProperty({ type: Money }) total: Money;
  @ApiProperty(instant) postedAt: string;
}

/** `PUT /returns/franchise-terms/{customerId}` (RET-2). */
export class FranchiseTermsView {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ type: 'integer' }) returnRatioBasisPoints: number;
  @ApiProperty({ format: 'date' }) periodFrom: string;
  @ApiProperty({ format: 'date' }) periodTo: string;
  @ApiProperty({ type: Money }) periodPurchases: Money;
}
