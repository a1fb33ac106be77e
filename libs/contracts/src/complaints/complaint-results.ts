import { ApiProperty } from '@nestjs/swagger';
import { Money } from '../formats';
import { Actor } from '../customers/customer-results';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_INVALID_REASONS,
  COMPLAINT_KINDS,
  COMPLAINT_RESOLUTIONS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  ComplaintComplainant,
  ComplaintProduct,
  ComplaintPurchaseRef,
  ComplaintRatings,
  ComplaintResolutionLine,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintInvalidReason,
  type ComplaintKind,
  type ComplaintResolution,
  type ComplaintSeverity,
  type ComplaintStatus,
} from './complaint-inputs';

/*
 * What the complaints service answers, documented once for the gateway's OpenAPI document.
 * `nullable` marks exactly what the service sends as `null`; optional members are left out.
 */

const instant = { type: String, format: 'date-time' } as const;
const nullableInstant = { ...instant, nullable: true } as const;

/** CMP-9: every due time, computed at registration on the working-day calendar. */
export class ComplaintDue {
  @ApiProperty({ ...instant, description: 'Acknowledge (accept or reject) within 30 business minutes' }) acknowledge: string;
  @ApiProperty({ ...instant, description: 'Responsibility and first proposal within 1 working day' }) firstProposal: string;
  @ApiProperty({ ...instant, description: 'Investigation report within 3 working days' }) investigationReport: string;
  @ApiProperty({ ...instant, description: 'Resolution within 3 working days (7 once extended); inquiries: 24 hours' }) resolution: string;
  @ApiProperty({ ...instant, description: '1 working day after the resolution (due; recomputed when resolved)' }) followUp: string;
}

export class ComplaintAssignment {
  @ApiProperty() department: string;
  @ApiProperty() assignee: string;
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
}

export class ComplaintPenaltyRecord {
  @ApiProperty({ type: Money }) amount: Money;
  @ApiProperty({ type: 'integer' }) kpiPoints: number;
  @ApiProperty() department: string;
  @ApiProperty({ type: String, nullable: true }) person: string | null;
}

/** CMP-6 findings, with the CMP-11 penalty when we are at fault. */
export class ComplaintFindings {
  @ApiProperty() rootCause: string;
  @ApiProperty() ourFault: boolean;
  @ApiProperty() responsibleDepartment: string;
  @ApiProperty({ type: String, nullable: true }) responsiblePerson: string | null;
  @ApiProperty({ type: String, nullable: true }) correctiveAction: string | null;
  @ApiProperty({ type: String, nullable: true }) preventiveAction: string | null;
  @ApiProperty({ type: ComplaintPenaltyRecord, nullable: true }) penalty: ComplaintPenaltyRecord | null;
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
}

/** CMP-7 proposal; `value` is what CMP-8 authority is decided on. */
export class ComplaintProposal {
  @ApiProperty({ enum: COMPLAINT_RESOLUTIONS }) resolution: ComplaintResolution;
  @ApiProperty({ type: Money, nullable: true }) amount: Money | null;
  @ApiProperty({ type: [ComplaintResolutionLine] }) lines: ComplaintResolutionLine[];
  @ApiProperty({ type: ComplaintPurchaseRef, nullable: true }) purchaseRef: ComplaintPurchaseRef | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: Money, description: 'CMP-8: the amount plus the lines (quantity × unit price)' }) value: Money;
  @ApiProperty({ enum: ['manager', 'executive'], description: 'CMP-8: who may approve it' }) approvalBy: 'manager' | 'executive';
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
}

export class ComplaintApproval {
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
  @ApiProperty({ enum: ['manager', 'executive', 'admin'] }) authority: 'manager' | 'executive' | 'admin';
}

export class ComplaintResolutionRecord {
  @ApiProperty() message: string;
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
}

export class ComplaintFollowUpRecord {
  @ApiProperty() satisfied: boolean;
  @ApiProperty({ type: ComplaintRatings, nullable: true }) ratings: ComplaintRatings | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
}

