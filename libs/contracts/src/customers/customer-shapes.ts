import type { ConfidentialityLevel } from '../caller';
import type { Money } from '../money';

/**
 * Shapes of the customers RPC contract (payloads the gateway sends, results the service answers).
 * The gateway mirrors them as validated, documented DTO classes; the service validates them again
 * (STYLE rule 8). Dates: `YYYY-MM-DD` business dates; instants: ISO-8601 UTC.
 */
export const CUSTOMER_TYPES = ['enterprise', 'dealer', 'retailer', 'individual'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const CUSTOMER_STATUSES = ['prospect', 'pending_approval', 'active', 'rejected', 'dormant', 'destroyed'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** CUS-5: both grade and credit rating use A–D. */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export interface Address {
  label?: string;
  line: string;
  city?: string;
  province?: string;
  postalCode?: string;
  country?: string;
}

export interface Contact {
  name: string;
  title?: string;
  phone?: string;
  email?: string;
  /** `YYYY-MM-DD` */
  birthday?: string;
  keyPerson?: boolean;
}

export interface Registration {
  registrationNo?: string;
  taxId?: string;
  legalRepresentative?: string;
  registeredCapital?: Money;
  /** `YYYY-MM-DD` */
  registeredOn?: string;
}

export interface BusinessStatus {
  salesHistorySummary?: string;
  cooperationAttitude?: string;
}

export interface CreditInformation {
  investigationSummary?: string;
  paymentBehaviour?: string;
  creditLimit?: Money;
}

export interface EmergencyContact {
  name: string;
  phone?: string;
  relation?: string;
}

/** The editable archive content of CUS-1 (create body; PATCH takes any subset). */
export interface CustomerArchiveInput {
  type: CustomerType;
  name: string;
  registration?: Registration;
  industry?: string;
  employees?: number;
  annualRevenue?: Money;
  address?: Address;
  addresses?: Address[];
  contacts: Contact[];
  organisationNotes?: string;
  businessStatus?: BusinessStatus;
  creditInformation?: CreditInformation;
  emergencyContact?: EmergencyContact;
  confidentiality?: ConfidentialityLevel;
  /** ISO-8601 instant; CUS-3 */
  firstContactAt?: string;
  ownerRep?: string;
  notes?: string;
}

// ---- payloads ------------------------------------------------------------------------------

export type RegisterCustomerPayload = CustomerArchiveInput;

export interface GetCustomerPayload {
  id: string;
  /** CUS-7: `X-Access-Purpose`; required. */
  purpose: string;
}

export interface ListCustomersPayload {
  status?: CustomerStatus;
  grade?: Grade;
  confidentiality?: ConfidentialityLevel;
  /** case-insensitive substring of name or code */
  q?: string;
  /** CUS-8 */
  reviewOverdue?: boolean;
  /** CUS-3: archives created more than 7 days after first contact */
  createdLate?: boolean;
  limit?: number;
  cursor?: string;
}

export interface UpdateCustomerPayload {
  id: string;
  /** From `If-Match`; a stale version is refused (412). */
  expectedVersion: number;
  changes: Partial<CustomerArchiveInput>;
}

export interface SubmitCustomerPayload {
  id: string;
  generalSurvey: string;
  fieldSurvey: string;
}

export interface CustomerIdPayload {
  id: string;
}

export interface RejectCustomerPayload {
  id: string;
  reason: string;
}

export interface GradeCustomerPayload {
  id: string;
  grade?: Grade;
  creditRating?: Grade;
  reason: string;
}

export const REVIEW_OUTCOMES = ['verified', 'updated', 'needs_attention'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface ReviewCustomerPayload {
  id: string;
  outcome: ReviewOutcome;
  notes?: string;
}

export interface MarkDormantPayload {
  id: string;
  reason: string;
}

export interface AccessLogPayload {
  id: string;
  limit?: number;
  cursor?: string;
}

// ---- results ---------------------------------------------------------------------------------

/** What every staff role may see of any archive (CUS-6). */
export interface CustomerSummary {
  id: string;
  code: string | null;
  name: string;
  type: CustomerType;
  grade: Grade | null;
  creditRating: Grade | null;
  status: CustomerStatus;
  confidentiality: ConfidentialityLevel;
}

export interface Actor {
  keyId: string;
  name: string;
}

export interface GradeChange {
  at: string;
  by: Actor;
  reason: string;
  grade: Grade | null;
  previousGrade: Grade | null;
  creditRating: Grade | null;
  previousCreditRating: Grade | null;
}

export interface ReviewRecord {
  at: string;
  by: Actor;
  outcome: ReviewOutcome;
  notes: string | null;
}

export interface DestructionApproval {
  role: 'archivist' | 'manager' | 'executive';
  by: Actor;
  at: string;
}

/** The full archive (CUS-1), readable only with enough clearance (CUS-6). */
export interface CustomerArchive
  extends CustomerSummary, Omit<CustomerArchiveInput, 'confidentiality' | 'type' | 'name' | 'firstContactAt'> {
  createdAt: string;
  updatedAt: string;
  version: number;
  createdBy: Actor;
  firstContactAt: string | null;
  /** CUS-3: firstContactAt + 7 days */
  archiveDueBy: string | null;
  createdLate: boolean;
  survey: { generalSurvey: string; fieldSurvey: string; submittedAt: string; submittedBy: Actor } | null;
  rejectionReason: string | null;
  approvedBy: Actor | null;
  approvedAt: string | null;
  lastReviewedAt: string | null;
  nextReviewDueAt: string | null;
  reviewOverdue: boolean;
  gradeHistory: GradeChange[];
  reviews: ReviewRecord[];
  dormantAt: string | null;
  destructionApprovals: DestructionApproval[];
}

/** CUS-9: what remains of a destroyed archive. */
export interface CustomerTombstone {
  id: string;
  code: string | null;
  status: 'destroyed';
  destroyedAt: string;
  approvers: DestructionApproval[];
}

export interface AccessLogEntry {
  at: string;
  caller: string;
  callerKeyId: string;
  purpose: string;
  outcome: 'granted' | 'denied';
  reason?: string;
}

// ---- additions (issue 3) -------------------------------------------------------------------

/**
 * What every command except Register answers (Update, Submit, Approve, Reject, Grade, Review,
 * MarkDormant, and ApproveDestruction until the third approval, which answers the
 * `CustomerTombstone`): the summary plus the workflow and concurrency fields, never the archive
 * content. CUS-6/CUS-7: content is read only through Get, with a purpose, and recorded.
 */
export interface CustomerStatusView extends CustomerSummary {
  createdAt: string;
  updatedAt: string;
  version: number;
  firstContactAt: string | null;
  archiveDueBy: string | null;
  createdLate: boolean;
  approvedAt: string | null;
  lastReviewedAt: string | null;
  nextReviewDueAt: string | null;
  reviewOverdue: boolean;
  dormantAt: string | null;
  destructionApprovals: DestructionApproval[];
  destroyedAt: string | null;
}

/**
 * CUS-9: Get on a destroyed archive answers its `CustomerTombstone` (status `destroyed`); every
 * command on it fails with kind `gone` (410), code `CUSTOMER_DESTROYED`, and the error payload
 * carries the tombstone under `tombstone` (an extension member).
 */
export interface CustomerGoneDetails {
  tombstone: CustomerTombstone;
}
