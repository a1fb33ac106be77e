import { BusinessDate, FreeText, Instant, Int, LIMITS, Money, Nested, OneOf, Text, Uuid } from '../formats';
import { PageQuery } from '../page';
import { PurchaseRefData, RETURN_HANDLINGS } from './return-events';

/*
 * What callers send to the returns service (RET-1..RET-6): the HTTP bodies the gateway validates and
 * documents, and the RPC payloads (body + path id) the service validates again with the same classes.
 */

export type ReturnHandling = (typeof RETURN_HANDLINGS)[number];

/** RET-2: what the customer reports. `quality` = a defect in the product itself. */
export const RETURN_DEFECTS = ['quality', 'none'] as const;
export type ReturnDefect = (typeof RETURN_DEFECTS)[number];
/** RET-2: how the customer stored the goods. */
export const RETURN_STORAGES = ['proper', 'improper'] as const;
export type ReturnStorage = (typeof RETURN_STORAGES)[number];
/** RET-2: whether we delivered the goods or the customer collected them itself. */
export const RETURN_PICKUPS = ['delivered', 'self_pickup'] as const;
export type ReturnPickup = (typeof RETURN_PICKUPS)[number];

/** RET-1/RET-3..RET-5 */
export const RETURN_STATUSES = ['requested', 'approved', 'received', 'discrepancy', 'reconciled'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** RET-6 */
export const CREDIT_NOTE_KINDS = ['discount', 'compensation'] as const;
export type CreditNoteKind = (typeof CREDIT_NOTE_KINDS)[number];
export const CREDIT_NOTE_STATUSES = ['requested', 'approved', 'signed', 'posted'] as const;
export type CreditNoteStatus = (typeof CREDIT_NOTE_STATUSES)[number];

const QUANTITY = { min: 0, max: 1_000_000_000 } as const;

/** RET-1: one line of a return order. */
export class ReturnLineInput {
  @Text({ example: 'TEA-500G' }) sku: string;
  @Text({ optional: true, example: 'B-7' }) batchNo?: string;
  @Int({ min: 1, max: QUANTITY.max, description: 'Quantity to return (approved by RET-3)' }) quantity: number;
  @Nested(() => Money) unitPrice: Money;
  @Instant({ optional: true, description: 'RET-2: when the goods left the warehouse (its Asia/Shanghai date starts the 15 days)' })
  shippedAt?: string;
}

/** `POST /returns` (RET-1, RET-2). */
export class CreateReturnBody {
  @Uuid({ example: '1d7c1f6e-2a3b-4c5d-8e9f-0a1b2c3d4e5f' }) customerId: string;
  @Uuid({ optional: true, description: 'The source complaint (CMP-10)', example: '6b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })
  complaintId?: string;
  @FreeText({ min: 1, example: 'Three tins arrived with broken seals' }) reason: string;
  @OneOf(RETURN_HANDLINGS) handling: ReturnHandling;
  @OneOf(RETURN_DEFECTS, { optional: true, description: 'RET-2, default none' }) defect?: ReturnDefect;
  @OneOf(RETURN_STORAGES, { optional: true, description: 'RET-2, default proper' }) storage?: ReturnStorage;
  @OneOf(RETURN_PICKUPS, { optional: true, description: 'RET-2, default delivered' }) pickup?: ReturnPickup;
  @Nested(() => ReturnLineInput, { list: true }) lines: ReturnLineInput[];
  /** RET-1: the POS purchase when the goods were bought with a loyalty card. */
  @Nested(() => PurchaseRefData, { optional: true }) purchaseRef?: PurchaseRefData;
}

export class ReturnIdPayload {
  @Uuid() id: string;
}

/** `GET /returns` */
export class ListReturnsQuery extends PageQuery {
  @OneOf(RETURN_STATUSES, { optional: true }) status?: ReturnStatus;
  @Uuid({ optional: true }) customerId?: string;
}

export class ReceiveLineInput {
  @Text() sku: string;
  @Int({ ...QUANTITY, description: 'Quantity received in this receipt (partial receipts add up)' }) receivedQuantity: number;
}

/** `POST /returns/{id}/receive` (RET-4). */
export class ReceiveReturnBody {
  @Nested(() => ReceiveLineInput, { list: true }) lines: ReceiveLineInput[];
  @Text({ description: 'Who signed the receipt in the warehouse' }) signedBy: string;
}
export class ReceiveReturnPayload extends ReceiveReturnBody {
  @Uuid() id: string;
}

export class AcceptedLineInput {
  @Text() sku: string;
  @Int(QUANTITY) acceptedQuantity: number;
}

/** `POST /returns/{id}/resolve-discrepancy` (RET-5). */
export class ResolveDiscrepancyBody {
  @Nested(() => AcceptedLineInput, { list: true }) lines: AcceptedLineInput[];
  @FreeText({ min: 1 }) note: string;
}
export class ResolveDiscrepancyPayload extends ResolveDiscrepancyBody {
  @Uuid() id: string;
}

/** `POST /credit-notes` (RET-6). */
export class CreateCreditNoteBody {
  @Uuid({ example: '1d7c1f6e-2a3b-4c5d-8e9f-0a1b2c3d4e5f' }) customerId: string;
  @Uuid({ optional: true, description: 'The source complaint (CMP-10)', example: '6b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })
  complaintId?: string;
  @OneOf(CREDIT_NOTE_KINDS) kind: CreditNoteKind;
  @Nested(() => Money) amount: Money;
  @FreeText({ min: 1 }) reason: string;
}

export class CreditNoteIdPayload {
  @Uuid() id: string;
}

/** `POST /credit-notes/{id}/sign` (RET-6): the customer's signature. */
export class SignCreditNoteBody {
  @Text({ description: "The customer's signatory" }) signedBy: string;
}
export class SignCreditNotePayload extends SignCreditNoteBody {
  @Uuid() id: string;
}

export class VoucherIdPayload {
  @Uuid() id: string;
}

/**
 * `PUT /returns/franchise-terms/{customerId}` (RET-2): a franchise customer's contract return ratio
 * and its purchases in the contract period, as finance keeps them.
 */
export class FranchiseTermsBody {
  @Int({ min: 0, max: 10_000, description: 'Contract return ratio in basis points of the period purchases (500 = 5 %)' })
  returnRatioBasisPoints: number;
  @BusinessDate({ description: 'First business day of the period' }) periodFrom: string;
  @BusinessDate({ description: 'Last business day of the period' }) periodTo: string;
  /** The customer's purchases in the period. */
  @Nested(() => Money) periodPurchases: Money;
}
export class FranchiseTermsPayload extends FranchiseTermsBody {
  @Uuid() customerId: string;
}

export const RETURN_LIMITS = { lines: LIMITS.list } as const;
