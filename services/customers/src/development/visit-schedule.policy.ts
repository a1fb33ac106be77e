import type { Grade } from '@crm/contracts';
import type { VisitIntervals } from '../customers.config';

const DAY_MS = 24 * 60 * 60 * 1000;

/** DEV-2: the visit interval of a grade (configurable; an archive without a grade has its own). */
export function visitIntervalDays(grade: Grade | null, intervals: VisitIntervals): number {
  return grade ? intervals[grade] : intervals.none;
}

/**
 * DEV-2: `nextVisitDueAt` = last visit + interval. Before the first visit the programme counts from
 * its start (the archive's approval, else the designation).
 */
export function nextVisitDue(lastVisitedAt: Date | null, programmeStart: Date, intervalDays: number): Date {
  return new Date((lastVisitedAt ?? programmeStart).getTime() + intervalDays * DAY_MS);
}

/** The later of the recorded last visit and a new visit: a back-dated report does not move it back. */
export function latestVisit(lastVisitedAt: Date | null, visitedAt: Date): Date {
  return lastVisitedAt && lastVisitedAt.getTime() >= visitedAt.getTime() ? lastVisitedAt : visitedAt;
}

export function isVisitOverdue(nextVisitDueAt: Date, now: Date): boolean {
  return nextVisitDueAt.getTime() < now.getTime();
}
