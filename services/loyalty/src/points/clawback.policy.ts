import { FEN_PER_POINT } from './earning.policy';

/**
 * LOY-6: the points a purchase's returns take back in total — `floor(paid/100) − floor((paid −
 * refunded)/100)` with `refunded` the sum over its returns of each return's latest cumulative refund,
 * capped at `paid` (never more than was earned).
 */
export function clawbackTarget(paidFen: number, refundedByReturn: readonly number[]): number {
  const refunded = Math.min(
    paidFen,
    refundedByReturn.reduce((sum, amount) => sum + amount, 0),
  );
  return Math.floor(paidFen / FEN_PER_POINT) - Math.floor((paidFen - refunded) / FEN_PER_POINT);
}

/**
 * LOY-6: what this receipt claws back — the target less what earlier receipts already took, never
 * below zero (a late, smaller figure takes nothing back and gives nothing back) and never beyond
 * what the purchase earned.
 */
export function clawbackDue(paidFen: number, earned: number, alreadyClawedBack: number, refundedByReturn: readonly number[]): number {
  const target = Math.min(earned, clawbackTarget(paidFen, refundedByReturn));
  return Math.max(0, target - alreadyClawedBack);
}
