import { DAY_MS, HOUR_MS, MINUTE_MS, instantOfBusinessDay } from './business-time';

/** Day number (days since 1970-01-01) of a calendar date `YYYY-MM-DD`; refuses 2026-02-30 and the like. */
export function dayNumberOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  }
  return time / DAY_MS;
}

/** The calendar date `YYYY-MM-DD` of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** Milliseconds after midnight of a wall-clock time `HH:MM` (00:00 … 24:00). */
export function timeOfDayMs(time: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  const ms = match ? Number(match[1]) * HOUR_MS + Number(match[2]) * MINUTE_MS : NaN;
  if (!match || ms > DAY_MS) throw new RangeError(`"${time}" is not a time of day (HH:MM, 00:00 … 24:00)`);
  return ms;
}

/** The instant of a business wall-clock time: `businessInstant('2026-10-08', '09:00')` is 01:00Z. */
export function businessInstant(date: string, time = '00:00'): Date {
  return instantOfBusinessDay(dayNumberOf(date), timeOfDayMs(time));
}

/**
 * A list of dates as an operator writes it in configuration: separated by commas or white space,
 * each a `YYYY-MM-DD` or an inclusive range `YYYY-MM-DD..YYYY-MM-DD`
 * (`"2026-10-01..2026-10-07, 2026-09-27"`). Refuses anything else, naming it.
 */
export function parseDateList(text: string): string[] {
  const dates: string[] = [];
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const [from, to, ...rest] = item.split('..');
    if (rest.length) throw new RangeError(`"${item}" is not a date or a date range`);
    const first = dayNumberOf(from);
    const last = to === undefined ? first : dayNumberOf(to);
    if (last < first || last - first > 366) throw new RangeError(`"${item}" is not a date range of at most a year, first date first`);
    for (let day = first; day <= last; day++) dates.push(dateOfDayNumber(day));
  }
  return dates;
}
