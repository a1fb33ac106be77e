import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  Actor,
  ComplaintApproval,
  ComplaintAssignment,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintComplainant,
  ComplaintExtension,
  ComplaintFindings,
  ComplaintFollowUpRecord,
  ComplaintInvalidReason,
  ComplaintKind,
  ComplaintProduct,
  ComplaintProposal,
  ComplaintResolutionRecord,
  ComplaintSeverity,
  ComplaintStatus,
} from '@crm/contracts';

/** CMP-1 content that is only read and written as a whole (never filtered on). */
export interface ComplaintDetails {
  complainant: ComplaintComplainant;
  subject: string;
  description: string;
  demand: string | null;
  product: ComplaintProduct | null;
}

const timestamp = { type: 'timestamptz' as const, nullable: true };
const due = { type: 'timestamptz' as const };

/**
 * One inquiry, suggestion or complaint (CMP-1). What lists filter or sort on, the due times
 * (CMP-9, for the SLA scanner and `overdue`) and the links between reopened complaints (CMP-5)
 * are columns; the record of each step is jsonb. `version` counts every change.
 */
@Entity({ name: 'complaints' })
export class Complaint {
  @PrimaryColumn('uuid') id: string;

  /** Set by the database (identity); read only. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;

  @Column({ type: 'varchar', length: 20 }) number: string;
  @Column({ type: 'varchar', length: 20 }) kind: ComplaintKind;
  @Column({ type: 'varchar', length: 20 }) channel: ComplaintChannel;
  @Column({ type: 'varchar', length: 20 }) category: ComplaintCategory;
  @Column({ type: 'varchar', length: 20, nullable: true }) severity: ComplaintSeverity | null;
  @Column({ type: 'varchar', length: 20 }) status: ComplaintStatus;
  @Column({ name: 'customer_id', type: 'uuid', nullable: true }) customerId: string | null;
  @Column({ type: 'uuid', nullable: true }) supersedes: string | null;
  @Column({ name: 'superseded_by', type: 'uuid', nullable: true }) supersededBy: string | null;
  @Column({ name: 'invalid_reason', type: 'varchar', length: 40, nullable: true }) invalidReason: ComplaintInvalidReason | null;
  @Column({ type: 'boolean', nullable: true }) malicious: boolean | null;
  @Column({ name: 'escalated_to', type: 'varchar', length: 20, nullable: true }) escalatedTo: 'executive' | null;
  /** CMP-9/CMP-4: 0 handler, 1 manager, 2 executive. */
  @Column({ name: 'escalation_level', type: 'smallint', default: 0 }) escalationLevel: number;
  @Column({ name: 'occurred_at', ...timestamp }) occurredAt: Date | null;
  @Column({ type: 'jsonb' }) details: ComplaintDetails;

  @Column({ name: 'acknowledge_due_at', ...due }) acknowledgeDueAt: Date;
  @Column({ name: 'first_proposal_due_at', ...due }) firstProposalDueAt: Date;
  @Column({ name: 'investigation_due_at', ...due }) investigationDueAt: Date;
  @Column({ name: 'resolution_due_at', ...due }) resolutionDueAt: Date;
  @Column({ name: 'follow_up_due_at', ...due }) followUpDueAt: Date;

  /** CMP-9: when 75 % of each due time is used up (null only on rows older than the warnings). */
  @Column({ name: 'acknowledge_warn_at', ...timestamp }) acknowledgeWarnAt: Date | null;
  @Column({ name: 'first_proposal_warn_at', ...timestamp }) firstProposalWarnAt: Date | null;
  @Column({ name: 'investigation_warn_at', ...timestamp }) investigationWarnAt: Date | null;
  @Column({ name: 'resolution_warn_at', ...timestamp }) resolutionWarnAt: Date | null;
  @Column({ name: 'follow_up_warn_at', ...timestamp }) followUpWarnAt: Date | null;

  @Column({ name: 'acknowledged_at', ...timestamp }) acknowledgedAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) assignment: ComplaintAssignment | null;
  @Column({ type: 'jsonb', nullable: true }) findings: ComplaintFindings | null;
  @Column({ name: 'first_proposal_at', ...timestamp }) firstProposalAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) proposal: ComplaintProposal | null;
  @Column({ type: 'jsonb', nullable: true }) approval: ComplaintApproval | null;
  @Column({ type: 'jsonb', nullable: true }) resolution: ComplaintResolutionRecord | null;
  @Column({ name: 'resolved_at', ...timestamp }) resolvedAt: Date | null;
  @Column({ name: 'follow_ups', type: 'jsonb', default: () => "'[]'::jsonb" }) followUps: ComplaintFollowUpRecord[];
  @Column({ type: 'jsonb', nullable: true }) extension: ComplaintExtension | null;
  @Column({ name: 'closed_at', ...timestamp }) closedAt: Date | null;
  /** CMP-10: set when a complaint about an unpaid order is rejected. */
  @Column({ name: 'receivables_note', type: 'text', nullable: true }) receivablesNote: string | null;
  @Column({ name: 'retain_until', ...timestamp }) retainUntil: Date | null;

  @Column({ name: 'created_by', type: 'jsonb' }) createdBy: Actor;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
