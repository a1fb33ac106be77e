import { DEFAULT_DEVELOPMENT_SETTINGS } from '../customers.config';
import { isVisitOverdue, latestVisit, nextVisitDue, visitIntervalDays } from './visit-schedule.policy';

const DAY = 24 * 3600 * 1000;
const intervals = DEFAULT_DEVELOPMENT_SETTINGS.visitIntervalDays;

describe('DEV-2 visit schedule', () => {
  it('visits by grade every A 30, B 60, C 90, D 180 days, ungraded 90 (configurable)', () => {
    expect(['A', 'B', 'C', 'D'].map((grade) => visitIntervalDays(grade as 'A', intervals))).toEqual([30, 60, 90, 180]);
    expect(visitIntervalDays(null, intervals)).toBe(90);
    expect(visitIntervalDays('A', { ...intervals, A: 14 })).toBe(14);
  });

  it('next visit = last visit + interval, or programme start + interval before the first visit', () => {
    const start = new Date('2026-01-01T02:00:00Z');
    const visited = new Date('2026-03-10T08:00:00Z');
    expect(nextVisitDue(null, start, 30)).toEqual(new Date(start.getTime() + 30 * DAY));
    expect(nextVisitDue(visited, start, 60)).toEqual(new Date(visited.getTime() + 60 * DAY));
  });

  it('a back-dated report never moves the last visit back; overdue once the due instant has passed', () => {
    const earlier = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2026-02-01T00:00:00Z');
    expect(latestVisit(later, earlier)).toBe(later);
    expect(latestVisit(earlier, later)).toBe(later);
    expect(latestVisit(null, earlier)).toBe(earlier);
    expect(isVisitOverdue(earlier, later)).toBe(true);
    expect(isVisitOverdue(later, later)).toBe(false);
  });
});
