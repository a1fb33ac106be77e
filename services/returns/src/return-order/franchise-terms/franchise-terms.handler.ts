import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type FranchiseTermsPayload, type FranchiseTermsView, ReturnOperations } from '@crm/contracts';
import { ReturnsException } from '../../common/returns.exception';
import { assertCny, cny, requireRole } from '../../common/returns.policy';
import { FranchiseTerms } from '../franchise-terms.entity';

/**
 * RET-2 franchise ratio, our design: finance (or a manager) records per franchise customer its
 * contract return ratio (basis points) and its purchases in the contract period; return orders
 * created in the period may add up to at most ratio × purchases. Setting the terms again replaces them.
 */
@Injectable()
export class FranchiseTermsHandler {
  async set(manager: EntityManager, caller: Caller, input: FranchiseTermsPayload, now = new Date()): Promise<FranchiseTermsView> {
    requireRole(caller, ReturnOperations.franchiseTerms);
    assertCny('RET-2', 'periodPurchases.currency', input.periodPurchases);
    if (input.periodFrom > input.periodTo) {
      throw ReturnsException.invalid('RET-2', [{ field: 'periodTo', message: 'RET-2: the period ends on or after its first day' }]);
    }
    const terms = Object.assign(new FranchiseTerms(), {
      customerId: input.customerId,
      returnRatioBasisPoints: input.returnRatioBasisPoints,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      periodPurchasesFen: input.periodPurchases.amount,
      updatedAt: now,
    });
    await manager.save(FranchiseTerms, terms);
    return {
      customerId: terms.customerId,
      returnRatioBasisPoints: terms.returnRatioBasisPoints,
      periodFrom: terms.periodFrom,
      periodTo: terms.periodTo,
      periodPurchases: cny(terms.periodPurchasesFen),
    };
  }
}
