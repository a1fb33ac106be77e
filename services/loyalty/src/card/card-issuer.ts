import type { EntityManager } from 'typeorm';
import { LoyaltyEventType } from '@crm/contracts';
import type { OutboxWriter } from '@crm/messaging';
import { newCardNumber } from './card-number.policy';

export interface NewCard {
  memberId: string;
  storeId: string;
  expiresAt: Date;
  replaces: string | null;
  reason: 'registration' | 'renewal' | 'replacement';
}

/** Tries before giving up on a fresh number: with 10^15 numbers a second try is already rare. */
const NUMBER_ATTEMPTS = 5;

/**
 * LOY-2: inserts a card with a fresh random number — the primary key refuses a number twice (a
 * collision draws again) — and records `loyalty.card.issued` (ids only, LOY-10).
 */
export async function issueCardNumber(manager: EntityManager, outbox: OutboxWriter, card: NewCard, now: Date): Promise<string> {
  for (let attempt = 1; attempt <= NUMBER_ATTEMPTS; attempt++) {
    const number = newCardNumber();
    const inserted: unknown[] = await manager.query(
      `INSERT INTO loyalty_cards (number, member_id, status, store_id, issued_at, expires_at, replaces, updated_at, version)
       VALUES ($1, $2, 'active', $3, $4, $5, $6, $4, 1) ON CONFLICT (number) DO NOTHING RETURNING number`,
      [number, card.memberId, card.storeId, now, card.expiresAt, card.replaces],
    );
    if (!inserted.length) continue;
    await outbox.record(manager, {
      type: LoyaltyEventType.CardIssued,
      aggregateId: card.memberId,
      data: {
        cardNumber: number,
        memberId: card.memberId,
        storeId: card.storeId,
        reason: card.reason,
        replaces: card.replaces,
        expiresAt: card.expiresAt.toISOString(),
      },
    });
    return number;
  }
  throw new Error(`LOY-2: no free card number after ${NUMBER_ATTEMPTS} draws`);
}
