import { IntersectionType } from '@nestjs/swagger';
import { Bool, BusinessDate, FreeText, Instant, Int, LIMITS, Money, Nested, OneOf, Phone, Text, Uuid } from '../formats';
import { PageQuery } from '../page';

/*
 * What callers send to the complaints service (CMP-1..CMP-12): the HTTP bodies the gateway
 * validates and documents, and the RPC payloads (body + path id) the service validates again with
 * the same classes. Instants: RFC 3339; business dates: `YYYY-MM-DD`.
 */

/** CMP-1 */
export const COMPLAINT_KINDS = ['inquiry', 'suggestion', 'complaint'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** CMP-1 */
export const COMPLAINT_CHANNELS = ['phone', 'written', 'in_person', 'online', 'forwarded'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** CMP-2 */
export const COMPLAINT_CATEGORIES = ['quality', 'non_quality', 'service', 'business', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** CMP-4 */
export const COMPLAINT_SEVERITIES = ['general', 'major'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** CMP-3 */
export const COMPLAINT_INVALID_REASONS = [
  'facts_contradicted',
  'beyond_commitment',
  'provocation',
  'anonymous_unsubstantiated',
  'unverifiable',
  'late_service_complaint',
] as const;
export type ComplaintInvalidReason = (typeof COMPLAINT_INVALID_REASONS)[number];

/** CMP-5 (plus `superseded`: not satisfied at follow-up, reopened as a new complaint). */
export const COMPLAINT_STATUSES = [
  'registered',
  'accepted',
  'rejected',
  'investigating',
  'proposed',
  'approved',
  'resolved',
  'closed',
  'superseded',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** CMP-7 */
export const COMPLAINT_RESOLUTIONS = ['explanation', 'discount', 'compensation', 'return', 'reprocess', 'exchange'] as const;
export type ComplaintResolution = (typeof COMPLAINT_RESOLUTIONS)[number];

/** CMP-12 */
export const SATISFACTION_LEVELS = ['very_satisfied', 'satisfied', 'average', 'poor'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export class ComplaintComplainant {
  @Text({ optional: true, example: 'Wang Fang' }) name?: string;
  @Phone({ optional: true }) phone?: string;
  @Bool({ optional: true, description: 'CMP-1: the complainant did not give a name' }) anonymous?: boolean;
}

/** CMP-1: the product facts of a product case. */
export class ComplaintProduct {
  @Text({ example: 'SO-2026-1001' }) orderNo: string;
  @Text({ example: 'TEA-500G' }) sku: string;
  @Text({ optional: true }) batchNo?: string;
  @BusinessDate({ optional: true, description: 'Ship date' }) shippedAt?: string;
  @Int({ min: 0, max: 1_000_000_000 }) quantity: number;
  @Int({ min: 0, max: 1_000_000_000 }) defectiveQuantity: number;
  /** CMP-10: `false` when the order is not paid yet — a rejection then notes that receivables are collected as normal. */
  @Bool({ optional: true, description: 'CMP-10: whether the order has been paid; `false` = receivables still open' })
  orderPaid?: boolean;
}

/** `POST /complaints` (CMP-1, CMP-2). */
export class RegisterComplaintBody {
  @OneOf(COMPLAINT_KINDS) kind: ComplaintKind;
  @OneOf(COMPLAINT_CHANNELS) channel: ComplaintChannel;
  @Uuid({ optional: true, description: 'The customer archive, when known', example: '1d7c1f6e-2a3b-4c5d-8e9f-0a1b2c3d4e5f' })
  customerId?: string;
  @Nested(() => ComplaintComplainant) complainant: ComplaintComplainant;
  @Text({ example: 'Leaking packaging' }) subject: string;
  @Text({ max: LIMITS.freeText, description: 'The account of events' }) description: string;
  @OneOf(COMPLAINT_CATEGORIES) category: ComplaintCategory;
  @OneOf(COMPLAINT_SEVERITIES, { optional: true, description: 'CMP-4; `major` escalates to an executive at once' })
  severity?: ComplaintSeverity;
  @Instant({ optional: true, description: 'When the events happened (CMP-3: late service complaints)' }) occurredAt?: string;
  @FreeText({ optional: true, description: "The customer's demand" }) demand?: string;
  @Nested(() => ComplaintProduct, { optional: true }) product?: ComplaintProduct;
}

/** CMP-3/CMP-4: accept as valid, optionally setting the severity. */
export class AcceptComplaintBody {
  @OneOf(COMPLAINT_SEVERITIES, { optional: true }) severity?: ComplaintSeverity;
}

/** CMP-3: reject as invalid with a reason; invalid complaints are ordinary or malicious. */
export class RejectComplaintBody {
  @OneOf(COMPLAINT_INVALID_REASONS) reason: ComplaintInvalidReason;
  @Bool({ optional: true, description: 'Malicious rather than ordinary (default false)' }) malicious?: boolean;
}

/** CMP-5: the responsible department and person investigating. */
export class AssignComplaintBody {
  @Text() department: string;
  @Text() assignee: string;
}

/** CMP-11: the penalty against the responsible department and person. */
export class ComplaintPenalty {
  /** CMP-11: 200.00–1,500.00 CNY per case. */
  @Nested(() => Money) amount: Money;
  @Int({ optional: true, min: 0, max: 100, description: 'CMP-11: KPI points, default 1' }) kpiPoints?: number;
}

/** CMP-6 (+ CMP-11 penalty). */
export class ComplaintFindingsBody {
  @Text({ max: LIMITS.freeText }) rootCause: string;
  @Bool() ourFault: boolean;
  @Text() responsibleDepartment: string;
  @Text({ optional: true }) responsiblePerson?: string;
  @FreeText({ optional: true }) correctiveAction?: string;
  @FreeText({ optional: true }) preventiveAction?: string;
  @Nested(() => ComplaintPenalty, { optional: true }) penalty?: ComplaintPenalty;
}

export class ComplaintResolutionLine {
  @Text() sku: string;
  @Text({ optional: true }) batchNo?: string;
  @Int({ min: 1, max: 1_000_000_000 }) quantity: number;
  @Nested(() => Money) unitPrice: Money;
}

export class ComplaintPurchaseRef {
  @Text() storeId: string;
  @Text() transactionId: string;
}

/** CMP-7: the proposed resolution. */
export class ComplaintProposalBody {
  @OneOf(COMPLAINT_RESOLUTIONS) resolution: ComplaintResolution;
  @Nested(() => Money, { optional: true }) amount?: Money;
  @Nested(() => ComplaintResolutionLine, { optional: true, list: true }) lines?: ComplaintResolutionLine[];
  @Nested(() => ComplaintPurchaseRef, { optional: true }) purchaseRef?: ComplaintPurchaseRef;
  @FreeText({ optional: true }) note?: string;
}

/** CMP-5: the customer has been informed. */
export class ResolveComplaintBody {
  @Text({ max: LIMITS.freeText }) message: string;
}

/** CMP-12: the four ratings of the staff. */
export class ComplaintRatings {
  @OneOf(SATISFACTION_LEVELS) attitude: SatisfactionLevel;
  @OneOf(SATISFACTION_LEVELS) skill: SatisfactionLevel;
  @OneOf(SATISFACTION_LEVELS) timeliness: SatisfactionLevel;
  @OneOf(SATISFACTION_LEVELS) promiseKept: SatisfactionLevel;
}

/** CMP-5/CMP-12: the follow-up; not satisfied reopens the case as a new complaint. */
export class ComplaintFollowUpBody {
  @Bool() satisfied: boolean;
  @Nested(() => ComplaintRatings, { optional: true }) ratings?: ComplaintRatings;
  @FreeText({ optional: true }) comment?: string;
}

/** CMP-9: extend the resolution deadline once, to 7 working days. */
export class ExtendComplaintBody {
  @Text({ max: LIMITS.freeText }) reason: string;
}

/** `GET /complaints` filters — the query string and the RPC payload alike. */
export class ListComplaintsQuery extends PageQuery {
  @OneOf(COMPLAINT_STATUSES, { optional: true }) status?: ComplaintStatus;
  @OneOf(COMPLAINT_CATEGORIES, { optional: true }) category?: ComplaintCategory;
  @Uuid({ optional: true }) customerId?: string;
  @Bool({ optional: true, query: true, description: 'CMP-9: only open records past one of their due times' }) overdue?: boolean;
  @Instant({ optional: true, description: 'Registered at or after' }) from?: string;
  @Instant({ optional: true, description: 'Registered before' }) to?: string;
}

// ---- RPC payloads: the body plus what the route carries -------------------------------------

export class ComplaintIdPayload {
  @Uuid() id: string;
}

export class AcceptComplaintPayload extends IntersectionType(AcceptComplaintBody, ComplaintIdPayload) {}
export class RejectComplaintPayload extends IntersectionType(RejectComplaintBody, ComplaintIdPayload) {}
export class AssignComplaintPayload extends IntersectionType(AssignComplaintBody, ComplaintIdPayload) {}
export class ComplaintFindingsPayload extends IntersectionType(ComplaintFindingsBody, ComplaintIdPayload) {}
export class ComplaintProposalPayload extends IntersectionType(ComplaintProposalBody, ComplaintIdPayload) {}
export class ResolveComplaintPayload extends IntersectionType(ResolveComplaintBody, ComplaintIdPayload) {}
export class ComplaintFollowUpPayload extends IntersectionType(ComplaintFollowUpBody, ComplaintIdPayload) {}
export class ExtendComplaintPayload extends IntersectionType(ExtendComplaintBody, ComplaintIdPayload) {}
