import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, LIMITS, LoyaltyOperations, type QuoteBody, type QuoteResult } from '@crm/contracts';
import { requireOwnStore, requireRole } from '../common/access.policy';
import { LoyaltyException } from '../common/loyalty.exception';
import { requireCny } from '../common/money.policy';
import { requireUsable } from '../card/card-state.policy';
import { findCard } from '../card/card.store';
import { quote } from './quote.policy';

/**
 * LOY-3, the hottest read path (a shopper waits at the counter): one indexed read of card and
 * member, then pure arithmetic. A lost, replaced or expired card discounts nothing (LOY-7/LOY-8).
 */
@Injectable()
export class QuoteHandler {
  async execute(manager: EntityManager, caller: Caller, input: QuoteBody, now = new Date()): Promise<QuoteResult> {
    requireRole(caller, LoyaltyOperations.quote);
    requireOwnStore(caller, input.storeId);
    requireCny(
      input.lines.map((line, index) => [`lines.${index}.unitPrice`, line.unitPrice]),
      'LOY-3',
    );
    const tooLarge = input.lines.findIndex((line) => BigInt(line.unitPrice.amount) * BigInt(line.quantity) > BigInt(LIMITS.money));
    if (tooLarge >= 0) {
      throw LoyaltyException.invalid('LOY-3', [
        { field: `lines.${tooLarge}`, message: 'quantity × unit price exceeds the largest amount (10^12 fen)' },
      ]);
    }
    const at = input.at ? new Date(input.at) : now;
    const card = await findCard(manager, input.cardNumber);
    requireUsable(card, now); // LOY-7/LOY-8 now, whatever `at` the till asks the prices for
    const result = quote(input, card, at);
    if (result.total.amount > LIMITS.money) {
      throw LoyaltyException.invalid('LOY-3', [{ field: 'lines', message: 'the basket exceeds the largest amount (10^12 fen)' }]);
    }
    return result;
  }
}
