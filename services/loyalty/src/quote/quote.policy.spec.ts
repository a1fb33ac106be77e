import { applicableReasons, isBirthday, percentOfHalfUp, quote } from './quote.policy';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const member = { lifetimePoints: 0, birthday: '1990-05-17' };
// 2026-05-17 in Shanghai runs from 2026-05-16T16:00Z to 2026-05-17T16:00Z.
const birthdayInShanghai = new Date('2026-05-16T16:30:00Z');
const ordinaryDay = new Date('2026-06-01T04:00:00Z');

describe('LOY-3 member prices', () => {
  it('a VIP pays 90 %, half-up per line to the fen', () => {
    // 3 × 33.35 = 100.05 → 90.045 → 90.05 (half-up), discount 10.00
    const result = quote({ lines: [{ sku: 'a', quantity: 3, unitPrice: cny(3_335) }] }, member, ordinaryDay);
    expect(result.lines[0]).toEqual({ sku: 'a', discountRate: '0.10', discount: cny(1_000), total: cny(9_005), reason: 'vip' });
    expect(result.total).toEqual(cny(9_005));
  });

  it('rounds each line on its own; the total is the sum of rounded lines', () => {
    // 0.05 × 90 % = 0.045 → 0.05 each; two lines → 0.10 (not 0.09 from the unrounded sum)
    const result = quote(
      {
        lines: [
          { sku: 'a', quantity: 1, unitPrice: cny(5) },
          { sku: 'b', quantity: 1, unitPrice: cny(5) },
        ],
      },
      member,
      ordinaryDay,
    );
    expect(result.lines.map((line) => line.total.amount)).toEqual([5, 5]);
    expect(result.total.amount).toBe(10);
    expect(percentOfHalfUp(15n, 90)).toBe(14n); // 13.5 → 14
    expect(percentOfHalfUp(5n, 85)).toBe(4n); // 4.25 → 4
    expect(percentOfHalfUp(10n ** 18n, 85)).toBe(85n * 10n ** 16n); // exact beyond 2^53
  });

  it('30 lifetime points give 85 %; 29 do not', () => {
    expect(applicableReasons({ ...member, lifetimePoints: 30 }, ordinaryDay, false)[0]).toBe('points_tier');
    expect(applicableReasons({ ...member, lifetimePoints: 29 }, ordinaryDay, false)[0]).toBe('vip');
    const result = quote({ lines: [{ sku: 'a', quantity: 1, unitPrice: cny(10_001) }] }, { ...member, lifetimePoints: 30 }, ordinaryDay);
    expect(result.lines[0]).toMatchObject({ reason: 'points_tier', discountRate: '0.15', total: cny(8_501) }); // 8500.85 → 8501
  });

  it('the birthday in Asia/Shanghai with the ID checked gives 60 %, the best, never stacked', () => {
    const body = { idChecked: true, lines: [{ sku: 'a', quantity: 1, unitPrice: cny(10_000) }] };
    const result = quote(body, { ...member, lifetimePoints: 500 }, birthdayInShanghai);
    expect(result.lines[0]).toMatchObject({ reason: 'birthday', discountRate: '0.40', total: cny(6_000), discount: cny(4_000) });
    // Without the ID check, or the UTC birthday that is already the next day in Shanghai: no birthday price.
    expect(quote({ ...body, idChecked: false }, member, birthdayInShanghai).lines[0].reason).toBe('vip');
    expect(isBirthday('1990-05-17', new Date('2026-05-17T16:30:00Z'))).toBe(false);
    expect(isBirthday('1990-05-17', new Date('2026-05-16T15:59:59Z'))).toBe(false);
  });

  it('a 29 February birthday is celebrated on 28 February in other years', () => {
    expect(isBirthday('2000-02-29', new Date('2027-02-28T04:00:00Z'))).toBe(true);
    expect(isBirthday('2000-02-29', new Date('2028-02-28T04:00:00Z'))).toBe(false);
    expect(isBirthday('2000-02-29', new Date('2028-02-29T04:00:00Z'))).toBe(true);
  });

  it('promotion lines get no member discount, whatever the member has', () => {
    const result = quote(
      {
        idChecked: true,
        lines: [
          { sku: 'promo', quantity: 2, unitPrice: cny(1_000), promo: true },
          { sku: 'full', quantity: 1, unitPrice: cny(1_000) },
        ],
      },
      { ...member, lifetimePoints: 100 },
      birthdayInShanghai,
    );
    expect(result.lines[0]).toEqual({ sku: 'promo', discountRate: '0.00', discount: cny(0), total: cny(2_000), reason: 'promotion' });
    expect(result.lines[1]).toMatchObject({ reason: 'birthday', total: cny(600) });
    expect(result.total).toEqual(cny(2_600));
  });
});
