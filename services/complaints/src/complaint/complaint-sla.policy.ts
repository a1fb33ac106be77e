import type { ComplaintStatus } from '@crm/contracts';
import { isOpen } from './complaint-lifecycle.policy';

export type ComplaintDeadline = 'acknowledge' | 'firstProposal' | 'investigationReport' | 'resolution' | 'followUp';

export interface ComplaintClock {
  status: ComplaintStatus;
  acknowledgeDueAt: Date;
  firstProposalDueAt: Date;
  investigationDueAt: Date;
  resolutionDueAt: Date;
  followUpDueAt: Date;
  acknowledgedAt: Date | null;
  firstProposalAt: Date | null;
  resolvedAt: Date | null;
}

/**
 * CMP-9: the due times an open record has missed — each one whose step is not done yet:
 * acknowledge before accept/reject; first proposal and investigation report before a first
 * proposal; resolution before resolve; follow-up while resolved. Final records miss nothing.
 */
export function missedDeadlines(record: ComplaintClock, now: Date): { deadline: ComplaintDeadline; dueAt: Date }[] {
  if (!isOpen(record.status)) return [];
  const candidates: [ComplaintDeadline, Date, boolean][] = [
    ['acknowledge', record.acknowledgeDueAt, !record.acknowledgedAt],
    ['firstProposal', record.firstProposalDueAt, !record.firstProposalAt],
    ['investigationReport', record.investigationDueAt, !record.firstProposalAt],
    ['resolution', record.resolutionDueAt, !record.resolvedAt],
    ['followUp', record.followUpDueAt, record.status === 'resolved'],
  ];
  return candidates
    .filter(([, dueAt, pending]) => pending && dueAt.getTime() < now.getTime())
    .map(([deadline, dueAt]) => ({ deadline, dueAt }));
}

export interface ComplaintWarningClock extends ComplaintClock {
  acknowledgeWarnAt: Date | null;
  firstProposalWarnAt: Date | null;
  investigationWarnAt: Date | null;
  resolutionWarnAt: Date | null;
  followUpWarnAt: Date | null;
}

/**
 * CMP-9 warnings: the due times of an open record that are pending, not yet missed and 75 % used up
 * (their warning instant has passed). A missed one is a breach instead.
 */
export function warningsDue(record: ComplaintWarningClock, now: Date): { deadline: ComplaintDeadline; dueAt: Date }[] {
  if (!isOpen(record.status)) return [];
  const candidates: [ComplaintDeadline, Date, Date | null, boolean][] = [
    ['acknowledge', record.acknowledgeDueAt, record.acknowledgeWarnAt, !record.acknowledgedAt],
    ['firstProposal', record.firstProposalDueAt, record.firstProposalWarnAt, !record.firstProposalAt],
    ['investigationReport', record.investigationDueAt, record.investigationWarnAt, !record.firstProposalAt],
    ['resolution', record.resolutionDueAt, record.resolutionWarnAt, !record.resolvedAt],
    ['followUp', record.followUpDueAt, record.followUpWarnAt, record.status === 'resolved'],
  ];
  return candidates
    .filter(
      ([, dueAt, warnAt, pending]) => pending && warnAt !== null && warnAt.getTime() <= now.getTime() && dueAt.getTime() >= now.getTime(),
    )
    .map(([deadline, dueAt]) => ({ deadline, dueAt }));
}

/** CMP-9 "escalates one level": 0 the handler, 1 the manager, 2 an executive (the top). */
export const ESCALATION_LEVELS = ['handler', 'manager', 'executive'] as const;
export const TOP_ESCALATION_LEVEL = ESCALATION_LEVELS.length - 1;

export function escalateOneLevel(level: number): number {
  return Math.min(level + 1, TOP_ESCALATION_LEVEL);
}
