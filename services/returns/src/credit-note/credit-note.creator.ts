import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CreateCreditNoteBody } from '@crm/contracts';
import { CustomerStatusGate } from '@crm/service-kit';
import { CREDIT_NOTE_NUMBERS, allocateNumber } from '../common/document-numbers.policy';
import { ReturnsException } from '../common/returns.exception';
import { type ActorRecord, assertCny } from '../common/returns.policy';
import { CreditNote } from './credit-note.entity';

/**
 * RET-6/CUS-2: creates a credit note `requested` (directly or from a complaint's hand-off) in the
 * caller's transaction: an active customer first, a positive CNY amount, the number last. API.md has
 * no event for a requested credit note; `approved` is the first one finance sees.
 */
@Injectable()
export class CreditNoteCreator {
  constructor(private readonly customerStatus: CustomerStatusGate) {}

  async create(
    manager: EntityManager,
    input: CreateCreditNoteBody,
    createdBy: ActorRecord,
    sourceEventId: string | null,
    now: Date,
  ): Promise<CreditNote> {
    await this.customerStatus.check(manager, input.customerId); // CUS-2
    assertCny('RET-6', 'amount.currency', input.amount);
    if (input.amount.amount <= 0)
      throw ReturnsException.rule('RET-6', 'a credit note is for a positive amount', [
        { field: 'amount.amount', message: 'RET-6: more than 0' },
      ]);
    if (!input.reason.trim()) throw ReturnsException.invalid('RET-6', [{ field: 'reason', message: 'RET-6: reason must not be blank' }]);
    const note = Object.assign(new CreditNote(), {
      id: randomUUID(),
      number: await allocateNumber(manager, CREDIT_NOTE_NUMBERS, 'RET-6', now),
      status: 'requested' as const,
      customerId: input.customerId,
      complaintId: input.complaintId ?? null,
      sourceEventId,
      kind: input.kind,
      amountFen: input.amount.amount,
      reason: input.reason,
      createdBy,
      approvedBy: null,
      signedBy: null,
      voucherId: null,
      voucherNumber: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await manager.insert(CreditNote, note);
    return note;
  }
}
