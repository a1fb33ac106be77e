import { type WorkingCalendar, businessDate } from '@crm/calendar';

/**
 * SRV-2: the working day whose dispatch queue a request arriving at `at` belongs to — the business
 * date (Asia/Shanghai) of `calendar.clockStart(at)`:
 * - during business hours (09:00–18:00) of a working day: that day;
 * - before opening on a working day: that day too (it is there when the desk opens);
 * - at or after closing (18:00), or on a weekend or holiday: the next working day (make-up days count).
 */
export function queueDateOf(calendar: WorkingCalendar, at: Date): string {
  return businessDate(calendar.clockStart(at));
}

/**
 * SRV-2: `carried_over` = still not dispatched once its queue day has ended, i.e. the business date
 * of `now` is after the queue day. It then heads the next working day's queue because the queue is
 * oldest first.
 */
export function isCarriedOver(queueDate: string, dispatched: boolean, now: Date): boolean {
  return !dispatched && businessDate(now) > queueDate;
}
