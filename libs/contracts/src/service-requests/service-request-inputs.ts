import { IntersectionType } from '@nestjs/swagger';
import { Bool, BusinessDate, FreeText, Instant, Int, LIMITS, Money, Nested, OneOf, Phone, Text, Uuid } from '../formats';
import { PageQuery } from '../page';
import { SATISFACTION_LEVELS, type SatisfactionLevel } from '../complaints/complaint-inputs';

/*
 * What callers send to the after-sales service desk (SPEC SRV-1..SRV-6, API.md "After-sales service
 * requests"): the HTTP bodies the gateway validates and documents, and the RPC payloads (body + path
 * id) the complaints service validates again with the same classes.
 */

/** SRV-1: paid (A), contract (B), free (C), internal (D). */
export const SERVICE_REQUEST_KINDS = ['paid', 'contract', 'free', 'internal'] as const;
export type ServiceRequestKind = (typeof SERVICE_REQUEST_KINDS)[number];

/** SRV-1 */
export const SERVICE_SITES = ['local', 'off_site'] as const;
export type ServiceSite = (typeof SERVICE_SITES)[number];

/** SRV-1..SRV-4: registered → dispatched → in_progress → worked (voucher written) → completed (both signatures). */
export const SERVICE_REQUEST_STATUSES = ['registered', 'dispatched', 'in_progress', 'worked', 'completed'] as const;
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number];

/** SRV-5: collected on site (cash, up to the configured limit) or invoiced by finance from the voucher. */
export const SERVICE_PAYMENT_METHODS = ['cash', 'invoice'] as const;
export type ServicePaymentMethod = (typeof SERVICE_PAYMENT_METHODS)[number];

/** SRV-6: the technician is rated on the four CMP-12 levels. */
export const SERVICE_RATING_ITEMS = ['attitude', 'skill', 'arrival', 'promiseKept'] as const;
export type ServiceRatingItem = (typeof SERVICE_RATING_ITEMS)[number];

/** API.md: technicians are named in free text of at most 200 characters. */
const technician = { max: LIMITS.string, example: 'Li Qiang', description: 'The technician, free text (≤ 200 characters)' };

export class ServiceRequestContact {
  @Text({ example: 'Chen Jie' }) name: string;
  @Phone() phone: string;
  @Text({ max: 500, example: '18 Wensan Road, Hangzhou' }) address: string;
}

export class ServiceRequestProduct {
  @Text({ example: 'TM-300 tea machine' }) model: string;
  @Text({ optional: true, example: '220 V, 1.5 kW' }) spec?: string;
  @BusinessDate({ optional: true, description: 'Purchase date' }) purchasedAt?: string;
  @Text({ optional: true, description: 'Purchase place' }) purchasedFrom?: string;
}

/** `POST /service-requests` (SRV-1, SRV-5). */
export class RegisterServiceRequestBody {
  @OneOf(SERVICE_REQUEST_KINDS, { description: 'SRV-1: paid (A), contract (B), free (C), internal (D)' }) kind: ServiceRequestKind;
  @Uuid({ optional: true, description: 'The customer archive, when known', example: '1d7c1f6e-2a3b-4c5d-8e9f-0a1b2c3d4e5f' })
  customerId?: string;
  @Nested(() => ServiceRequestContact) contact: ServiceRequestContact;
  @Nested(() => ServiceRequestProduct) product: ServiceRequestProduct;
  @Text({ max: LIMITS.freeText, description: 'The problem as reported' }) problem: string;
  @OneOf(SERVICE_SITES, { description: 'SRV-3: an off-site request needs an approved off-site application before it starts' })
  site: ServiceSite;
  @Text({ optional: true, description: 'SRV-1: the service contract (required for a contract request)', example: 'SC-2026-0042' })
  contractNo?: string;
  @Nested(() => Money, { optional: true, description: 'SRV-5: the fee of a paid request (integer fen, CNY); no other kind carries one' })
  fee?: Money;
}

/** SRV-2: dispatch to a technician with the promised day of arrival. */
export class DispatchServiceRequestBody {
  @Text(technician) technician: string;
  @BusinessDate({ description: 'SRV-2/SRV-6: the business day the technician is promised to arrive' }) promisedDate: string;
}

/** SRV-3: the off-site application. */
export class OffSiteApplicationBody {
  @Text(technician) technician: string;
  @Text({ example: 'Ningbo branch' }) destination: string;
  @Int({ min: 1, max: 365, description: 'Days away' }) days: number;
  @Nested(() => Money, { description: 'SRV-3: estimated travel and allowance cost; booked as service cost on completion' })
  estimatedCost: Money;
}