export class ComplaintExtension {
  @ApiProperty() reason: string;
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
}

/** What lists show. */
export class ComplaintSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CP-202611-0001', description: 'CMP-1' }) number: string;
  @ApiProperty({ enum: COMPLAINT_KINDS }) kind: ComplaintKind;
  @ApiProperty({ enum: COMPLAINT_CHANNELS }) channel: ComplaintChannel;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category: ComplaintCategory;
  @ApiProperty({ enum: COMPLAINT_SEVERITIES, nullable: true }) severity: ComplaintSeverity | null;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: ComplaintStatus;
  @ApiProperty() subject: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) customerId: string | null;
  @ApiProperty({ type: ComplaintDue }) due: ComplaintDue;
  @ApiProperty({ description: 'CMP-9: open and past one of its due times' }) overdue: boolean;
  @ApiProperty(instant) createdAt: string;
}

/** The whole record (CMP-1..CMP-12), the answer of every command and of Get. */
export class ComplaintView extends ComplaintSummary {
  @ApiProperty(instant) updatedAt: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: ComplaintComplainant }) complainant: ComplaintComplainant;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) demand: string | null;
  @ApiProperty(nullableInstant) occurredAt: string | null;
  @ApiProperty({ type: ComplaintProduct, nullable: true }) product: ComplaintProduct | null;
  @ApiProperty({ enum: COMPLAINT_INVALID_REASONS, nullable: true, description: 'CMP-3' }) invalidReason: ComplaintInvalidReason | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'CMP-3: invalid and malicious (null while not rejected)' })
  malicious: boolean | null;
  @ApiProperty({ enum: ['executive'], nullable: true, description: 'CMP-4: major complaints escalate at once' })
  escalatedTo: 'executive' | null;
  @ApiProperty({
    enum: ['handler', 'manager', 'executive'],
    description: 'CMP-9: one level up per missed due time; CMP-4: major starts at executive',
  })
  escalationLevel: 'handler' | 'manager' | 'executive';
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'CMP-5: the complaint this one reopens' })
  supersedes: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'CMP-5: the complaint that reopened this one' })
  supersededBy: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'CMP-10: on a rejected complaint about an unpaid order, the note that receivables are collected as normal',
  })
  receivablesNote: string | null;
  @ApiProperty(nullableInstant) acknowledgedAt: string | null;
  @ApiProperty({ type: ComplaintAssignment, nullable: true }) assignment: ComplaintAssignment | null;
  @ApiProperty({ type: ComplaintFindings, nullable: true }) findings: ComplaintFindings | null;
  @ApiProperty({ type: ComplaintProposal, nullable: true }) proposal: ComplaintProposal | null;
  @ApiProperty({ type: ComplaintApproval, nullable: true }) approval: ComplaintApproval | null;
  @ApiProperty({ type: ComplaintResolutionRecord, nullable: true }) resolution: ComplaintResolutionRecord | null;
  @ApiProperty({ type: [ComplaintFollowUpRecord] }) followUps: ComplaintFollowUpRecord[];
  @ApiProperty({ type: ComplaintExtension, nullable: true, description: 'CMP-9: at most one' }) extension: ComplaintExtension | null;
  @ApiProperty(nullableInstant) closedAt: string | null;
  @ApiProperty({ ...nullableInstant, description: 'CMP-14: kept at least until then; null while open or when major (indefinitely)' })
  retainUntil: string | null;
  @ApiProperty({ type: Actor }) createdBy: Actor;
}

/** CMP-5: the follow-up answer; an unsatisfied customer gets a new complaint, `reopenedAs`. */
export class ComplaintFollowUpResult extends ComplaintView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The new complaint (null when satisfied)' })
  reopenedAs: string | null;
}

export class ComplaintPage {
  @ApiProperty({ type: [ComplaintSummary] }) items: ComplaintSummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
