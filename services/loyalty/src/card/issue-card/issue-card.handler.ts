import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CardView, type IssueCardBody, LoyaltyOperations } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { businessDate } from '@crm/calendar';
import { requireOwnStore, requireRole } from '../../common/access.policy';
import { LoyaltyException, LoyaltyExceptionCode } from '../../common/loyalty.exception';
import { phoneKey } from '../../common/phone.policy';
import { issueCardNumber } from '../card-issuer';
import { expiryOf } from '../card-state.policy';
import { findCard, paidSummary, toCardView } from '../card.store';
import { meetsThresholds } from '../qualification.policy';

/**
 * LOY-2: a qualified shopper (LOY-1) who fills in the form gets a card valid 2 years; one card per
 * person (the phone identifies the person: a unique key in the database, not a check first).
 */
@Injectable()
export class IssueCardHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  async execute(manager: EntityManager, caller: Caller, input: IssueCardBody, now = new Date()): Promise<CardView> {
    requireRole(caller, LoyaltyOperations.issueCard);
    requireOwnStore(caller, input.storeId);
    if (!input.name.trim()) throw LoyaltyException.invalid('LOY-2', [{ field: 'name', message: 'name must not be blank' }]);
    if (input.birthday > businessDate(now)) {
      throw LoyaltyException.invalid('LOY-2', [{ field: 'birthday', message: 'birthday cannot be in the future' }]);
    }
    const key = phoneKey(input.phone);
    // LOY-1: one purchase ≥ 1,000.00 CNY or ≥ 2,000.00 CNY in total paid within 183 days.
    if (!meetsThresholds(await paidSummary(manager, key, now))) {
      throw LoyaltyException.rule(
        'LOY-1',
        'the shopper does not qualify: one purchase of at least 1,000.00 CNY or 2,000.00 CNY in total paid within the last 183 days',
      );
    }
    const memberId = randomUUID();
    const inserted: unknown[] = await manager.query(
      `INSERT INTO loyalty_members (id, phone_key, name, birthday, store_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (phone_key) DO NOTHING RETURNING id`,
      [memberId, key, input.name, input.birthday, input.storeId, now],
    );
    if (!inserted.length) {
      // LOY-2: a card belongs to one person; a member with an expired card renews it (LOY-7).
      throw new LoyaltyException(LoyaltyExceptionCode.AlreadyMember, 'LOY-2: this shopper is already a member', 'LOY-2');
    }
    const number = await issueCardNumber(
      manager,
      this.outbox,
      { memberId, storeId: input.storeId, expiresAt: expiryOf(now), replaces: null, reason: 'registration' },
      now,
    );
    return toCardView(await findCard(manager, number), now);
  }
}
