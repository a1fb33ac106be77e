import { businessInstant, parseDateList } from './business-date';
import { HOUR_MS, MINUTE_MS } from './business-time';
import { WorkingCalendar } from './working-calendar';

/**
 * SPEC "Conventions" + CMP-9 on a 2026 calendar configured like China's: National Day Oct 1–7 off
 * (Thu–Wed) with make-up working days Sun Sep 20 and Sat Oct 10; New Year's Day 2027-01-01 off.
 */
const calendar = new WorkingCalendar({
  holidays: [...parseDateList('2026-10-01..2026-10-07'), '2027-01-01'],
  makeUpWorkingDays: ['2026-09-20', '2026-10-10'],
});
const plain = new WorkingCalendar();

/** `'2026-10-08 09:00'` (business wall clock) → instant. */
const at = (text: string): Date => {
  const [date, time] = text.split(' ');
  return businessInstant(date, time);
};
const show = (instant: Date): string => {
  const local = new Date(instant.getTime() + 8 * HOUR_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
};

describe('WorkingCalendar', () => {
  it.each([
    ['2026-11-30', true, 'a Monday'],
    ['2026-12-04', true, 'a Friday'],
    ['2026-12-05', false, 'a Saturday'],
    ['2026-12-06', false, 'a Sunday'],
    ['2026-10-01', false, 'National Day (Thursday)'],
    ['2026-10-03', false, 'a Saturday inside the holiday week'],
    ['2026-10-05', false, 'a Monday inside the holiday week'],
    ['2026-10-07', false, 'the last holiday (Wednesday)'],
    ['2026-10-08', true, 'the Thursday after'],
    ['2026-10-10', true, 'the make-up Saturday'],
    ['2026-10-11', false, 'the Sunday after the make-up Saturday'],
    ['2026-09-20', true, 'the make-up Sunday'],
    ['2026-09-19', false, 'the Saturday before it'],
    ['2026-12-31', true, 'the last day of the year (Thursday)'],
    ['2027-01-01', false, "New Year's Day (Friday)"],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('takes the business date of an instant, not the UTC date', () => {
    expect(calendar.isWorkingDay(new Date('2026-10-07T15:59:59Z'))).toBe(false); // Oct 7 23:59 Shanghai
    expect(calendar.isWorkingDay(new Date('2026-10-07T16:00:00Z'))).toBe(true); // Oct 8 00:00 Shanghai
    expect(plain.isWorkingDay('2026-10-01')).toBe(true); // the holiday list ships empty (SPEC)
  });

  it.each([
    ['2026-11-30 08:59', false],
    ['2026-11-30 09:00', true],
    ['2026-11-30 17:59', true],
    ['2026-11-30 18:00', false],
    ['2026-11-30 18:01', false],
    ['2026-10-10 10:00', true],
    ['2026-10-05 10:00', false],
  ])('%s is within business hours: %s', (time, open) => {
    expect(calendar.isOpen(at(time))).toBe(open);
  });

  it.each([
    ['2026-11-30 08:00', '2026-11-30 09:00', 'before opening: the same day'],
    ['2026-11-30 09:00', '2026-11-30 09:00', 'exactly 09:00: at once'],
    ['2026-11-30 17:59', '2026-11-30 17:59', '17:59: at once'],
    ['2026-11-30 18:00', '2026-12-01 09:00', 'exactly 18:00: closed, next morning'],
    ['2026-11-30 18:01', '2026-12-01 09:00', '18:01: next morning'],
    ['2026-12-04 18:01', '2026-12-07 09:00', 'Friday evening: Monday'],
    ['2026-12-05 11:00', '2026-12-07 09:00', 'Saturday: Monday'],
    ['2026-09-30 18:01', '2026-10-08 09:00', 'eve of the holiday week: after it'],
    ['2026-10-03 10:00', '2026-10-08 09:00', 'inside the holiday week: after it'],
    ['2026-10-09 18:30', '2026-10-10 09:00', 'Friday evening before a make-up Saturday: Saturday'],
    ['2026-09-19 10:00', '2026-09-20 09:00', 'Saturday before a make-up Sunday: Sunday'],
    ['2026-12-31 18:30', '2027-01-04 09:00', 'year end before a holiday and a weekend: Monday'],
    ['2026-12-31 23:59', '2027-01-04 09:00', 'just before midnight on year end'],
  ])('a registration at %s starts the clock at %s (%s)', (registered, start) => {
    expect(show(calendar.clockStart(at(registered)))).toBe(start);
  });

  it('gives the next opening at or after an instant', () => {
    expect(show(calendar.nextOpening(at('2026-11-30 09:00')))).toBe('2026-11-30 09:00');
    expect(show(calendar.nextOpening(at('2026-11-30 09:01')))).toBe('2026-12-01 09:00');
    expect(show(calendar.nextOpening(at('2026-11-30 00:00')))).toBe('2026-11-30 09:00');
  });

  it.each([
    ['2026-11-30 17:59', 30, '2026-12-01 09:29', '1 minute today, 29 tomorrow'],
    ['2026-11-30 18:01', 30, '2026-12-01 09:30', 'clock starts at the next opening'],
    ['2026-11-30 08:00', 30, '2026-11-30 09:30', 'before opening'],
    ['2026-11-30 09:00', 30, '2026-11-30 09:30', 'exactly at opening'],
    ['2026-11-30 18:00', 30, '2026-12-01 09:30', 'exactly at closing'],
    ['2026-11-30 17:30', 30, '2026-11-30 18:00', 'due exactly at closing, not the next opening'],
    ['2026-09-30 17:45', 30, '2026-10-08 09:15', 'across the National Day week'],
    ['2026-10-09 17:50', 30, '2026-10-10 09:20', 'onto the make-up Saturday'],
    ['2026-11-30 12:00', 0, '2026-11-30 12:00', 'nothing to add'],
  ])('%s + %i working minutes = %s (%s)', (start, minutes, due) => {
    expect(show(calendar.addWorkingMinutes(at(start), minutes))).toBe(due);
  });

  it.each([
    ['2026-11-30 10:00', 24, '2026-12-02 16:00'],
    ['2026-12-04 16:00', 4, '2026-12-07 11:00'],
    ['2026-12-31 17:00', 2, '2027-01-04 10:00'],
    ['2026-10-09 17:00', 10, '2026-10-10 18:00'],
  ])('%s + %i working hours = %s', (start, hours, due) => {
    expect(show(calendar.addWorkingHours(at(start), hours))).toBe(due);
  });

  it.each([
    ['2026-11-30 10:30', 1, '2026-12-01 10:30', 'same clock time the next working day'],
    ['2026-12-04 17:59', 1, '2026-12-07 17:59', 'Friday 17:59: Monday 17:59'],
    ['2026-11-30 09:00', 1, '2026-11-30 18:00', 'clock starting at opening: close of that day'],
    ['2026-11-30 18:01', 1, '2026-12-01 18:00', 'after hours: close of the next working day'],
    ['2026-12-05 10:00', 1, '2026-12-07 18:00', 'Saturday: close of Monday'],
    ['2026-09-30 10:00', 3, '2026-10-10 10:00', 'over the holiday week onto the make-up Saturday'],
    ['2026-09-30 10:00', 1, '2026-10-08 10:00', 'the next working day after the holiday week'],
    ['2026-11-26 15:00', 3, '2026-12-01 15:00', 'over a month end and a weekend'],
    ['2026-12-28 14:00', 7, '2027-01-07 14:00', 'over the year end and New Year holiday'],
    ['2026-12-05 10:00', 0, '2026-12-07 09:00', 'zero days: the clock start'],
  ])('%s + %i working days = %s (%s)', (start, days, due) => {
    expect(show(calendar.addWorkingDays(at(start), days))).toBe(due);
  });

  it.each([
    ['2026-12-04 17:00', '2026-12-07 10:00', 2 * HOUR_MS],
    ['2026-09-30 17:00', '2026-10-08 10:00', 2 * HOUR_MS],
    ['2026-11-30 08:00', '2026-11-30 20:00', 9 * HOUR_MS],
    ['2026-12-05 08:00', '2026-12-06 20:00', 0],
    ['2026-10-09 17:30', '2026-10-10 09:30', 60 * MINUTE_MS],
    ['2026-11-30 12:00', '2026-11-30 12:00', 0],
    ['2026-11-30 13:00', '2026-11-30 12:00', 0],
  ])('working time from %s to %s', (from, to, expected) => {
    expect(calendar.workingTimeBetween(at(from), at(to))).toBe(expected);
  });

  it('measures back exactly what it added, so shares of a deadline are exact (CMP-9 warnings)', () => {
    const starts = ['2026-11-30 09:00', '2026-11-30 17:59', '2026-12-04 18:01', '2026-09-30 11:11', '2026-12-31 16:00'].map(at);
    const amounts = [0, 1, 30 * MINUTE_MS, 9 * HOUR_MS, 9 * HOUR_MS + 1, 27 * HOUR_MS, 63 * HOUR_MS];
    for (const start of starts) {
      for (const amount of amounts) {
        expect(calendar.workingTimeBetween(start, calendar.addWorkingTime(start, amount))).toBe(amount);
      }
    }
    // 75 % of a 3-working-day deadline registered Monday 09:00 (due Wednesday 18:00) is Wednesday 11:15.
    const start = at('2026-11-30 09:00');
    const due = calendar.addWorkingDays(start, 3);
    expect(show(due)).toBe('2026-12-02 18:00');
    expect(show(calendar.addWorkingTime(start, 0.75 * calendar.workingTimeBetween(start, due)))).toBe('2026-12-02 11:15');
  });

  it('supports other business hours', () => {
    const early = new WorkingCalendar({ opensAt: '08:30', closesAt: '17:30' });
    expect(show(early.clockStart(at('2026-11-30 17:30')))).toBe('2026-12-01 08:30');
    expect(show(early.addWorkingDays(at('2026-11-30 08:30'), 2))).toBe('2026-12-01 17:30');
  });

  it('refuses a configuration that cannot be meant', () => {
    expect(() => new WorkingCalendar({ makeUpWorkingDays: ['2026-10-08'] })).toThrow('not a Saturday or Sunday');
    expect(() => new WorkingCalendar({ holidays: ['2026-10-10'], makeUpWorkingDays: ['2026-10-10'] })).toThrow('both');
    expect(() => new WorkingCalendar({ holidays: ['2026-02-30'] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ opensAt: '18:00', closesAt: '09:00' })).toThrow('open before');
    expect(() => calendar.addWorkingDays(at('2026-11-30 09:00'), 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingTime(at('2026-11-30 09:00'), -1)).toThrow(RangeError);
  });
});
