import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CreditInvestigation, type CreditInvestigationPayload, DevelopmentOperations as ops } from '@crm/contracts';
import { requireText } from '../../archive/customer-content.policy';
import { loadForCommand, touch } from '../../archive/customer.loader';
import { requireRole } from '../../archive/customer.policy';
import { actorOf } from '../../archive/customer.view';
import { CreditInvestigationRecord } from '../credit-investigation.entity';
import { DevelopmentException } from '../development.exception';
import { toCreditInvestigation } from '../development.view';

/**
 * DEV-1: a credit investigation (the handbook's credit form) is kept on the archive — read back
 * only with the full archive (CUS-6 clearance, CUS-7 register). It changes the archive, so the
 * archive's version moves. Setting the credit rating stays a manager's CUS-5 decision.
 */
@Injectable()
export class RecordCreditInvestigationHandler {
  async execute(manager: EntityManager, caller: Caller, input: CreditInvestigationPayload, now = new Date()): Promise<CreditInvestigation> {
    requireRole(caller, ops.investigate);
    const customer = await loadForCommand(manager, input.id);
    if (customer.status === 'dormant') throw DevelopmentException.wrongStep('DEV-1', 'a dormant archive takes no new credit investigation');
    const errors = [...requireText('paymentHabits', input.paymentHabits, 'DEV-1'), ...requireText('conclusion', input.conclusion, 'DEV-1')];
    if (errors.length) throw DevelopmentException.invalid('DEV-1', errors);

    const record = manager.create(CreditInvestigationRecord, {
      id: randomUUID(),
      customerId: customer.id,
      paymentHabits: input.paymentHabits,
      bank: input.bank ?? null,
      guarantees: input.guarantees ?? null,
      conclusion: input.conclusion,
      highestCreditLevel: input.highestCreditLevel,
      investigatedBy: actorOf(caller),
      createdAt: now,
    });
    await manager.insert(CreditInvestigationRecord, record);
    touch(customer, now);
    await manager.save(customer);
    return toCreditInvestigation(record);
  }
}
