import type { ComplaintStatus } from '@crm/contracts';
import { ComplaintException, ComplaintExceptionCode } from './complaint.exception';

/** The workflow steps of API.md "Complaints" (follow-up has two outcomes, so two rows). */
export type ComplaintStep =
  'accept' | 'reject' | 'assign' | 'findings' | 'propose' | 'approve' | 'resolve' | 'followUpSatisfied' | 'followUpUnsatisfied' | 'extend';

/** How a step is named to callers (the 409 lists these). */
export const STEP_NAMES: Readonly<Record<ComplaintStep, string>> = {
  accept: 'accept',
  reject: 'reject',
  assign: 'assign',
  findings: 'findings',
  propose: 'proposal',
  approve: 'approve',
  resolve: 'resolve',
  followUpSatisfied: 'follow-up',
  followUpUnsatisfied: 'follow-up',
  extend: 'extend',
};

/**
 * CMP-5, the one state machine: status × step → next status. A step missing from a status's row
 * is a wrong step (409). `closed`, `rejected` and `superseded` are final. services/complaints/README.md
 * shows this table; keep the two in step.
 *
 * - `reject` is possible until investigation ends: CMP-3 `facts_contradicted` is found by investigating.
 * - `assign` again while investigating re-assigns; `findings` may be recorded again (corrected)
 *   until a proposal; `propose` again while proposed revises the proposal (it needs approving anew).
 * - `extend` (CMP-9) keeps the status; it is possible while the resolution is still due.
 */
export const LIFECYCLE: Readonly<Record<ComplaintStatus, Partial<Readonly<Record<ComplaintStep, ComplaintStatus>>>>> = {
  registered: { accept: 'accepted', reject: 'rejected', extend: 'registered' },
  accepted: { assign: 'investigating', reject: 'rejected', extend: 'accepted' },
  investigating: { assign: 'investigating', findings: 'investigating', propose: 'proposed', reject: 'rejected', extend: 'investigating' },
  proposed: { approve: 'approved', propose: 'proposed', extend: 'proposed' },
  approved: { resolve: 'resolved', extend: 'approved' },
  resolved: { followUpSatisfied: 'closed', followUpUnsatisfied: 'superseded' },
  closed: {},
  rejected: {},
  superseded: {},
};

/** The steps callers may take in `status`, by their API names. */
export function allowedSteps(status: ComplaintStatus): string[] {
  return [...new Set(Object.keys(LIFECYCLE[status]).map((step) => STEP_NAMES[step as ComplaintStep]))];
}

/** The status after `step`, or a 409 naming CMP-5 and listing the allowed steps. */
export function nextStatus(status: ComplaintStatus, step: ComplaintStep): ComplaintStatus {
  const next = LIFECYCLE[status][step];
  if (next === undefined) {
    const allowed = allowedSteps(status);
    throw new ComplaintException(
      ComplaintExceptionCode.WrongStep,
      `CMP-5: cannot ${STEP_NAMES[step]} a complaint in status ${status} (allowed: ${allowed.length ? allowed.join(', ') : 'none, it is final'})`,
      'CMP-5',
    );
  }
  return next;
}

/** Open = not final: deadlines still run (CMP-9). */
export function isOpen(status: ComplaintStatus): boolean {
  return Object.keys(LIFECYCLE[status]).length > 0;
}
