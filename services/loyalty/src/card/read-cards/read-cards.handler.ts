import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Caller,
  type CardLedgerPayload,
  type CardNumberPayload,
  type CardView,
  DEFAULT_PAGE_LIMIT,
  type LedgerEntryType,
  type LedgerPage,
  LoyaltyOperations,
} from '@crm/contracts';
import { decodeCursor, toPage } from '@crm/persistence';
import { requireRole } from '../../common/access.policy';
import { LoyaltyException, LoyaltyExceptionCode } from '../../common/loyalty.exception';
import { findCard, toCardView } from '../card.store';

interface LedgerRow {
  id: string;
  seq: string;
  type: LedgerEntryType;
  points: string;
  cause: string;
  occurred_at: Date;
}

/** Card lookups and ledgers: open to every POS key (cards are valid in every store, API.md). */
@Injectable()
export class ReadCardsHandler {
  async get(manager: EntityManager, caller: Caller, input: CardNumberPayload, now = new Date()): Promise<CardView> {
    requireRole(caller, LoyaltyOperations.getCard);
    return toCardView(await findCard(manager, input.cardNumber), now);
  }

  /** LOY-9: the card's entries, newest first. */
  async ledger(manager: EntityManager, caller: Caller, input: CardLedgerPayload): Promise<LedgerPage> {
    requireRole(caller, LoyaltyOperations.ledger);
    const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    if (after === null) throw new LoyaltyException(LoyaltyExceptionCode.InvalidCursor, 'The cursor is not valid for this list');
    await findCard(manager, input.cardNumber);
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const rows: LedgerRow[] = await manager.query(
      `SELECT id, seq, type, points, cause, occurred_at FROM loyalty_ledger
       WHERE card_number = $1 ${after ? 'AND seq < $3' : ''} ORDER BY seq DESC LIMIT $2`,
      after ? [input.cardNumber, limit + 1, after] : [input.cardNumber, limit + 1],
    );
    return toPage(rows, limit, (row) => ({
      id: row.id,
      type: row.type,
      points: Number(row.points),
      cause: row.cause,
      occurredAt: row.occurred_at.toISOString(),
    }));
  }
}
