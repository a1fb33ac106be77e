import { IntersectionType } from '@nestjs/swagger';
import { CONFIDENTIALITY_LEVELS, type ConfidentialityLevel } from '../caller';
import { Bool, BusinessDate, Email, FreeText, Instant, Int, LIMITS, Money, Nested, OneOf, Phone, Text, Uuid } from '../formats';
import { PageQuery } from '../page';

/*
 * What callers send to the customers service (CUS-1..CUS-9): the HTTP bodies the gateway
 * validates and documents, and the RPC payloads (body + path id) the service validates again with
 * the same classes. Dates: `YYYY-MM-DD` business dates; instants: RFC 3339 UTC.
 */

export const CUSTOMER_TYPES = ['enterprise', 'dealer', 'retailer', 'individual'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const CUSTOMER_STATUSES = ['prospect', 'pending_approval', 'active', 'rejected', 'dormant', 'destroyed'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** CUS-5: both grade and credit rating use A–D. */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export const REVIEW_OUTCOMES = ['verified', 'updated', 'needs_attention'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export class Address {
  @Text({ optional: true, example: 'head office' }) label?: string;
  @Text({ example: '88 Century Avenue' }) line: string;
  @Text({ optional: true, example: 'Shanghai' }) city?: string;
  @Text({ optional: true }) province?: string;
  @Text({ optional: true }) postalCode?: string;
  @Text({ optional: true, example: 'CN' }) country?: string;
}

export class Contact {
  @Text({ example: 'Li Wei' }) name: string;
  @Text({ optional: true, example: 'Purchasing director' }) title?: string;
  @Phone({ optional: true }) phone?: string;
  @Email({ optional: true }) email?: string;
  @BusinessDate({ optional: true, example: '1980-04-12' }) birthday?: string;
  @Bool({ optional: true, description: 'A key decision-maker (CUS-1)' }) keyPerson?: boolean;
}

export class Registration {
  @Text({ optional: true }) registrationNo?: string;
  @Text({ optional: true }) taxId?: string;
  @Text({ optional: true }) legalRepresentative?: string;
  @Nested(() => Money, { optional: true }) registeredCapital?: Money;
  @BusinessDate({ optional: true }) registeredOn?: string;
}

export class BusinessStatus {
  @FreeText({ optional: true }) salesHistorySummary?: string;
  @FreeText({ optional: true }) cooperationAttitude?: string;
}

export class CreditInformation {
  @FreeText({ optional: true }) investigationSummary?: string;
  @FreeText({ optional: true }) paymentBehaviour?: string;
  @Nested(() => Money, { optional: true }) creditLimit?: Money;
}

export class EmergencyContact {
  @Text() name: string;
  @Phone({ optional: true }) phone?: string;
  @Text({ optional: true }) relation?: string;
}

/** The optional CUS-1 content; in a change set `null` clears a field. */
const clearable = { optional: true, nullable: true } as const;

export class CustomerContentFields {
  @Nested(() => Registration, clearable) registration?: Registration | null;
  @Text(clearable) industry?: string | null;
  @Int({ ...clearable, min: 0, max: 10_000_000 }) employees?: number | null;
  @Nested(() => Money, clearable) annualRevenue?: Money | null;
  @Nested(() => Address, { ...clearable, description: 'Main address' }) address?: Address | null;
  @Nested(() => Address, { ...clearable, list: true }) addresses?: Address[] | null;
  @FreeText(clearable) organisationNotes?: string | null;
  @Nested(() => BusinessStatus, clearable) businessStatus?: BusinessStatus | null;
  @Nested(() => CreditInformation, clearable) creditInformation?: CreditInformation | null;
  @Nested(() => EmergencyContact, clearable) emergencyContact?: EmergencyContact | null;
  @OneOf(CONFIDENTIALITY_LEVELS, { optional: true, description: 'CUS-6; default confidential' }) confidentiality?: ConfidentialityLevel;
  @Instant({ ...clearable, description: 'CUS-3: the archive is due 7 days after first contact; fixed once recorded' })
  firstContactAt?: string | null;
  @Text({ ...clearable, description: 'Owner sales rep' }) ownerRep?: string | null;
  @FreeText(clearable) notes?: string | null;
}

/** `POST /customers` (CUS-1): the archive content; registration starts it as a prospect. */
export class CustomerArchiveInput extends CustomerContentFields {
  @OneOf(CUSTOMER_TYPES) type: CustomerType;
  @Text({ example: 'Acme Trading Co., Ltd.' }) name: string;
  @Nested(() => Contact, { list: true }) contacts: Contact[];
}

/** `PATCH /customers/{id}`: any subset of the content. */
export class CustomerChanges extends CustomerContentFields {
  @OneOf(CUSTOMER_TYPES, { optional: true }) type?: CustomerType;
  @Text({ optional: true }) name?: string;
  @Nested(() => Contact, { optional: true, list: true }) contacts?: Contact[];
}

/** CUS-2: the survey findings that go with a submission. */
export class SubmitCustomerBody {
  @Text({ max: LIMITS.freeText, description: 'General survey findings' }) generalSurvey: string;
  @Text({ max: LIMITS.freeText, description: 'Field survey findings' }) fieldSurvey: string;
}

/** A reason for a refusal or a status change. */
export class ReasonBody {
  @Text({ max: LIMITS.freeText }) reason: string;
}

/** CUS-5: grade and/or credit rating, with the reason kept in the history. */
export class GradeCustomerBody {
  @OneOf(GRADES, { optional: true }) grade?: Grade;
  @OneOf(GRADES, { optional: true }) creditRating?: Grade;
  @Text({ max: LIMITS.freeText }) reason: string;
}

/** CUS-8: the outcome of a quarterly review. */
export class ReviewCustomerBody {
  @OneOf(REVIEW_OUTCOMES) outcome: ReviewOutcome;
  @FreeText({ optional: true }) notes?: string;
}

/** `GET /customers` filters (CUS-3, CUS-6, CUS-8) — the query string and the RPC payload alike. */
export class ListCustomersQuery extends PageQuery {
  @OneOf(CUSTOMER_STATUSES, { optional: true }) status?: CustomerStatus;
  @OneOf(GRADES, { optional: true }) grade?: Grade;
  @OneOf(CONFIDENTIALITY_LEVELS, { optional: true }) confidentiality?: ConfidentialityLevel;
  @Text({ optional: true, description: 'Case-insensitive substring of the name or the code' }) q?: string;
  @Bool({ optional: true, query: true, description: 'CUS-8: only archives whose quarterly review is overdue' }) reviewOverdue?: boolean;
  @Bool({ optional: true, query: true, description: 'CUS-3: only archives created more than 7 days after first contact' })
  createdLate?: boolean;
}

// ---- RPC payloads: the body plus what the route carries -------------------------------------

export class CustomerIdPayload {
  @Uuid() id: string;
}

export class GetCustomerPayload extends CustomerIdPayload {
  /**
   * CUS-7 `X-Access-Purpose`. Optional here only so that a missing purpose reaches the domain,
   * which refuses it naming CUS-7 and records the attempt.
   */
  @Text({ optional: true, min: 0 }) purpose?: string;
}

export class UpdateCustomerPayload extends CustomerIdPayload {
  /** CUS-1: the version the caller last saw (`If-Match`); a stale one is 412. */
  @Int({ min: 1, max: 2_147_483_647 }) expectedVersion: number;
  @Nested(() => CustomerChanges) changes: CustomerChanges;
}

export class SubmitCustomerPayload extends IntersectionType(SubmitCustomerBody, CustomerIdPayload) {}

export class ReasonPayload extends IntersectionType(ReasonBody, CustomerIdPayload) {}

export class GradeCustomerPayload extends IntersectionType(GradeCustomerBody, CustomerIdPayload) {}

export class ReviewCustomerPayload extends IntersectionType(ReviewCustomerBody, CustomerIdPayload) {}

export class AccessLogPayload extends IntersectionType(PageQuery, CustomerIdPayload) {}
