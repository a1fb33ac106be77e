import type { CustomerStatus, VisitKind } from '@crm/contracts';
import { DevelopmentException } from './development.exception';

/** Archive statuses before activation: the archive is being developed (DEV-1). */
export const DEVELOPING_STATUSES: readonly CustomerStatus[] = ['prospect', 'pending_approval', 'rejected'];

/** What DEV-1 needs to know of an archive's development. */
export interface DevelopmentState {
  status: 'pending' | 'approved' | null;
  halted: boolean;
}

/**
 * DEV-1/DEV-2: the kind of a visit follows from the archive. An active archive gets `programme`
 * visits; a prospect (also while pending approval or after a rejection) gets `development` visits
 * once its development application is approved and not halted, `survey` visits before that (and
 * while halted: the development is stopped). Dormant archives are not visited (409).
 */
export function visitKindFor(status: CustomerStatus, development: DevelopmentState | null): VisitKind {
  if (status === 'active') return 'programme';
  if (DEVELOPING_STATUSES.includes(status)) {
    return development?.status === 'approved' && !development.halted ? 'development' : 'survey';
  }
  throw DevelopmentException.wrongStep('DEV-3', `an archive in status ${status} is not visited`);
}

/** DEV-1: only a prospect being developed may apply, be approved, halted or resumed. */
export function assertDeveloping(status: CustomerStatus, action: string): void {
  if (!DEVELOPING_STATUSES.includes(status)) {
    throw DevelopmentException.wrongStep('DEV-1', `cannot ${action} the development of an archive in status ${status}`);
  }
}

/** DEV-1: one application per archive; approving needs a pending one. */
export function assertMayApply(development: DevelopmentState | null): void {
  if (development?.status)
    throw DevelopmentException.wrongStep('DEV-1', `the archive already has a development application (${development.status})`);
}

export function assertMayApprove(development: DevelopmentState | null): void {
  if (development?.status !== 'pending') {
    throw DevelopmentException.wrongStep('DEV-1', `no pending development application to approve (${development?.status ?? 'none'})`);
  }
}

export function assertMayHalt(development: DevelopmentState | null): void {
  if (development?.halted) throw DevelopmentException.wrongStep('DEV-1', 'the development is already halted');
}

export function assertMayResume(development: DevelopmentState | null): void {
  if (!development?.halted) throw DevelopmentException.wrongStep('DEV-1', 'the development is not halted');
}

/** DEV-1: a halted prospect cannot be submitted (CUS-2) until a manager resumes it. */
export function assertSubmittable(development: DevelopmentState | null): void {
  if (development?.halted) {
    throw DevelopmentException.rule('DEV-1', 'the development of this prospect is halted; a manager must resume it before it is submitted');
  }
}

/** Staff names compare without case and surrounding blanks. */
export function sameStaff(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** DEV-2: the handbook forbids the region's own salesperson as the visitor. */
export function assertNotOwnerRep(visitor: string, ownerRep: string | null | undefined): void {
  if (sameStaff(visitor, ownerRep)) {
    throw DevelopmentException.rule('DEV-2', 'the visitor of an archive may not be its owner sales rep', [
      { field: 'visitor', message: 'DEV-2: the owner sales rep cannot be the visitor' },
    ]);
  }
}
