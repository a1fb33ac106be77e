import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Caller,
  LoyaltyEventType,
  LoyaltyOperations,
  type PosPurchaseMessage,
  type PurchaseResult,
  type RecordedPurchase,
} from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { requireOwnStore, requireRole } from '../../common/access.policy';
import { LoyaltyException, LoyaltyExceptionCode } from '../../common/loyalty.exception';
import { requireCny } from '../../common/money.policy';
import { phoneKey } from '../../common/phone.policy';
import { requireUsable } from '../../card/card-state.policy';
import { appendLedger, findCard, paidSummary } from '../../card/card.store';
import { meetsThresholds, withPurchase } from '../../card/qualification.policy';
import { pointsFor, purchaseHash } from '../earning.policy';

/** A till's clock may run a little fast; beyond this a purchase "in the future" is refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * LOY-4, one handler for both doors — `POST /loyalty/purchases` (a caller, own store only) and the
 * till's message on `pos.purchases` (no caller; the transport checked nothing but the shape). The
 * purchase is claimed by its natural key with the database's UNIQUE constraint before anything
 * else: the first claim earns, a replay (HTTP retry, republished message, another replica at the
 * same moment) finds the claim and answers the first result, another body under the same ids is 409.
 */
@Injectable()
export class RecordPurchaseHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  async execute(manager: EntityManager, caller: Caller | null, input: PosPurchaseMessage, now = new Date()): Promise<RecordedPurchase> {
    if (caller) {
      requireRole(caller, LoyaltyOperations.recordPurchase);
      requireOwnStore(caller, input.storeId);
    }
    requireCny(
      [
        ['paid', input.paid],
        ...input.lines.map((line, index): [string, { currency: string }] => [`lines.${index}.unitPrice`, line.unitPrice]),
      ],
      'LOY-4',
    );
    if (new Date(input.occurredAt).getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw LoyaltyException.invalid('LOY-1', [{ field: 'occurredAt', message: 'occurredAt cannot be in the future' }]);
    }
    const hash = purchaseHash(input);
    const purchaseId = randomUUID();
    const claimed: unknown[] = await manager.query(
      `INSERT INTO loyalty_purchases (id, store_id, transaction_id, body_hash, occurred_at, paid, points_earned, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $7) ON CONFLICT ON CONSTRAINT loyalty_purchases_natural_key DO NOTHING RETURNING id`,
      [purchaseId, input.storeId, input.transactionId, hash, input.occurredAt, input.paid.amount, now],
    );
    if (!claimed.length) return this.replay(manager, input, hash);

    // LOY-7/LOY-8: a card that does not work earns nothing — the purchase is refused as a whole
    // (rolled back with its claim), so the till can send it again without the card.
    const card = input.cardNumber ? await findCard(manager, input.cardNumber, true) : null;
    if (card) requireUsable(card, now);
    const shopper = input.phone ? phoneKey(input.phone) : (card?.phoneKey ?? null);
    const points = card ? pointsFor(input.paid.amount) : 0;
    let balance = card?.balance;
    if (card && points > 0) {
      const ledgerEntryId = await appendLedger(manager, {
        cardNumber: card.number,
        type: 'earn',
        points,
        lifetimeDelta: points,
        cause: `purchase ${input.storeId}/${input.transactionId}`,
        purchaseId,
        occurredAt: now,
      });
      balance = card.balance + points;
      await this.outbox.record(manager, {
        type: LoyaltyEventType.PointsEarned,
        aggregateId: card.number,
        data: {
          cardNumber: card.number,
          ledgerEntryId,
          points,
          balance,
          purchaseId,
          storeId: input.storeId,
          transactionId: input.transactionId,
        },
      });
    }
    // LOY-1, counting this purchase (its row has no phone key yet, so the summary leaves it out).
    const thisPurchase = { occurredAt: new Date(input.occurredAt), paid: input.paid.amount };
    const vipEligible = shopper ? meetsThresholds(withPurchase(await paidSummary(manager, shopper, now), thisPurchase, now)) : false;
    const result: PurchaseResult = { purchaseId, pointsEarned: points, ...(card ? { balance } : {}), vipEligible };
    await manager.query(`UPDATE loyalty_purchases SET phone_key = $2, card_number = $3, points_earned = $4, result = $5 WHERE id = $1`, [
      purchaseId,
      shopper,
      card?.number ?? null,
      points,
      JSON.stringify(result),
    ]);
    return { purchase: result, replayed: false };
  }

  /** LOY-4: the same ids again — the first result for the same body, 409 for another. */
  private async replay(manager: EntityManager, input: PosPurchaseMessage, hash: string): Promise<RecordedPurchase> {
    const [first] = (await manager.query(`SELECT body_hash, result FROM loyalty_purchases WHERE store_id = $1 AND transaction_id = $2`, [
      input.storeId,
      input.transactionId,
    ])) as { body_hash: string; result: PurchaseResult }[];
    if (first.body_hash !== hash) {
      throw new LoyaltyException(
        LoyaltyExceptionCode.PurchaseConflict,
        'LOY-4: this storeId and transactionId were already sent with a different body',
        'LOY-4',
      );
    }
    return { purchase: first.result, replayed: true };
  }
}
