import { businessDate } from '@crm/calendar';
import type { QuoteBody, QuoteLineResult, QuoteReason, QuoteResult } from '@crm/contracts';

/** LOY-3: what a member pays, in percent of the line, per reason. */
export const MEMBER_PRICE_PERCENT: Readonly<Record<Exclude<QuoteReason, 'promotion' | 'none'>, number>> = {
  vip: 90,
  points_tier: 85,
  birthday: 60,
};
/** LOY-3: lifetime points (net of clawbacks) from which the 15 % tier applies. */
export const POINTS_TIER_THRESHOLD = 30;

export interface QuotedMember {
  lifetimePoints: number;
  /** `YYYY-MM-DD` */
  birthday: string;
}

/**
 * LOY-3: the member's birthday in the tenant time zone (Asia/Shanghai) on the quote's date. A
 * 29 February birthday is celebrated on 28 February in other years.
 */
export function isBirthday(birthday: string, at: Date): boolean {
  const today = businessDate(at);
  const [year, month, day] = today.split('-').map(Number);
  const [, birthMonth, birthDay] = birthday.split('-').map(Number);
  if (birthMonth === 2 && birthDay === 29 && !isLeapYear(year)) return month === 2 && day === 28;
  return month === birthMonth && day === birthDay;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The discounts this member may have now, best (lowest price) first. */
export function applicableReasons(member: QuotedMember, at: Date, idChecked: boolean): (keyof typeof MEMBER_PRICE_PERCENT)[] {
  const reasons: (keyof typeof MEMBER_PRICE_PERCENT)[] = [];
  if (idChecked && isBirthday(member.birthday, at)) reasons.push('birthday');
  if (member.lifetimePoints >= POINTS_TIER_THRESHOLD) reasons.push('points_tier');
  reasons.push('vip');
  return reasons.sort((a, b) => MEMBER_PRICE_PERCENT[a] - MEMBER_PRICE_PERCENT[b]);
}

/** `amount × percent / 100`, half-up to the fen, exact for any amount (BigInt). */
export function percentOfHalfUp(amount: bigint, percent: number): bigint {
  return (amount * BigInt(percent) + 50n) / 100n;
}

function rateOf(percentPaid: number): string {
  const off = 100 - percentPaid;
  return `${Math.floor(off / 100)}.${String(off % 100).padStart(2, '0')}`;
}

/**
 * LOY-3: per line not on promotion, special price or coupon the single best discount (they never
 * stack); promotion lines get none. Each line is rounded half-up to the fen on its own (SPEC
 * "Conventions"), and the total is the sum of the rounded lines.
 */
export function quote(body: Pick<QuoteBody, 'lines' | 'idChecked'>, member: QuotedMember, at: Date): QuoteResult {
  const best = applicableReasons(member, at, body.idChecked === true)[0];
  let total = 0n;
  const currency = body.lines[0]?.unitPrice.currency ?? 'CNY';
  const lines: QuoteLineResult[] = body.lines.map((line) => {
    const gross = BigInt(line.unitPrice.amount) * BigInt(line.quantity);
    const reason: QuoteReason = line.promo ? 'promotion' : gross === 0n ? 'none' : best;
    const percentPaid = reason === 'promotion' || reason === 'none' ? 100 : MEMBER_PRICE_PERCENT[reason];
    const lineTotal = percentOfHalfUp(gross, percentPaid);
    total += lineTotal;
    return {
      sku: line.sku,
      discountRate: rateOf(percentPaid),
      discount: { amount: Number(gross - lineTotal), currency: line.unitPrice.currency },
      total: { amount: Number(lineTotal), currency: line.unitPrice.currency },
      reason,
    };
  });
  return { lines, total: { amount: Number(total), currency } };
}