export class ServicePartUsed {
  @Text({ example: 'PUMP-12' }) sku: string;
  @Int({ min: 1, max: 1_000_000 }) quantity: number;
}

/** SRV-4: the service voucher; SRV-5: how a paid request's fee is collected. */
export class ServiceVoucherBody {
  @Instant({ description: 'SRV-4: actual start of the work' }) startedAt: string;
  @Instant({ description: 'SRV-4: actual end of the work (after the start, not in the future)' }) endedAt: string;
  @Text({ max: LIMITS.freeText, description: 'Work done' }) work: string;
  @Nested(() => ServicePartUsed, { optional: true, list: true }) parts?: ServicePartUsed[];
  @OneOf(SERVICE_PAYMENT_METHODS, {
    optional: true,
    description: 'SRV-5: paid requests only; `cash` up to the configured limit, default `invoice`',
  })
  payment?: ServicePaymentMethod;
}

/** SRV-4: the customer signs the voucher (on site, or later). */
export class CustomerSignatureBody {
  @Text({ example: 'Chen Jie' }) signedBy: string;
}

/** SRV-6: the customer's rating of the technician on the four CMP-12 levels. */
export class ServiceRatings {
  @OneOf(SATISFACTION_LEVELS) attitude: SatisfactionLevel;
  @OneOf(SATISFACTION_LEVELS) skill: SatisfactionLevel;
  @OneOf(SATISFACTION_LEVELS) arrival: SatisfactionLevel;
  @OneOf(SATISFACTION_LEVELS) promiseKept: SatisfactionLevel;
}

export class ServiceGrievanceInput {
  @Text({ max: LIMITS.freeText }) text: string;
  @Bool({ description: 'SRV-6: a serious grievance escalates to an executive at once' }) serious: boolean;
}

/** SRV-6: the customer's opinion of the service, after completion. */
export class ServiceOpinionBody {
  @Nested(() => ServiceRatings) ratings: ServiceRatings;
  @FreeText({ optional: true }) suggestion?: string;
  @Nested(() => ServiceGrievanceInput, { optional: true }) grievance?: ServiceGrievanceInput;
}

/** SRV-6: the written answer to a grievance. */
export class GrievanceAnswerBody {
  @Text({ max: LIMITS.freeText }) answer: string;
}

/** `GET /service-requests` filters. */
export class ListServiceRequestsQuery extends PageQuery {
  @OneOf(SERVICE_REQUEST_STATUSES, { optional: true }) status?: ServiceRequestStatus;
  @Text({ optional: true, max: LIMITS.string, description: 'Exactly this technician' }) technician?: string;
  @OneOf(SERVICE_REQUEST_KINDS, { optional: true }) kind?: ServiceRequestKind;
}

/** `GET /service-requests/dispatch-queue` (SRV-2), oldest first. */
export class DispatchQueueQuery extends PageQuery {}

/** `GET /service-requests/register-check?date=` (SRV-4). */
export class RegisterCheckQuery {
  @BusinessDate({ description: 'The business day (Asia/Shanghai) checked, as of its end' }) date: string;
}

/** `GET /service-requests/reports/technicians?month=` (SRV-6). */
export class TechnicianScorecardQuery {
  @Text({ min: 7, max: 7, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, patternRule: 'a month YYYY-MM', example: '2026-10' }) month: string;
}

// ---- RPC payloads: the body plus what the route carries -------------------------------------

export class ServiceRequestIdPayload {
  @Uuid() id: string;
}

export class DispatchServiceRequestPayload extends IntersectionType(DispatchServiceRequestBody, ServiceRequestIdPayload) {}
export class OffSiteApplicationPayload extends IntersectionType(OffSiteApplicationBody, ServiceRequestIdPayload) {}
export class ServiceVoucherPayload extends IntersectionType(ServiceVoucherBody, ServiceRequestIdPayload) {}
export class CustomerSignaturePayload extends IntersectionType(CustomerSignatureBody, ServiceRequestIdPayload) {}
export class ServiceOpinionPayload extends IntersectionType(ServiceOpinionBody, ServiceRequestIdPayload) {}
export class GrievanceAnswerPayload extends IntersectionType(GrievanceAnswerBody, ServiceRequestIdPayload) {}
