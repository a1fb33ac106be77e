import type { CustomerStatus } from '@crm/contracts';
import { DAY_MS, addBusinessMonths } from '@crm/calendar';

/** CUS-3: an archive must be created within 7 days of first contact. */
export const ARCHIVE_DEADLINE_DAYS = 7;

export function archiveDueBy(firstContactAt: Date): Date {
  return new Date(firstContactAt.getTime() + ARCHIVE_DEADLINE_DAYS * DAY_MS);
}

/** CUS-3: late when the archive was created after its deadline. */
export function isCreatedLate(createdAt: Date, firstContactAt: Date | null): boolean {
  return firstContactAt !== null && createdAt.getTime() > archiveDueBy(firstContactAt).getTime();
}

/** CUS-8: re-verified every 3 months. */
export const REVIEW_INTERVAL_MONTHS = 3;

/** CUS-8: next due = last review (or, before the first one, approval) + 3 months. */
export function nextReviewDueAt(lastReviewOrApproval: Date): Date {
  return addBusinessMonths(lastReviewOrApproval, REVIEW_INTERVAL_MONTHS);
}

/** CUS-8: only active archives are due for review; overdue once the due instant has passed. */
export function isReviewOverdue(status: CustomerStatus, dueAt: Date | null, now: Date): boolean {
  return status === 'active' && dueAt !== null && dueAt.getTime() < now.getTime();
}
