import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CardNumberPayload, type CardView, LoyaltyEventType, LoyaltyOperations } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { requireRole } from '../../common/access.policy';
import { LoyaltyException, LoyaltyExceptionCode } from '../../common/loyalty.exception';
import { issueCardNumber } from '../card-issuer';
import { cardStatus, expiryOf } from '../card-state.policy';
import { appendLedger, findCard, toCardView, updateCardStatus } from '../card.store';

/**
 * LOY-7/LOY-8: the steps of a card's life after issue. Cards are valid in every store of the group,
 * so every POS key may take them (API.md). The card row is locked for the step.
 */
@Injectable()
export class CardStepsHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  /** LOY-8: stops working at once. Reporting a lost card again answers it as it is. */
  async reportLost(manager: EntityManager, caller: Caller, input: CardNumberPayload, now = new Date()): Promise<CardView> {
    requireRole(caller, LoyaltyOperations.reportLost);
    const card = await findCard(manager, input.cardNumber, true);
    const status = cardStatus(card, now);
    if (status === 'lost') return toCardView(card, now);
    if (status === 'replaced') throw LoyaltyException.rule('LOY-8', 'the card was replaced and no longer works');
    if (status === 'expired') throw LoyaltyException.rule('LOY-7', 'the card has expired; the member may apply for a new card');
    await updateCardStatus(manager, card.number, 'lost', null, now);
    await this.outbox.record(manager, {
      type: LoyaltyEventType.CardLost,
      aggregateId: card.memberId,
      data: { cardNumber: card.number, memberId: card.memberId },
    });
    return toCardView(await findCard(manager, card.number), now);
  }

  /**
   * LOY-8: a lost (or damaged, still active) card is replaced by a new number with the same expiry;
   * balance and lifetime points move over as a pair of `transfer` entries (LOY-9).
   */
  async replace(manager: EntityManager, caller: Caller, input: CardNumberPayload, now = new Date()): Promise<CardView> {
    requireRole(caller, LoyaltyOperations.replaceCard);
    const card = await findCard(manager, input.cardNumber, true);
    const status = cardStatus(card, now);
    if (status === 'replaced') throw LoyaltyException.rule('LOY-8', 'the card was already replaced');
    if (status === 'expired') throw LoyaltyException.rule('LOY-7', 'an expired card is renewed, not replaced');
    await stepAside(manager, card.number, now);
    const number = await issueCardNumber(
      manager,
      this.outbox,
      { memberId: card.memberId, storeId: card.storeId, expiresAt: card.expiresAt, replaces: card.number, reason: 'replacement' },
      now,
    );
    await updateCardStatus(manager, card.number, 'replaced', number, now);
    if (card.balance !== 0 || card.lifetimePoints !== 0) {
      const cause = `replacement ${card.number} -> ${number}`;
      await appendLedger(manager, {
        cardNumber: card.number,
        type: 'transfer',
        points: -card.balance,
        lifetimeDelta: -card.lifetimePoints,
        cause,
        occurredAt: now,
      });
      await appendLedger(manager, {
        cardNumber: number,
        type: 'transfer',
        points: card.balance,
        lifetimeDelta: card.lifetimePoints,
        cause,
        occurredAt: now,
      });
    }
    await this.outbox.record(manager, {
      type: LoyaltyEventType.CardReplaced,
      aggregateId: card.memberId,
      data: {
        cardNumber: card.number,
        memberId: card.memberId,
        replacedBy: number,
        balanceTransferred: card.balance,
        lifetimePointsTransferred: card.lifetimePoints,
      },
    });
    return toCardView(await findCard(manager, number), now);
  }

  /**
   * LOY-7: an expired card's member gets a new card valid 2 years; the expired card's points are not
   * carried over — they are forfeited by a ledger entry on the old card (LOY-9).
   */
  async renew(manager: EntityManager, caller: Caller, input: CardNumberPayload, now = new Date()): Promise<CardView> {
    requireRole(caller, LoyaltyOperations.renewCard);
    const card = await findCard(manager, input.cardNumber, true);
    const status = cardStatus(card, now);
    if (status === 'lost' || status === 'replaced') throw LoyaltyException.rule('LOY-8', `a ${status} card is replaced, not renewed`);
    if (status === 'active') throw LoyaltyException.rule('LOY-7', 'only an expired card is renewed');
    if (card.succeededBy) {
      throw new LoyaltyException(LoyaltyExceptionCode.WrongStep, 'LOY-7: this card was already renewed', 'LOY-7');
    }
    if (card.balance !== 0) {
      await appendLedger(manager, {
        cardNumber: card.number,
        type: 'forfeit',
        points: -card.balance,
        lifetimeDelta: 0,
        cause: `expired card ${card.number} renewed`,
        occurredAt: now,
      });
    }
    await stepAside(manager, card.number, now);
    const number = await issueCardNumber(
      manager,
      this.outbox,
      { memberId: card.memberId, storeId: card.storeId, expiresAt: expiryOf(now), replaces: card.number, reason: 'renewal' },
      now,
    );
    await updateCardStatus(manager, card.number, 'renewed', number, now);
    return toCardView(await findCard(manager, number), now);
  }
}

/**
 * LOY-2: a person holds one working card (`loyalty_cards_one_active`), so the old card leaves the
 * `active` state before its successor is inserted; it ends `replaced` or `renewed` once the
 * successor's number is known.
 */
function stepAside(manager: EntityManager, number: string, now: Date): Promise<void> {
  return updateCardStatus(manager, number, 'lost', null, now);
}
