import { businessDayNumber } from '@crm/calendar';
import type { ReturnDefect, ReturnHandling, ReturnPickup, ReturnStorage } from '@crm/contracts';
import { ReturnsException } from '../common/returns.exception';

/** RET-2: the window for quality defects (unconditionally) and other reasons, in calendar days. */
export const RETURN_WINDOW_DAYS = 15;

/** The conditions RET-2 can refuse with, named in the 422 (`RET-2: <condition>: …`). */
export const RET2_CONDITIONS = {
  improperStorage: 'improper_storage',
  selfPickup: 'self_pickup',
  franchiseRatio: 'franchise_return_ratio',
  qualityDefectLate: 'quality_defect_after_15_days',
  otherReasonLate: 'other_reason_after_15_days',
  shipDateUnknown: 'ship_date_unknown',
} as const;
export type Ret2Condition = (typeof RET2_CONDITIONS)[keyof typeof RET2_CONDITIONS];

/** A franchise customer's contract terms for the period that contains the creation date (RET-2). */
export interface FranchiseLimit {
  returnRatioBasisPoints: number;
  periodPurchasesFen: number;
  /** Value of the customer's return orders already created in the period (approved quantities × prices). */
  alreadyReturnedFen: number;
}

export interface EligibilityInput {
  handling: ReturnHandling;
  defect: ReturnDefect;
  storage: ReturnStorage;
  pickup: ReturnPickup;
  lines: readonly { sku: string; shippedAt: Date | null }[];
  /** This order's value: approved quantities × unit prices, in fen. */
  valueFen: number;
  /**
   * Through an approved complaint (CMP-10) whose investigation put the fault on us: the order comes
   * from the complaint's hand-off, or names a complaint the service knows was approved for a return.
   */
  viaComplaint: boolean;
  franchise: FranchiseLimit | null;
  now: Date;
}

export interface EligibilityRefusal {
  condition: Ret2Condition;
  message: string;
  field?: string;
}

type Rule = (input: EligibilityInput) => EligibilityRefusal | null;

/**
 * RET-2 age of goods, at the Asia/Shanghai day boundaries: the window starts on the business date
 * the goods left the warehouse (shippedAt in Asia/Shanghai) and includes the 15th calendar day after
 * it. Shipped 2026-11-01T15:59:59Z (23:59:59 on 1 Nov in Shanghai) is returnable until
 * 2026-11-16T15:59:59.999Z (the end of 16 Nov in Shanghai); shipped 2026-11-01T16:00:00Z (00:00 on
 * 2 Nov) until the end of 17 Nov.
 */
export function daysSinceShipped(shippedAt: Date, now: Date): number {
  return businessDayNumber(now) - businessDayNumber(shippedAt);
}

export function withinReturnWindow(shippedAt: Date, now: Date): boolean {
  return daysSinceShipped(shippedAt, now) <= RETURN_WINDOW_DAYS;
}

/**
 * RET-2, in the SPEC's order; the first rule that refuses decides. Each returns the condition it
 * refused with, or null.
 */
export const ELIGIBILITY_RULES: readonly { name: string; check: Rule }[] = [
  {
    // Damage from the customer's improper storage is never returnable, whatever its age.
    name: 'improper storage never',
    check: (input) =>
      input.storage === 'improper'
        ? {
            condition: RET2_CONDITIONS.improperStorage,
            field: 'storage',
            message: "damage from the customer's improper storage is never returnable",
          }
        : null,
  },
  {
    // Goods the customer collected itself: never for money — exchange only, after a verified defect.
    name: 'self-pickup exchange only after a verified defect',
    check: (input) => {
      if (input.pickup !== 'self_pickup') return null;
      if (input.handling !== 'exchange') {
        return {
          condition: RET2_CONDITIONS.selfPickup,
          field: 'handling',
          message: 'goods the customer collected itself are only exchanged, never returned for money',
        };
      }
      if (input.defect !== 'quality' || !input.viaComplaint) {
        return {
          condition: RET2_CONDITIONS.selfPickup,
          field: 'complaintId',
          message:
            'goods the customer collected itself are exchanged only after a verified defect (a quality defect through an approved complaint)',
        };
      }
      return null;
    },
  },
  {
    // A franchise customer returns at most its contract's ratio of the period's purchases.
    name: 'franchise return ratio',
    check: (input) => {
      const terms = input.franchise;
      if (!terms) return null;
      const returned = BigInt(terms.alreadyReturnedFen) + BigInt(input.valueFen);
      // returned / purchases ≤ ratio / 10,000, in integers (no rounding).
      if (returned * 10_000n <= BigInt(terms.periodPurchasesFen) * BigInt(terms.returnRatioBasisPoints)) return null;
      return {
        condition: RET2_CONDITIONS.franchiseRatio,
        field: 'lines',
        message: `a franchise customer returns at most ${terms.returnRatioBasisPoints / 100} % of the period's purchases (${terms.periodPurchasesFen} fen); with this order it would be ${returned} fen`,
      };
    },
  },
  {
    // Quality defects within 15 days unconditionally, later only through a complaint that put the
    // fault on us; other reasons (wrong item, wrong colour) within 15 days.
    name: '15 days from leaving the warehouse',
    check: (input) => {
      for (const [index, line] of input.lines.entries()) {
        const field = `lines[${index}].shippedAt`;
        if (!line.shippedAt) {
          if (input.viaComplaint) continue; // the complaint holds the ship date and was investigated (CMP-6/CMP-10)
          return {
            condition: RET2_CONDITIONS.shipDateUnknown,
            field,
            message: `line ${line.sku}: the ship date is needed to check the ${RETURN_WINDOW_DAYS} days`,
          };
        }
        if (withinReturnWindow(line.shippedAt, input.now)) continue;
        const days = daysSinceShipped(line.shippedAt, input.now);
        if (input.defect === 'quality') {
          if (input.viaComplaint) continue;
          return {
            condition: RET2_CONDITIONS.qualityDefectLate,
            field,
            message: `line ${line.sku}: a quality defect ${days} days after leaving the warehouse is returnable only through a complaint that found us at fault`,
          };
        }
        return {
          condition: RET2_CONDITIONS.otherReasonLate,
          field,
          message: `line ${line.sku}: left the warehouse ${days} days ago; other reasons are returnable within ${RETURN_WINDOW_DAYS} days`,
        };
      }
      return null;
    },
  },
];

/** The first refusal of the ordered rule list, or null when the order is eligible. */
export function eligibilityRefusal(input: EligibilityInput): EligibilityRefusal | null {
  for (const rule of ELIGIBILITY_RULES) {
    const refusal = rule.check(input);
    if (refusal) return refusal;
  }
  return null;
}

/** RET-2: throws the 422 naming RET-2 and the condition that failed. */
export function assertEligible(input: EligibilityInput): void {
  const refusal = eligibilityRefusal(input);
  if (refusal) {
    throw ReturnsException.rule('RET-2', `${refusal.condition}: ${refusal.message}`, [
      { field: refusal.field ?? 'lines', message: `RET-2 ${refusal.condition}` },
    ]);
  }
}
