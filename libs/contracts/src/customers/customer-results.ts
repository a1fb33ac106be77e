import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { CONFIDENTIALITY_LEVELS, type ConfidentialityLevel } from '../caller';
import {
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  CustomerContentFields,
  Contact,
  GRADES,
  REVIEW_OUTCOMES,
  type CustomerStatus,
  type CustomerType,
  type Grade,
  type ReviewOutcome,
} from './customer-inputs';

/*
 * What the customers service answers, documented once for the gateway's OpenAPI document.
 * A validating proxy checks every answer against these (issue 6): `nullable` marks what the
 * service sends as `null`; optional members are the ones it leaves out.
 */

const instant = { type: String, format: 'date-time' } as const;
const nullableInstant = { ...instant, nullable: true } as const;
const DESTRUCTION_ROLES = ['archivist', 'manager', 'executive'] as const;

export class Actor {
  @ApiProperty({ format: 'uuid' }) keyId: string;
  @ApiProperty() name: string;
}

/** CUS-6: what every staff role may see of any archive. */
export class CustomerSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'C2026000123', description: 'CUS-4, assigned on approval' }) code: string | null;
  @ApiProperty({ description: 'Empty once destroyed (CUS-9)' }) name: string;
  @ApiProperty({ enum: CUSTOMER_TYPES }) type: CustomerType;
  @ApiProperty({ enum: GRADES, nullable: true }) grade: Grade | null;
  @ApiProperty({ enum: GRADES, nullable: true }) creditRating: Grade | null;
  @ApiProperty({ enum: CUSTOMER_STATUSES }) status: CustomerStatus;
  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS }) confidentiality: ConfidentialityLevel;
}

export class GradeChange {
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: GRADES, nullable: true }) grade: Grade | null;
  @ApiProperty({ enum: GRADES, nullable: true }) previousGrade: Grade | null;
  @ApiProperty({ enum: GRADES, nullable: true }) creditRating: Grade | null;
  @ApiProperty({ enum: GRADES, nullable: true }) previousCreditRating: Grade | null;
}

export class ReviewRecord {
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
  @ApiProperty({ enum: REVIEW_OUTCOMES }) outcome: ReviewOutcome;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
}

export class DestructionApproval {
  @ApiProperty({ enum: DESTRUCTION_ROLES }) role: (typeof DESTRUCTION_ROLES)[number];
  @ApiProperty({ type: Actor }) by: Actor;
  @ApiProperty(instant) at: string;
}

export class Survey {
  @ApiProperty() generalSurvey: string;
  @ApiProperty() fieldSurvey: string;
  @ApiProperty(instant) submittedAt: string;
  @ApiProperty({ type: Actor }) submittedBy: Actor;
}

/** The workflow and concurrency fields every command answer and the full archive share. */
class CustomerWorkflowFields extends CustomerSummary {
  @ApiProperty(instant) createdAt: string;
  @ApiProperty(instant) updatedAt: string;
  @ApiProperty({ type: 'integer', description: 'Send it back as If-Match on PATCH (also the ETag)' }) version: number;
  @ApiProperty(nullableInstant) firstContactAt: string | null;
  @ApiProperty({ ...nullableInstant, description: 'CUS-3: firstContactAt + 7 days' }) archiveDueBy: string | null;
  @ApiProperty({ description: 'CUS-3: archived more than 7 days after first contact' }) createdLate: boolean;
  @ApiProperty(nullableInstant) approvedAt: string | null;
  @ApiProperty(nullableInstant) lastReviewedAt: string | null;
  @ApiProperty({ ...nullableInstant, description: 'CUS-8' }) nextReviewDueAt: string | null;
  @ApiProperty({ description: 'CUS-8' }) reviewOverdue: boolean;
  @ApiProperty(nullableInstant) dormantAt: string | null;
  @ApiProperty({ type: [DestructionApproval] }) destructionApprovals: DestructionApproval[];
}

/**
 * What every command except Register answers: the summary with the workflow and concurrency
 * fields, never the archive content (CUS-6/CUS-7: content is read only through Get, with a purpose).
 */
export class CustomerStatusView extends CustomerWorkflowFields {
  @ApiProperty({ ...nullableInstant, description: 'CUS-9: set once destroyed' }) destroyedAt: string | null;
}

/** DEV-1: one credit investigation record on the archive. */
export class CreditInvestigation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty() paymentHabits: string;
  @ApiPropertyOptional() bank?: string;
  @ApiPropertyOptional() guarantees?: string;
  @ApiProperty() conclusion: string;
  @ApiProperty({ enum: GRADES }) highestCreditLevel: Grade;
  @ApiProperty({ type: Actor }) investigatedBy: Actor;
  @ApiProperty(instant) createdAt: string;
}

/** The archive content as stored: absent members are left out, never sent as `null`. */
class StoredContent extends OmitType(CustomerContentFields, ['confidentiality', 'firstContactAt'] as const) {}

/** The full archive (CUS-1), readable only with enough clearance (CUS-6). */
export class CustomerArchive extends IntersectionType(CustomerWorkflowFields, StoredContent) {
  @ApiProperty({ type: [Contact] }) contacts: Contact[];
  @ApiProperty({ type: Actor }) createdBy: Actor;
  @ApiProperty({ type: Survey, nullable: true }) survey: Survey | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: Actor, nullable: true }) approvedBy: Actor | null;
  @ApiProperty({ type: [GradeChange] }) gradeHistory: GradeChange[];
  @ApiProperty({ type: [ReviewRecord] }) reviews: ReviewRecord[];
  @ApiProperty({ type: String, nullable: true, description: 'DEV-2: the designated visitor' }) visitor: string | null;
  @ApiProperty({ ...nullableInstant, description: 'DEV-2' }) lastVisitedAt: string | null;
  @ApiProperty({ ...nullableInstant, description: 'DEV-2: last visit + interval of the grade; null without a visit programme' })
  nextVisitDueAt: string | null;
  @ApiProperty({ type: [CreditInvestigation], description: 'DEV-1, oldest first' }) creditInvestigations: CreditInvestigation[];
}

/**
 * CUS-9: what remains of a destroyed archive — the answer of Get once destroyed, of the third
 * destruction approval, and the `tombstone` member of the 410 problem every command on it gets.
 */
export class CustomerTombstone {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty({ enum: ['destroyed'] }) status: 'destroyed';
  @ApiProperty(instant) destroyedAt: string;
  @ApiProperty({ type: [DestructionApproval] }) approvers: DestructionApproval[];
}

/** CUS-7: one entry of the borrowing register. */
export class AccessLogEntry {
  @ApiProperty(instant) at: string;
  @ApiProperty({ description: 'Name of the API key' }) caller: string;
  @ApiProperty({ format: 'uuid' }) callerKeyId: string;
  @ApiProperty() purpose: string;
  @ApiProperty({ enum: ['granted', 'denied'] }) outcome: 'granted' | 'denied';
  @ApiPropertyOptional() reason?: string;
}

export class CustomerPage {
  @ApiProperty({ type: [CustomerSummary] }) items: CustomerSummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AccessLogPage {
  @ApiProperty({ type: [AccessLogEntry] }) items: AccessLogEntry[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
