import { Bool, Instant, Int, Money, Nested, OneOf, Text, Uuid } from '../formats';
import type { ContractClass } from '../message-contracts';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_INVALID_REASONS,
  COMPLAINT_KINDS,
  COMPLAINT_RESOLUTIONS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
} from './complaint-inputs';

/** Event types of the complaints service (API.md "Events"). Versioned by the envelope's `version`. */
export const ComplaintEventType = {
  Registered: 'complaints.complaint.registered',
  Accepted: 'complaints.complaint.accepted',
  Rejected: 'complaints.complaint.rejected',
  /** CMP-4: a major complaint escalated to an executive. */
  Escalated: 'complaints.complaint.escalated',
  Assigned: 'complaints.complaint.assigned',
  FindingsRecorded: 'complaints.complaint.findings-recorded',
  Proposed: 'complaints.complaint.proposed',
  Approved: 'complaints.complaint.approved',
  Resolved: 'complaints.complaint.resolved',
  Closed: 'complaints.complaint.closed',
  Extended: 'complaints.complaint.extended',
  /** CMP-9: a due time was missed (the SLA scanner, once per breach). */
  SlaBreached: 'complaints.complaint.sla-breached',
  /** CMP-9: 75 % of a due time's working time is used up (the SLA scanner, once per due time). */
  SlaWarning: 'complaints.complaint.sla-warning',
  /** CMP-5: not satisfied at follow-up; `reopenedAs` is the new complaint. */
  Reopened: 'complaints.complaint.reopened',
} as const;
export type ComplaintEventType = (typeof ComplaintEventType)[keyof typeof ComplaintEventType];

/** CMP-10: what returns needs to create a credit note (RET-6) or a return order (RET-1). */
export const COMPLAINT_HAND_OFF_TARGETS = ['credit_note', 'return_order'] as const;

export class ComplaintHandOffLineData {
  @Text() sku: string;
  @Text({ optional: true }) batchNo?: string;
  @Int({ min: 1, max: 1_000_000_000 }) quantity: number;
  @Nested(() => Money) unitPrice: Money;
}

export class ComplaintHandOffPurchaseRefData {
  @Text() storeId: string;
  @Text() transactionId: string;
}

/**
 * CMP-10 hand-off, in `complaints.complaint.approved` when the resolution is not an explanation:
 * `discount`/`compensation` → a credit note of `amount` (RET-6); `return`/`reprocess`/`exchange` →
 * a return order with `handling` = the resolution, its `lines` and `purchaseRef` (RET-1).
 */
export class ComplaintHandOffData {
  @OneOf(COMPLAINT_HAND_OFF_TARGETS) target: string;
  @OneOf(COMPLAINT_RESOLUTIONS) resolution: string;
  @Uuid({ nullable: true }) customerId: string | null;
  /** The complaint's subject: the reason on the credit note or return order. */
  @Text() reason: string;
  @Nested(() => Money, { nullable: true }) amount: Money | null;
  @Nested(() => ComplaintHandOffLineData, { list: true }) lines: ComplaintHandOffLineData[];
  @Nested(() => ComplaintHandOffPurchaseRefData, { nullable: true }) purchaseRef: ComplaintHandOffPurchaseRefData | null;
}

/**
 * `data` of every complaints event but `sla-breached` (version 1): the record's classification and
 * status after the change, built field by field — never the complainant's name, phone or account.
 */
export class ComplaintEventData {
  @Uuid() complaintId: string;
  @Text() number: string;
  @OneOf(COMPLAINT_KINDS) kind: string;
  @OneOf(COMPLAINT_CATEGORIES) category: string;
  @OneOf(COMPLAINT_SEVERITIES, { nullable: true }) severity: string | null;
  @OneOf(COMPLAINT_STATUSES) status: string;
  @Uuid({ nullable: true }) customerId: string | null;
  @Uuid({ nullable: true }) supersedes: string | null;
  @OneOf(COMPLAINT_INVALID_REASONS, { nullable: true }) invalidReason: string | null;
  /** `rejected`: ordinary or malicious (CMP-3). */
  @Bool({ optional: true }) malicious?: boolean;
  /** `escalated`: to whom (CMP-4). */
  @OneOf(['executive'], { optional: true }) escalatedTo?: string;
  /** `proposed`, `approved`: the resolution and its CMP-8 value. */
  @OneOf(COMPLAINT_RESOLUTIONS, { optional: true }) resolution?: string;
  @Nested(() => Money, { optional: true }) value?: Money;
  /** `approved`: the CMP-10 hand-off to returns (absent for an explanation). */
  @Nested(() => ComplaintHandOffData, { optional: true }) handOff?: ComplaintHandOffData;
  /** CMP-10: a rejected complaint about an unpaid order — receivables are collected as normal. */
  @Text({ optional: true, max: 500 }) receivablesNote?: string;
  /** `reopened`: the new complaint (CMP-5). */
  @Uuid({ optional: true }) reopenedAs?: string;
}

export const COMPLAINT_DEADLINES = ['acknowledge', 'firstProposal', 'investigationReport', 'resolution', 'followUp'] as const;

/** `data` of `complaints.complaint.sla-breached` and `sla-warning` (CMP-9): which due time was missed or is near. */
export class ComplaintSlaBreachedEventData {
  @Uuid() complaintId: string;
  @Text() number: string;
  @OneOf(COMPLAINT_DEADLINES) deadline: string;
  @Instant() dueAt: string;
  @OneOf(COMPLAINT_STATUSES) status: string;
}

/** The `data` contract of each complaints event type (libs/contracts `EVENT_DATA_CONTRACTS`). */
export const COMPLAINT_EVENT_DATA: { readonly [Type in ComplaintEventType]: ContractClass } = {
  [ComplaintEventType.Registered]: ComplaintEventData,
  [ComplaintEventType.Accepted]: ComplaintEventData,
  [ComplaintEventType.Rejected]: ComplaintEventData,
  [ComplaintEventType.Escalated]: ComplaintEventData,
  [ComplaintEventType.Assigned]: ComplaintEventData,
  [ComplaintEventType.FindingsRecorded]: ComplaintEventData,
  [ComplaintEventType.Proposed]: ComplaintEventData,
  [ComplaintEventType.Approved]: ComplaintEventData,
  [ComplaintEventType.Resolved]: ComplaintEventData,
  [ComplaintEventType.Closed]: ComplaintEventData,
  [ComplaintEventType.Extended]: ComplaintEventData,
  [ComplaintEventType.SlaBreached]: ComplaintSlaBreachedEventData,
  [ComplaintEventType.SlaWarning]: ComplaintSlaBreachedEventData,
  [ComplaintEventType.Reopened]: ComplaintEventData,
};
