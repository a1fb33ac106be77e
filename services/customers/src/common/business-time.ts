/**
 * SPEC "Conventions": business dates are in the tenant time zone, default Asia/Shanghai. China has
 * kept UTC+08:00 without daylight saving since 1991, so a fixed offset is exact and keeps these
 * functions pure (no time-zone database needed).
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar year at `at` in Asia/Shanghai (e.g. 2026-12-31T16:00Z is already 2027). */
export function businessYear(at: Date): number {
  return new Date(at.getTime() + OFFSET_MS).getUTCFullYear();
}

/**
 * `at` plus whole calendar months on the Asia/Shanghai calendar, keeping the wall-clock time;
 * a day that does not exist in the target month clamps to its last day (Nov 30 + 3 months =
 * Feb 28/29), as people count "three months later".
 */
export function addBusinessMonths(at: Date, months: number): Date {
  const local = new Date(at.getTime() + OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const shifted = Date.UTC(year, month, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(shifted - OFFSET_MS);
}

export const DAY_MS = 24 * 60 * 60 * 1000;
