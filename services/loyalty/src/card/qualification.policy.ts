import { DAY_MS } from '@crm/calendar';

/** LOY-1 thresholds, in fen. */
export const SINGLE_PURCHASE_THRESHOLD = 100_000;
export const TOTAL_THRESHOLD = 200_000;
/** LOY-1: "within the last 6 months (183 days before now, by the purchases' occurredAt)". */
export const QUALIFICATION_WINDOW_DAYS = 183;

export interface PaidPurchase {
  occurredAt: Date;
  /** LOY-1: the amount actually paid, after all discounts — not the sum of the lines. */
  paid: number;
}

/** The window `[now − 183 days, now]`: a purchase exactly 183 days old still counts. */
export function qualificationWindowStart(now: Date): Date {
  return new Date(now.getTime() - QUALIFICATION_WINDOW_DAYS * DAY_MS);
}

/**
 * LOY-1: one purchase of at least 1,000.00 CNY paid, or at least 2,000.00 CNY paid in total, within
 * the window. Purchases outside it (older, or dated after `now`) do not count.
 */
export function qualifies(purchases: readonly PaidPurchase[], now: Date): boolean {
  const from = qualificationWindowStart(now).getTime();
  const inWindow = purchases.filter(({ occurredAt }) => occurredAt.getTime() >= from && occurredAt.getTime() <= now.getTime());
  return meetsThresholds({
    largest: Math.max(0, ...inWindow.map(({ paid }) => paid)),
    total: inWindow.reduce((sum, { paid }) => sum + paid, 0),
  });
}

/** The paid amounts of a shopper's purchases within the window, summed up (the database does it). */
export interface PaidSummary {
  largest: number;
  total: number;
}

/** LOY-1 on a window's summary. */
export function meetsThresholds({ largest, total }: PaidSummary): boolean {
  return largest >= SINGLE_PURCHASE_THRESHOLD || total >= TOTAL_THRESHOLD;
}

/** A summary with one more purchase, counted only if it falls within the window ending `now`. */
export function withPurchase(summary: PaidSummary, purchase: PaidPurchase, now: Date): PaidSummary {
  const at = purchase.occurredAt.getTime();
  if (at < qualificationWindowStart(now).getTime() || at > now.getTime()) return summary;
  return { largest: Math.max(summary.largest, purchase.paid), total: summary.total + purchase.paid };
}
