import { WorkingCalendar } from '@crm/calendar';
import { isCarriedOver, queueDateOf } from './service-request-queue.policy';

/** National Day week off (Thu 2026-10-01 … Wed 10-07), Saturday 2026-10-10 worked instead. */
const calendar = new WorkingCalendar({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpWorkingDays: ['2026-10-10'],
});

/** Business wall-clock (UTC+8) → instant. */
const at = (local: string) => new Date(`${local}+08:00`);

describe('SRV-2 queue day of an arrival (working-day calendar, Asia/Shanghai)', () => {
  it.each([
    ['Monday in business hours', '2026-11-02T10:30:00', '2026-11-02'],
    ['Monday at opening', '2026-11-02T09:00:00', '2026-11-02'],
    ['Monday before opening', '2026-11-02T07:15:00', '2026-11-02'],
    ['Monday one minute before closing', '2026-11-02T17:59:00', '2026-11-02'],
    ['Monday at closing', '2026-11-02T18:00:00', '2026-11-03'],
    ['Monday late evening', '2026-11-02T23:30:00', '2026-11-03'],
    ['Friday after hours', '2026-11-06T19:00:00', '2026-11-09'],
    ['Saturday', '2026-11-07T11:00:00', '2026-11-09'],
    ['Sunday before midnight', '2026-11-08T23:59:00', '2026-11-09'],
    ['Wednesday before the holiday, after hours', '2026-09-30T18:30:00', '2026-10-08'],
    ['a holiday', '2026-10-01T10:00:00', '2026-10-08'],
    ['Friday 10-09 after hours → make-up Saturday', '2026-10-09T20:00:00', '2026-10-10'],
    ['make-up Saturday in hours', '2026-10-10T10:00:00', '2026-10-10'],
    ['UTC date differs: 2026-11-02T16:30Z is Tuesday 00:30 in Shanghai', '2026-11-03T00:30:00', '2026-11-03'],
  ])('%s (%s) → %s', (_case, local, expected) => {
    expect(queueDateOf(calendar, at(local))).toBe(expected);
  });
});

describe('SRV-2 carried over', () => {
  it.each([
    ['queued today, not dispatched', '2026-11-02', false, '2026-11-02T17:59:00', false],
    ['queued today, late evening', '2026-11-02', false, '2026-11-02T23:59:00', false],
    ['the next morning, not dispatched', '2026-11-02', false, '2026-11-03T00:00:00', true],
    ['the next morning, dispatched', '2026-11-02', true, '2026-11-03T09:00:00', false],
    ['queued for Monday, seen on the Saturday before', '2026-11-09', false, '2026-11-07T12:00:00', false],
    ['queued for Monday, seen on Tuesday', '2026-11-09', false, '2026-11-10T09:00:00', true],
  ])('%s', (_case, queueDate, dispatched, now, expected) => {
    expect(isCarriedOver(queueDate, dispatched, at(now))).toBe(expected);
  });
});
