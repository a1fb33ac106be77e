/**
 * SPEC "Conventions": business dates (working days, months of reports and document numbers) are in
 * the tenant time zone, default Asia/Shanghai. China has kept UTC+08:00 without daylight saving
 * since 1991, so a fixed offset is exact and keeps everything here pure (no time-zone database, no
 * dependence on the host's TZ). A tenant in a zone with DST would need real zone rules instead.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';
export const BUSINESS_UTC_OFFSET_MINUTES = 8 * 60;

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = BUSINESS_UTC_OFFSET_MINUTES * MINUTE_MS;

/** Business day number of an instant: whole days since 1970-01-01 on the business calendar. */
export function businessDayNumber(at: Date): number {
  return Math.floor((at.getTime() + OFFSET_MS) / DAY_MS);
}

/** Milliseconds since business midnight of `at` (0 … DAY_MS - 1). */
export function businessTimeOfDay(at: Date): number {
  const local = at.getTime() + OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** The instant at `msOfDay` after business midnight of business day `day`. */
export function instantOfBusinessDay(day: number, msOfDay = 0): Date {
  return new Date(day * DAY_MS + msOfDay - OFFSET_MS);
}

/** The wall clock at `at` in business time, as UTC fields of a shifted Date (internal helper). */
function wallClock(at: Date): Date {
  return new Date(at.getTime() + OFFSET_MS);
}

/** The calendar year at `at` in Asia/Shanghai (2026-12-31T16:00Z is already 2027). */
export function businessYear(at: Date): number {
  return wallClock(at).getUTCFullYear();
}

/** The business date of `at`, `YYYY-MM-DD` (2026-11-30T16:30Z is 2026-12-01 in Shanghai). */
export function businessDate(at: Date): string {
  return wallClock(at).toISOString().slice(0, 10);
}

/** The business month of `at`, `YYYY-MM`. */
export function businessMonth(at: Date): string {
  return wallClock(at).toISOString().slice(0, 7);
}

export type PeriodUnit = 'year' | 'month';

/** The business period containing `at`: `YYYY` for a year, `YYYY-MM` for a month. */
export function businessPeriod(at: Date, unit: PeriodUnit): string {
  return unit === 'year' ? String(businessYear(at)).padStart(4, '0') : businessMonth(at);
}

/**
 * `at` plus whole calendar months on the business calendar, keeping the wall-clock time; a day
 * that does not exist in the target month clamps to its last day (Nov 30 + 3 months = Feb 28/29),
 * as people count "three months later".
 */
export function addBusinessMonths(at: Date, months: number): Date {
  const local = wallClock(at);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const shifted = Date.UTC(year, month, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(shifted - OFFSET_MS);
}
