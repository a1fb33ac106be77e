import { meetsThresholds, qualificationWindowStart, qualifies, withPurchase } from './qualification.policy';

const DAY = 24 * 3600 * 1000;
const now = new Date('2026-12-03T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('LOY-1 VIP qualification', () => {
  it('one purchase of at least 1,000.00 CNY paid qualifies; 999.99 does not', () => {
    expect(qualifies([{ occurredAt: ago(DAY), paid: 100_000 }], now)).toBe(true);
    expect(qualifies([{ occurredAt: ago(DAY), paid: 99_999 }], now)).toBe(false);
  });

  it('2,000.00 CNY in total qualifies; 1,999.99 does not', () => {
    const three = [60_000, 70_000, 70_000].map((paid, i) => ({ occurredAt: ago((i + 1) * DAY), paid }));
    expect(qualifies(three, now)).toBe(true);
    expect(qualifies([...three.slice(0, 2), { occurredAt: ago(DAY), paid: 69_999 }], now)).toBe(false);
  });

  it('counts purchases exactly 183 days old, not a millisecond older, and none dated after now', () => {
    expect(qualificationWindowStart(now)).toEqual(ago(183 * DAY));
    expect(qualifies([{ occurredAt: ago(183 * DAY), paid: 100_000 }], now)).toBe(true);
    expect(qualifies([{ occurredAt: ago(183 * DAY + 1), paid: 100_000 }], now)).toBe(false);
    expect(qualifies([{ occurredAt: new Date(now.getTime() + 1), paid: 100_000 }], now)).toBe(false);
    expect(
      qualifies(
        [
          { occurredAt: ago(183 * DAY + 1), paid: 150_000 },
          { occurredAt: ago(DAY), paid: 60_000 },
        ],
        now,
      ),
    ).toBe(false);
  });

  it('adds this purchase to the database summary only when it falls in the window', () => {
    expect(meetsThresholds(withPurchase({ largest: 0, total: 150_000 }, { occurredAt: ago(DAY), paid: 50_000 }, now))).toBe(true);
    expect(meetsThresholds(withPurchase({ largest: 0, total: 150_000 }, { occurredAt: ago(200 * DAY), paid: 50_000 }, now))).toBe(false);
    expect(withPurchase({ largest: 10, total: 10 }, { occurredAt: ago(DAY), paid: 5 }, now)).toEqual({ largest: 10, total: 15 });
  });
});
