import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, LoyaltyEventType, type ReturnReceivedEventData } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { LOGGER } from '@crm/service-kit';
import { appendLedger } from '../../card/card.store';
import { clawbackDue } from '../clawback.policy';

interface PurchaseRow {
  id: string;
  card_number: string | null;
  paid: string;
  points_earned: number;
  clawed_back: number;
}

/**
 * LOY-6: a return of a card purchase was received (RET-4) — the points the refunded amount earned
 * are taken back. Each `returns.return.received` carries its return order's cumulative refund; the
 * latest figure per return is kept (a late, smaller one changes nothing), the purchase's target is
 * computed over all its returns, and only the difference to what was already clawed back is
 * booked: exactly once per receipt (the inbox dedupes the delivery, the ledger's unique cause the
 * booking), across several partial returns, never more than was earned. The balance may go
 * negative (it then blocks redemption, LOY-5). Runs in the inbox's transaction (`ctx.manager`).
 */
@Injectable()
export class ClawbackHandler {
  constructor(
    private readonly outbox: OutboxWriter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(manager: EntityManager, envelope: EventEnvelope<ReturnReceivedEventData>, now = new Date()): Promise<void> {
    const { purchaseRef, returnId, refunded } = envelope.data;
    if (!purchaseRef) return;
    // The purchase row is locked: two returns of one purchase are booked one after the other.
    const [purchase] = (await manager.query(
      `SELECT id, card_number, paid, points_earned, clawed_back FROM loyalty_purchases
       WHERE store_id = $1 AND transaction_id = $2 FOR UPDATE`,
      [purchaseRef.storeId, purchaseRef.transactionId],
    )) as PurchaseRow[];
    if (!purchase || !purchase.card_number || purchase.points_earned === 0) {
      this.logger.info(
        { returnId, eventId: envelope.id },
        'LOY-6: the return is not of a purchase that earned points; nothing to claw back',
      );
      return;
    }
    await manager.query(
      `INSERT INTO loyalty_purchase_returns (purchase_id, return_id, refunded, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (purchase_id, return_id) DO UPDATE SET refunded = GREATEST(loyalty_purchase_returns.refunded, EXCLUDED.refunded),
         updated_at = EXCLUDED.updated_at`,
      [purchase.id, returnId, refunded.amount, now],
    );
    const refunds = (await manager.query(`SELECT refunded FROM loyalty_purchase_returns WHERE purchase_id = $1`, [purchase.id])) as {
      refunded: string;
    }[];
    const due = clawbackDue(
      Number(purchase.paid),
      purchase.points_earned,
      purchase.clawed_back,
      refunds.map((row) => Number(row.refunded)),
    );
    if (due === 0) return;
    // Points follow a replaced card to its successor (LOY-8); an expired card keeps its debt.
    const [{ number: cardNumber, balance }] = (await manager.query(
      `WITH RECURSIVE chain AS (
         SELECT number, succeeded_by, status, 0 AS depth FROM loyalty_cards WHERE number = $1
         UNION ALL
         SELECT c.number, c.succeeded_by, c.status, chain.depth + 1 FROM loyalty_cards c JOIN chain ON c.number = chain.succeeded_by
         WHERE chain.status = 'replaced')
       SELECT c.number, c.balance FROM loyalty_cards c
       WHERE c.number = (SELECT number FROM chain ORDER BY depth DESC LIMIT 1) FOR UPDATE`,
      [purchase.card_number],
    )) as { number: string; balance: string }[];
    const ledgerEntryId = await appendLedger(manager, {
      cardNumber,
      type: 'clawback',
      points: -due,
      lifetimeDelta: -due,
      cause: `return ${returnId} of purchase ${purchaseRef.storeId}/${purchaseRef.transactionId} refunded ${refunded.amount}`,
      purchaseId: purchase.id,
      occurredAt: now,
    });
    await manager.query(`UPDATE loyalty_purchases SET clawed_back = clawed_back + $2 WHERE id = $1`, [purchase.id, due]);
    await this.outbox.record(manager, {
      type: LoyaltyEventType.PointsClawedBack,
      aggregateId: cardNumber,
      data: {
        cardNumber,
        ledgerEntryId,
        points: -due,
        balance: Number(balance) - due,
        purchaseId: purchase.id,
        storeId: purchaseRef.storeId,
        transactionId: purchaseRef.transactionId,
        returnId,
      },
    });
  }
}
