import { dateOfDayNumber, dayNumberOf, timeOfDayMs, weekdayOfDayNumber } from './business-date';
import { HOUR_MS, MINUTE_MS, businessDayNumber, businessTimeOfDay, instantOfBusinessDay } from './business-time';

export interface WorkingCalendarOptions {
  /** Public holidays, `YYYY-MM-DD` business dates: not working days even on a weekday. */
  holidays?: readonly string[];
  /** Make-up working days (China's adjusted weekends): a Saturday or Sunday that is a working day. */
  makeUpWorkingDays?: readonly string[];
  /** Business hours, business wall-clock `HH:MM`; default 09:00–18:00 (SPEC "Conventions"). */
  opensAt?: string;
  closesAt?: string;
}

/** No configuration keeps working days more than ten years apart; beyond that it is a mistake. */
const MAX_DAYS_SEARCHED = 3660;

/**
 * SPEC "Conventions", CMP-9: the working-day calendar in business time (Asia/Shanghai). A working
 * day is Monday–Friday unless it is a configured holiday, or a Saturday/Sunday configured as a
 * make-up working day. Working time is the business hours [opensAt, closesAt) of working days.
 *
 * Deadlines: the clock starts at `clockStart(at)` (at itself within business hours, else the next
 * opening). "N working days" is N × the length of a business day (9 h) of working time from the
 * clock start: the same business clock time N working days later, and for a clock that starts at
 * an opening, the close of the Nth working day. Every result is the earliest instant at which the
 * working time has elapsed, so a deadline may fall exactly on a closing time (18:00), never on the
 * following opening. See libs/calendar/README.md.
 */
export class WorkingCalendar {
  readonly opensAtMs: number;
  readonly closesAtMs: number;
  /** Working time in one working day (9 h by default). */
  readonly dayLengthMs: number;
  private readonly holidays: ReadonlySet<number>;
  private readonly makeUpDays: ReadonlySet<number>;

  constructor(options: WorkingCalendarOptions = {}) {
    this.opensAtMs = timeOfDayMs(options.opensAt ?? '09:00');
    this.closesAtMs = timeOfDayMs(options.closesAt ?? '18:00');
    if (this.opensAtMs >= this.closesAtMs) throw new RangeError('Business hours must open before they close');
    this.dayLengthMs = this.closesAtMs - this.opensAtMs;
    this.holidays = new Set((options.holidays ?? []).map(dayNumberOf));
    this.makeUpDays = new Set((options.makeUpWorkingDays ?? []).map(dayNumberOf));
    for (const day of this.makeUpDays) {
      if (this.holidays.has(day)) throw new RangeError(`${dateOfDayNumber(day)} is both a holiday and a make-up working day`);
      if (!isWeekend(day)) throw new RangeError(`${dateOfDayNumber(day)} is a make-up working day but not a Saturday or Sunday`);
    }
  }

  /** Whether a business date (`YYYY-MM-DD`, or the business date of an instant) is a working day. */
  isWorkingDay(day: string | Date): boolean {
    return this.isWorkingDayNumber(typeof day === 'string' ? dayNumberOf(day) : businessDayNumber(day));
  }

  /** Whether `at` is within business hours of a working day ([09:00, 18:00): 18:00 is closed). */
  isOpen(at: Date): boolean {
    const time = businessTimeOfDay(at);
    return this.isWorkingDayNumber(businessDayNumber(at)) && time >= this.opensAtMs && time < this.closesAtMs;
  }

  /** The first business opening at or after `at` (09:00 exactly is its own opening). */
  nextOpening(at: Date): Date {
    const today = businessDayNumber(at);
    if (this.isWorkingDayNumber(today) && businessTimeOfDay(at) <= this.opensAtMs) return instantOfBusinessDay(today, this.opensAtMs);
    return instantOfBusinessDay(this.workingDayAfter(today), this.opensAtMs);
  }

  /** CMP-9: when a deadline's clock starts — `at` within business hours, else the next opening. */
  clockStart(at: Date): Date {
    return this.isOpen(at) ? at : this.nextOpening(at);
  }

  /** The earliest instant at which `ms` of working time has elapsed since `clockStart(at)`. */
  addWorkingTime(at: Date, ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Working time to add must be a non-negative number, not ${ms}`);
    let start = this.clockStart(at);
    let remaining = ms;
    for (;;) {
      const day = businessDayNumber(start);
      const available = this.closesAtMs - businessTimeOfDay(start);
      if (remaining <= available) return new Date(start.getTime() + remaining);
      remaining -= available;
      start = instantOfBusinessDay(this.workingDayAfter(day), this.opensAtMs);
    }
  }

  addWorkingMinutes(at: Date, minutes: number): Date {
    return this.addWorkingTime(at, minutes * MINUTE_MS);
  }

  addWorkingHours(at: Date, hours: number): Date {
    return this.addWorkingTime(at, hours * HOUR_MS);
  }

  /** N working days = N business days' length of working time (see the class comment). */
  addWorkingDays(at: Date, days: number): Date {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days to add must be a whole number ≥ 0, not ${days}`);
    return this.addWorkingTime(at, days * this.dayLengthMs);
  }

  /**
   * Working time in [from, to) in milliseconds; 0 when `to` is not after `from`. With
   * `addWorkingTime`, `workingTimeBetween(at, addWorkingTime(at, t)) === t`, so the share of a
   * deadline used up (CMP-9's warnings) is `workingTimeBetween(start, now) / workingTimeBetween(start, due)`.
   */
  workingTimeBetween(from: Date, to: Date): number {
    if (to.getTime() <= from.getTime()) return 0;
    let total = 0;
    for (let day = businessDayNumber(from), last = businessDayNumber(to); day <= last; day++) {
      if (!this.isWorkingDayNumber(day)) continue;
      const opens = instantOfBusinessDay(day, this.opensAtMs).getTime();
      const closes = instantOfBusinessDay(day, this.closesAtMs).getTime();
      total += Math.max(0, Math.min(closes, to.getTime()) - Math.max(opens, from.getTime()));
    }
    return total;
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.makeUpDays.has(day)) return true;
    return !this.holidays.has(day) && !isWeekend(day);
  }

  private workingDayAfter(day: number): number {
    for (let next = day + 1; next <= day + MAX_DAYS_SEARCHED; next++) if (this.isWorkingDayNumber(next)) return next;
    throw new RangeError(`No working day within ${MAX_DAYS_SEARCHED} days after ${dateOfDayNumber(day)}: check the holiday list`);
  }
}

function isWeekend(day: number): boolean {
  const weekday = weekdayOfDayNumber(day);
  return weekday === 0 || weekday === 6;
}
