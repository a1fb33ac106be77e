import { Instant, Int, OneOf, Text, Uuid } from '../formats';
import type { ContractClass } from '../message-contracts';

/** Event types of the loyalty service (API.md "Events"). Versioned by the envelope's `version`. */
export const LoyaltyEventType = {
  CardIssued: 'loyalty.card.issued',
  CardLost: 'loyalty.card.lost',
  CardReplaced: 'loyalty.card.replaced',
  PointsEarned: 'loyalty.points.earned',
  PointsRedeemed: 'loyalty.points.redeemed',
  PointsClawedBack: 'loyalty.points.clawed-back',
} as const;
export type LoyaltyEventType = (typeof LoyaltyEventType)[keyof typeof LoyaltyEventType];

export const CARD_ISSUE_REASONS = ['registration', 'renewal', 'replacement'] as const;

/*
 * LOY-10: member data is personal — events carry ids and numbers only, never a name, phone or
 * birthday. Built field by field by the service.
 */

/** `loyalty.card.issued`: a registration (LOY-2), a renewal (LOY-7) or a replacement (LOY-8). */
export class CardIssuedEventData {
  @Text() cardNumber: string;
  @Uuid() memberId: string;
  @Text() storeId: string;
  @OneOf(CARD_ISSUE_REASONS) reason: string;
  @Text({ nullable: true }) replaces: string | null;
  @Instant() expiresAt: string;
}

/** `loyalty.card.lost` (LOY-8). */
export class CardLostEventData {
  @Text() cardNumber: string;
  @Uuid() memberId: string;
}

/** `loyalty.card.replaced` (LOY-8): the old card, its successor and what was carried over. */
export class CardReplacedEventData {
  @Text() cardNumber: string;
  @Uuid() memberId: string;
  @Text() replacedBy: string;
  @Int({ min: -1_000_000_000_000, max: 1_000_000_000_000 }) balanceTransferred: number;
  @Int({ min: -1_000_000_000_000, max: 1_000_000_000_000 }) lifetimePointsTransferred: number;
}

/** Movements of points (LOY-4, LOY-5, LOY-6): the card, the cause's ids, the points and the balance after. */
export class PointsEventData {
  @Text() cardNumber: string;
  @Uuid() ledgerEntryId: string;
  @Int({ min: -1_000_000_000_000, max: 1_000_000_000_000 }) points: number;
  @Int({ min: -1_000_000_000_000, max: 1_000_000_000_000 }) balance: number;
  /** earned, clawed-back: the purchase. */
  @Uuid({ optional: true }) purchaseId?: string;
  @Text({ optional: true }) storeId?: string;
  @Text({ optional: true }) transactionId?: string;
  /** redeemed */
  @Uuid({ optional: true }) redemptionId?: string;
  @Uuid({ optional: true }) rewardId?: string;
  @Int({ optional: true, min: 1, max: 1000 }) quantity?: number;
  /** clawed-back: the return order (RET-4). */
  @Uuid({ optional: true }) returnId?: string;
}

/** The `data` contract of each loyalty event type (libs/contracts `EVENT_DATA_CONTRACTS`). */
export const LOYALTY_EVENT_DATA: { readonly [Type in LoyaltyEventType]: ContractClass } = {
  [LoyaltyEventType.CardIssued]: CardIssuedEventData,
  [LoyaltyEventType.CardLost]: CardLostEventData,
  [LoyaltyEventType.CardReplaced]: CardReplacedEventData,
  [LoyaltyEventType.PointsEarned]: PointsEventData,
  [LoyaltyEventType.PointsRedeemed]: PointsEventData,
  [LoyaltyEventType.PointsClawedBack]: PointsEventData,
};
