import { randomUUID } from 'node:crypto';
import type { Caller, ComplaintCategory, ComplaintChannel, ComplaintKind, ComplaintSeverity } from '@crm/contracts';
import type { ComplaintDeadlines } from './complaint-deadlines.policy';
import { Complaint, type ComplaintDetails } from './complaint.entity';
import { receivablesNoteOf } from './complaint-handoff.policy';
import { TOP_ESCALATION_LEVEL } from './complaint-sla.policy';
import { automaticInvalidReason, escalationFor } from './complaint-validity.policy';
import { actorOf } from './complaint.view';

export interface NewComplaint {
  kind: ComplaintKind;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  severity: ComplaintSeverity | null;
  customerId: string | null;
  occurredAt: Date | null;
  details: ComplaintDetails;
  supersedes: string | null;
}

/**
 * A new record in status `registered` (CMP-1), or `rejected` at once when CMP-3 refuses it
 * automatically, with every CMP-9 due time and the CMP-4 escalation. The number is allocated by
 * the caller, last, inside its transaction.
 */
export function createComplaint(fields: NewComplaint, caller: Caller, now: Date, deadlines: ComplaintDeadlines, number: string): Complaint {
  const complaint = new Complaint();
  complaint.id = randomUUID();
  complaint.number = number;
  complaint.kind = fields.kind;
  complaint.channel = fields.channel;
  complaint.category = fields.category;
  complaint.severity = fields.severity;
  complaint.customerId = fields.customerId;
  complaint.occurredAt = fields.occurredAt;
  complaint.details = fields.details;
  complaint.supersedes = fields.supersedes;
  complaint.supersededBy = null;

  const due = deadlines.atRegistration(now, fields); // CMP-9 for its kind, category and severity
  complaint.acknowledgeDueAt = due.acknowledge;
  complaint.firstProposalDueAt = due.firstProposal;
  complaint.investigationDueAt = due.investigationReport;
  complaint.resolutionDueAt = due.resolution;
  complaint.followUpDueAt = due.followUp;

  // CMP-3: a late service-attitude complaint is refused automatically, at registration.
  complaint.invalidReason = automaticInvalidReason(fields, now);
  complaint.status = complaint.invalidReason ? 'rejected' : 'registered';
  complaint.malicious = complaint.invalidReason ? false : null;
  complaint.acknowledgedAt = complaint.invalidReason ? now : null;
  complaint.receivablesNote = receivablesNoteOf(complaint); // CMP-10
  // CMP-4: a major complaint escalates to an executive at once (not a refused one: it is not valid).
  complaint.escalatedTo = complaint.invalidReason ? null : escalationFor(fields.severity);
  complaint.escalationLevel = complaint.escalatedTo ? TOP_ESCALATION_LEVEL : 0;

  complaint.assignment = null;
  complaint.findings = null;
  complaint.firstProposalAt = null;
  complaint.proposal = null;
  complaint.approval = null;
  complaint.resolution = null;
  complaint.resolvedAt = null;
  complaint.followUps = [];
  complaint.extension = null;
  complaint.closedAt = null;
  complaint.retainUntil = null;
  complaint.createdBy = actorOf(caller);
  complaint.createdAt = now;
  deadlines.applyWarnings(complaint);
  complaint.updatedAt = now;
  complaint.version = 1;
  return complaint;
}
