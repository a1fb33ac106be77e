import type { CardStatus } from '@crm/contracts';
import { LoyaltyException } from '../common/loyalty.exception';

/** What the database stores: `renewed` is an expired card that was given a successor. */
export type StoredCardStatus = 'active' | 'lost' | 'replaced' | 'renewed';

export interface CardState {
  status: StoredCardStatus;
  expiresAt: Date;
}

/** LOY-7/LOY-8 as the till sees them. */
export function cardStatus(card: CardState, now: Date): CardStatus {
  if (card.status === 'lost' || card.status === 'replaced') return card.status;
  if (card.status === 'renewed' || card.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/**
 * LOY-7/LOY-8: a lost or replaced card (LOY-8) and an expired one (LOY-7) earn, redeem and discount
 * nothing. Lost/replaced is named first: it is the stronger reason.
 */
export function requireUsable(card: CardState, now: Date): void {
  const status = cardStatus(card, now);
  if (status === 'lost' || status === 'replaced') {
    throw LoyaltyException.rule('LOY-8', `the card was ${status === 'lost' ? 'reported lost' : 'replaced'} and no longer works`);
  }
  if (status === 'expired') throw LoyaltyException.rule('LOY-7', 'the card has expired; the member may apply for a new card');
}

/** LOY-2: valid 2 years from issue (29 February + 2 years is 28 February). */
export function expiryOf(issuedAt: Date): Date {
  const expires = new Date(issuedAt.getTime());
  expires.setUTCFullYear(expires.getUTCFullYear() + 2);
  if (expires.getUTCDate() !== issuedAt.getUTCDate()) expires.setUTCDate(0);
  return expires;
}
