import { ApiProperty } from '@nestjs/swagger';
import { Money } from '../formats';

/*
 * What the loyalty service answers, documented once for the gateway's OpenAPI document.
 * `nullable` marks exactly what the service sends as `null`. No answer carries the member's name
 * or phone beyond the card itself (LOY-10).
 */

const instant = { type: String, format: 'date-time' } as const;

/** LOY-7/LOY-8: what a card can do; `expired` once `expiresAt` has passed or it was renewed. */
export const CARD_STATUSES = ['active', 'expired', 'lost', 'replaced'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** LOY-9 */
export const LEDGER_ENTRY_TYPES = ['earn', 'redeem', 'clawback', 'transfer', 'forfeit'] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

/** LOY-3 */
export const QUOTE_REASONS = ['vip', 'points_tier', 'birthday', 'promotion', 'none'] as const;
export type QuoteReason = (typeof QUOTE_REASONS)[number];

/** `POST /loyalty/purchases` (LOY-4): 201 the first time, 200 with the same body on every replay. */
export class PurchaseResult {
  @ApiProperty({ format: 'uuid' }) purchaseId: string;
  @ApiProperty({ type: 'integer', description: 'LOY-4: floor(paid / 100.00 CNY); 0 without a card' }) pointsEarned: number;
  @ApiProperty({ type: 'integer', required: false, description: "The card's balance after this purchase (only with a card)" })
  balance?: number;
  @ApiProperty({ description: 'LOY-1: the shopper qualifies for a VIP card (by phone, last 183 days)' }) vipEligible: boolean;
}

/** The RPC answer of LOY-4: the result, and whether it is a replay (the gateway answers 200 then). */
export class RecordedPurchase {
  @ApiProperty({ type: PurchaseResult }) purchase: PurchaseResult;
  @ApiProperty() replayed: boolean;
}

/** A card as the till sees it (LOY-2, LOY-7, LOY-8): no name or phone. */
export class CardView {
  @ApiProperty({ example: '6200000000000003' }) cardNumber: string;
  @ApiProperty({ enum: CARD_STATUSES }) status: CardStatus;
  @ApiProperty(instant) issuedAt: string;
  @ApiProperty({ ...instant, description: 'LOY-2: 2 years from issue (a replacement keeps it, LOY-8)' }) expiresAt: string;
  @ApiProperty({ type: 'integer', description: 'LOY-9: the sum of the ledger' }) balance: number;
  @ApiProperty({ type: 'integer', description: 'LOY-3: points earned in the card’s life, net of clawbacks' }) lifetimePoints: number;
  @ApiProperty({ description: 'The store that registered the member' }) storeId: string;
  @ApiProperty({ type: String, nullable: true, description: 'LOY-8: the card this one replaced, or the expired one it renews' })
  replaces: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'LOY-8/LOY-7: the card that replaced or renewed this one' })
  succeededBy: string | null;
  @ApiProperty(instant) updatedAt: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

/** LOY-9: one point movement. */
export class LedgerEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: LEDGER_ENTRY_TYPES }) type: LedgerEntryType;
  @ApiProperty({ type: 'integer', description: 'Signed' }) points: number;
  @ApiProperty({ example: 'purchase S001/T-42', description: 'What caused it: a purchase, redemption, return, card' }) cause: string;
  @ApiProperty(instant) occurredAt: string;
}

export class LedgerPage {
  @ApiProperty({ type: [LedgerEntry] }) items: LedgerEntry[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class QuoteLineResult {
  @ApiProperty() sku: string;
  @ApiProperty({ example: '0.10', description: 'The share taken off, a decimal string: 0.10, 0.15, 0.40 or 0.00' }) discountRate: string;
  @ApiProperty({ type: Money, description: 'quantity × unit price − total' }) discount: Money;
  @ApiProperty({ type: Money, description: 'What the line costs: half-up to the fen (LOY-3)' }) total: Money;
  @ApiProperty({ enum: QUOTE_REASONS }) reason: QuoteReason;
}

export class QuoteResult {
  @ApiProperty({ type: [QuoteLineResult] }) lines: QuoteLineResult[];
  @ApiProperty({ type: Money }) total: Money;
}

export class RewardView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer' }) pointsCost: number;
  @ApiProperty({ type: 'integer' }) stock: number;
  @ApiProperty(instant) createdAt: string;
}

export class RewardPage {
  @ApiProperty({ type: [RewardView] }) items: RewardView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** LOY-5: a redemption, final (no cancellation). */
export class RedemptionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() cardNumber: string;
  @ApiProperty({ format: 'uuid' }) rewardId: string;
  @ApiProperty({ type: 'integer' }) quantity: number;
  @ApiProperty({ type: 'integer', description: 'Points taken: pointsCost × quantity' }) points: number;
  @ApiProperty({ type: 'integer', description: "The card's balance afterwards" }) balance: number;
  @ApiProperty() storeId: string;
  @ApiProperty(instant) createdAt: string;
}

export class StoreRegistrations {
  @ApiProperty() storeId: string;
  @ApiProperty({ type: 'integer' }) registrations: number;
}

/** LOY-10: new VIP registrations of one business month (Asia/Shanghai), per store. */
export class RegistrationsReport {
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ description: 'Final once the month is over; before that month-to-date' }) final: boolean;
  @ApiProperty({ type: [StoreRegistrations] }) stores: StoreRegistrations[];
  @ApiProperty({ type: 'integer' }) total: number;
}
