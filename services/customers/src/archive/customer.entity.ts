import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  Actor,
  Address,
  BusinessStatus,
  ConfidentialityLevel,
  Contact,
  CreditInformation,
  CustomerStatus,
  CustomerType,
  DestructionApproval,
  EmergencyContact,
  Grade,
  GradeChange,
  Money,
  Registration,
  ReviewRecord,
} from '@crm/contracts';

/**
 * CUS-1 archive content that is only ever read and written as a whole (never filtered on), kept
 * in one jsonb column. Erased to `null` on destruction (CUS-9).
 */
export interface CustomerContent {
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
  ownerRep?: string;
  notes?: string;
}

/** CUS-2 submission: the survey findings and the key that submitted them. */
export interface CustomerSurvey {
  generalSurvey: string;
  fieldSurvey: string;
  submittedAt: string;
  submittedBy: Actor;
}

const timestamp = { type: 'timestamptz' as const, nullable: true };

/**
 * One customer archive. Fields that lists filter or sort on are columns; the rest of the CUS-1
 * content is jsonb. `version` is the optimistic-concurrency counter (CUS-1, If-Match → 412),
 * incremented by every command; `seq` orders lists newest first (CUS-6 cursor).
 */
@Entity({ name: 'customers' })
export class Customer {
  @PrimaryColumn('uuid')
  id: string;

  /** Set by the database (identity); read only. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  /** CUS-4: assigned once on approval, never changed. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  code: string | null;

  @Column({ type: 'varchar', length: 20 })
  type: CustomerType;

  /** `null` only after destruction (CUS-9). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: CustomerStatus;

  @Column({ type: 'varchar', length: 20 })
  confidentiality: ConfidentialityLevel;

  @Column({ type: 'varchar', length: 1, nullable: true })
  grade: Grade | null;

  @Column({ name: 'credit_rating', type: 'varchar', length: 1, nullable: true })
  creditRating: Grade | null;

  @Column({ type: 'jsonb', nullable: true })
  content: CustomerContent | null;

  @Column({ name: 'first_contact_at', ...timestamp })
  firstContactAt: Date | null;

  @Column({ name: 'archive_due_by', ...timestamp })
  archiveDueBy: Date | null;

  @Column({ name: 'created_late', type: 'boolean', default: false })
  createdLate: boolean;

  @Column({ type: 'jsonb', nullable: true })
  survey: CustomerSurvey | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'approved_by', type: 'jsonb', nullable: true })
  approvedBy: Actor | null;

  @Column({ name: 'approved_at', ...timestamp })
  approvedAt: Date | null;

  @Column({ name: 'last_reviewed_at', ...timestamp })
  lastReviewedAt: Date | null;

  @Column({ name: 'next_review_due_at', ...timestamp })
  nextReviewDueAt: Date | null;

  @Column({ name: 'grade_history', type: 'jsonb', default: () => "'[]'::jsonb" })
  gradeHistory: GradeChange[];

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  reviews: ReviewRecord[];

  @Column({ name: 'dormant_at', ...timestamp })
  dormantAt: Date | null;

  @Column({ name: 'dormant_reason', type: 'text', nullable: true })
  dormantReason: string | null;

  @Column({ name: 'destruction_approvals', type: 'jsonb', default: () => "'[]'::jsonb" })
  destructionApprovals: DestructionApproval[];

  @Column({ name: 'destroyed_at', ...timestamp })
  destroyedAt: Date | null;

  @Column({ name: 'created_by', type: 'jsonb', nullable: true })
  createdBy: Actor | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer' })
  version: number;
}

/**
 * Empties the record of what happened to an archive — survey, decisions and their reasons, reviews,
 * grade history, dormancy. A new archive starts with it (CUS-2); destruction erases it (CUS-9).
 * One list, so a field added to the record is cleared on both paths.
 */
export function clearWorkflowRecord(customer: Customer): void {
  customer.survey = null;
  customer.rejectionReason = null;
  customer.approvedBy = null;
  customer.approvedAt = null;
  customer.lastReviewedAt = null;
  customer.nextReviewDueAt = null;
  customer.gradeHistory = [];
  customer.reviews = [];
  customer.dormantAt = null;
  customer.dormantReason = null;
}
