import type { Actor, Caller, ComplaintSummary, ComplaintView } from '@crm/contracts';
import type { Complaint } from './complaint.entity';
import { ESCALATION_LEVELS, missedDeadlines } from './complaint-sla.policy';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function actorOf(caller: Caller): Actor {
  return { keyId: caller.keyId, name: caller.name };
}

/** CMP-9: open and past a due time whose step has not been done yet (`missedDeadlines`). */
export function isOverdue(complaint: Complaint, now: Date): boolean {
  return missedDeadlines(complaint, now).length > 0;
}

export function toSummary(complaint: Complaint, now: Date): ComplaintSummary {
  return {
    id: complaint.id,
    number: complaint.number,
    kind: complaint.kind,
    channel: complaint.channel,
    category: complaint.category,
    severity: complaint.severity,
    status: complaint.status,
    subject: complaint.details.subject,
    customerId: complaint.customerId,
    due: {
      acknowledge: complaint.acknowledgeDueAt.toISOString(),
      firstProposal: complaint.firstProposalDueAt.toISOString(),
      investigationReport: complaint.investigationDueAt.toISOString(),
      resolution: complaint.resolutionDueAt.toISOString(),
      followUp: complaint.followUpDueAt.toISOString(),
    },
    overdue: isOverdue(complaint, now),
    createdAt: complaint.createdAt.toISOString(),
  };
}

/** The whole record; built field by field (never the entity itself). */
export function toView(complaint: Complaint, now: Date): ComplaintView {
  const { details } = complaint;
  return {
    ...toSummary(complaint, now),
    updatedAt: complaint.updatedAt.toISOString(),
    version: complaint.version,
    complainant: details.complainant,
    description: details.description,
    demand: details.demand,
    occurredAt: iso(complaint.occurredAt),
    product: details.product,
    invalidReason: complaint.invalidReason,
    malicious: complaint.malicious,
    escalatedTo: complaint.escalatedTo,
    escalationLevel: ESCALATION_LEVELS[complaint.escalationLevel] ?? 'handler',
    supersedes: complaint.supersedes,
    supersededBy: complaint.supersededBy,
    receivablesNote: complaint.receivablesNote,
    acknowledgedAt: iso(complaint.acknowledgedAt),
    assignment: complaint.assignment,
    findings: complaint.findings,
    proposal: complaint.proposal,
    approval: complaint.approval,
    resolution: complaint.resolution,
    followUps: complaint.followUps,
    extension: complaint.extension,
    closedAt: iso(complaint.closedAt),
    retainUntil: iso(complaint.retainUntil),
    createdBy: complaint.createdBy,
  };
}
