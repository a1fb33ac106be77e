import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, LoyaltyEventType, LoyaltyOperations, type RedeemBody, type RedemptionView } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { requireOwnStore, requireRole } from '../../common/access.policy';
import { LoyaltyException, LoyaltyExceptionCode } from '../../common/loyalty.exception';
import { requireUsable } from '../../card/card-state.policy';
import { appendLedger, findCard } from '../../card/card.store';

/**
 * LOY-5: points of one card (never combined) for a gift of the catalogue. Points and stock move in
 * one transaction or not at all: the card row is locked while its balance is checked and the ledger
 * entry written; the stock is taken by a conditional update (`stock >= quantity`) that cannot go
 * below zero under concurrency. No cancellation, no refund, no cash-out: there is no route for any.
 */
@Injectable()
export class RedeemHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  async execute(manager: EntityManager, caller: Caller, input: RedeemBody, now = new Date()): Promise<RedemptionView> {
    requireRole(caller, LoyaltyOperations.redeem);
    requireOwnStore(caller, input.storeId);
    const card = await findCard(manager, input.cardNumber, true);
    requireUsable(card, now);
    const [reward] = (await manager.query(`SELECT points_cost FROM loyalty_rewards WHERE id = $1`, [input.rewardId])) as {
      points_cost: string;
    }[];
    if (!reward) throw new LoyaltyException(LoyaltyExceptionCode.RewardNotFound, 'No such reward');
    const points = Number(reward.points_cost) * input.quantity;
    // LOY-6: a negative balance blocks redemption; LOY-5: enough points on this one card.
    if (card.balance < 0) throw LoyaltyException.rule('LOY-6', 'the card’s balance is negative after a return; redemption is blocked');
    if (card.balance < points) {
      throw LoyaltyException.rule('LOY-5', `the card has ${card.balance} points; this redemption needs ${points}`);
    }
    // A CTE, so that the driver answers the returned rows (a bare UPDATE answers [rows, count]).
    const taken: unknown[] = await manager.query(
      `WITH taken AS (UPDATE loyalty_rewards SET stock = stock - $2 WHERE id = $1 AND stock >= $2 RETURNING id) SELECT id FROM taken`,
      [input.rewardId, input.quantity],
    );
    if (!taken.length) throw LoyaltyException.rule('LOY-5', 'not enough of this reward in stock');
    const id = randomUUID();
    await manager.query(
      `INSERT INTO loyalty_redemptions (id, card_number, reward_id, quantity, points, store_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, card.number, input.rewardId, input.quantity, points, input.storeId, now],
    );
    const ledgerEntryId = await appendLedger(manager, {
      cardNumber: card.number,
      type: 'redeem',
      points: -points,
      lifetimeDelta: 0,
      cause: `redemption ${id}`,
      occurredAt: now,
    });
    const balance = card.balance - points;
    await this.outbox.record(manager, {
      type: LoyaltyEventType.PointsRedeemed,
      aggregateId: card.number,
      data: {
        cardNumber: card.number,
        ledgerEntryId,
        points: -points,
        balance,
        redemptionId: id,
        rewardId: input.rewardId,
        quantity: input.quantity,
        storeId: input.storeId,
      },
    });
    return {
      id,
      cardNumber: card.number,
      rewardId: input.rewardId,
      quantity: input.quantity,
      points,
      balance,
      storeId: input.storeId,
      createdAt: now.toISOString(),
    };
  }
}
