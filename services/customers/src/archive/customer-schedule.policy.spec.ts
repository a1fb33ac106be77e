import { archiveDueBy, isCreatedLate, isReviewOverdue, nextReviewDueAt } from './customer-schedule.policy';

/** CUS-3 archive deadline and CUS-8 quarterly review. */
describe('archive deadline (CUS-3)', () => {
  const first = new Date('2026-03-01T02:00:00Z');

  it('is due 7 days after first contact', () => {
    expect(archiveDueBy(first).toISOString()).toBe('2026-03-08T02:00:00.000Z');
  });

  it('flags archives created after the deadline, not at it', () => {
    expect(isCreatedLate(new Date('2026-03-08T02:00:00Z'), first)).toBe(false);
    expect(isCreatedLate(new Date('2026-03-08T02:00:00.001Z'), first)).toBe(true);
    expect(isCreatedLate(new Date('2030-01-01T00:00:00Z'), null)).toBe(false);
  });
});

describe('quarterly review (CUS-8)', () => {
  it('is due three calendar months later on the Shanghai calendar', () => {
    expect(nextReviewDueAt(new Date('2026-01-15T02:00:00Z')).toISOString()).toBe('2026-04-15T02:00:00.000Z');
    // 2026-03-31 20:00 UTC is already April 1st in Shanghai → July 1st Shanghai.
    expect(nextReviewDueAt(new Date('2026-03-31T20:00:00Z')).toISOString()).toBe('2026-06-30T20:00:00.000Z');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(nextReviewDueAt(new Date('2025-11-30T04:00:00Z')).toISOString()).toBe('2026-02-28T04:00:00.000Z');
    expect(nextReviewDueAt(new Date('2027-11-30T04:00:00Z')).toISOString()).toBe('2028-02-29T04:00:00.000Z');
  });

  it('is overdue only for active archives past their due instant', () => {
    const due = new Date('2026-06-01T00:00:00Z');
    expect(isReviewOverdue('active', due, new Date('2026-06-01T00:00:00.001Z'))).toBe(true);
    expect(isReviewOverdue('active', due, due)).toBe(false);
    expect(isReviewOverdue('dormant', due, new Date('2027-01-01T00:00:00Z'))).toBe(false);
    expect(isReviewOverdue('active', null, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });
});
