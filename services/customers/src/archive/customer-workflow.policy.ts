import type { CustomerStatus } from '@crm/contracts';
import { CustomerException } from './customer.exception';

interface Step {
  from: readonly CustomerStatus[];
  rule: string;
}

/**
 * Which status each command may start from. CUS-2 onboarding (prospect → submit →
 * pending_approval → approve/reject; rejected may be resubmitted); CUS-8 review and dormancy;
 * CUS-9 destruction. Edits (CUS-1) are allowed while the archive is being prepared or is in use
 * (prospect, rejected, active) — not while a manager is deciding on it (pending_approval), not
 * once it is dormant (frozen awaiting destruction), never after destruction.
 */
export const WORKFLOW = {
  update: { from: ['prospect', 'rejected', 'active'], rule: 'CUS-2' },
  submit: { from: ['prospect', 'rejected'], rule: 'CUS-2' },
  approve: { from: ['pending_approval'], rule: 'CUS-2' },
  reject: { from: ['pending_approval'], rule: 'CUS-2' },
  grade: { from: ['prospect', 'pending_approval', 'active', 'rejected', 'dormant'], rule: 'CUS-5' },
  review: { from: ['active'], rule: 'CUS-8' },
  markDormant: { from: ['active'], rule: 'CUS-8' },
  approveDestruction: { from: ['dormant'], rule: 'CUS-9' },
} as const satisfies Record<string, Step>;

export type WorkflowStep = keyof typeof WORKFLOW;

export function canTake(step: WorkflowStep, status: CustomerStatus): boolean {
  return (WORKFLOW[step].from as readonly CustomerStatus[]).includes(status);
}

/** A command in the wrong status is a state conflict (409) naming the rule. */
export function assertCanTake(step: WorkflowStep, status: CustomerStatus): void {
  if (!canTake(step, status)) throw CustomerException.wrongStatus(WORKFLOW[step].rule, step, status, WORKFLOW[step].from);
}
