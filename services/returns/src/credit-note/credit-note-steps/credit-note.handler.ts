import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Caller,
  type CreateCreditNoteBody,
  type CreditNoteIdPayload,
  type CreditNoteView,
  ReturnEventType,
  ReturnOperations,
  type SignCreditNotePayload,
} from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { ReturnsException, ReturnsExceptionCode } from '../../common/returns.exception';
import { RETURNS_SETTINGS } from '../../common/returns-settings';
import { actorOf, assertMayApprove, cny, requireRole } from '../../common/returns.policy';
import type { ReturnsSettings } from '../../returns.config';
import { touch } from '../../return-order/return-order.loader';
import { VoucherPoster } from '../../voucher/voucher.poster';
import { CreditNote } from '../credit-note.entity';
import { CreditNoteCreator } from '../credit-note.creator';
import { advanceCreditNote } from '../credit-note.policy';
import { creditNoteEventData, toCreditNoteView } from '../credit-note.view';

async function loadForCommand(manager: EntityManager, id: string): Promise<CreditNote> {
  const note = await manager.findOne(CreditNote, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!note) throw ReturnsException.notFound(ReturnsExceptionCode.CreditNoteNotFound, 'Credit note', id);
  return note;
}

/** RET-6: create → approve (RET-3) → customer signature → post (voucher as in RET-5). */
@Injectable()
export class CreditNoteHandler {
  constructor(
    private readonly creator: CreditNoteCreator,
    private readonly outbox: OutboxWriter,
    private readonly vouchers: VoucherPoster,
    @Inject(RETURNS_SETTINGS) private readonly settings: ReturnsSettings,
  ) {}

  async create(manager: EntityManager, caller: Caller, input: CreateCreditNoteBody, now = new Date()): Promise<CreditNoteView> {
    requireRole(caller, ReturnOperations.createCreditNote);
    return toCreditNoteView(await this.creator.create(manager, input, actorOf(caller), null, now));
  }

  async get(manager: EntityManager, caller: Caller, input: CreditNoteIdPayload): Promise<CreditNoteView> {
    requireRole(caller, ReturnOperations.getCreditNote);
    const note = await manager.findOne(CreditNote, { where: { id: input.id } });
    if (!note) throw ReturnsException.notFound(ReturnsExceptionCode.CreditNoteNotFound, 'Credit note', input.id);
    return toCreditNoteView(note);
  }

  /** RET-3: as CMP-8 — a manager up to the threshold, an executive above; never the creator. */
  async approve(manager: EntityManager, caller: Caller, input: CreditNoteIdPayload, now = new Date()): Promise<CreditNoteView> {
    requireRole(caller, ReturnOperations.approveCreditNote);
    const note = await loadForCommand(manager, input.id);
    advanceCreditNote(note, 'approve');
    assertMayApprove(caller, { value: cny(note.amountFen), createdBy: note.createdBy }, this.settings.managerApprovalLimitFen);
    note.approvedBy = actorOf(caller);
    return this.save(manager, note, ReturnEventType.CreditNoteApproved, now);
  }

  /** RET-6: the customer's signature on the approved note. */
  async sign(manager: EntityManager, caller: Caller, input: SignCreditNotePayload, now = new Date()): Promise<CreditNoteView> {
    requireRole(caller, ReturnOperations.signCreditNote);
    const note = await loadForCommand(manager, input.id);
    advanceCreditNote(note, 'sign');
    if (!input.signedBy.trim()) throw ReturnsException.invalid('RET-6', [{ field: 'signedBy', message: 'RET-6: the signatory is named' }]);
    note.signedBy = input.signedBy;
    touch(note, now);
    await manager.save(CreditNote, note);
    return toCreditNoteView(note);
  }

  /** RET-6/RET-5: posting books the voucher (debit sales returns and allowances, credit accounts receivable). */
  async post(manager: EntityManager, caller: Caller, input: CreditNoteIdPayload, now = new Date()): Promise<CreditNoteView> {
    requireRole(caller, ReturnOperations.postCreditNote);
    const note = await loadForCommand(manager, input.id);
    advanceCreditNote(note, 'post');
    const voucher = await this.vouchers.post(
      manager,
      {
        type: 'credit_note',
        id: note.id,
        number: note.number,
        customerId: note.customerId,
        complaintId: note.complaintId,
        purchaseRef: null,
      },
      [{ memo: `${note.kind} ${note.number}`, amountFen: note.amountFen }],
      now,
    );
    note.voucherId = voucher.id;
    note.voucherNumber = voucher.number;
    return this.save(manager, note, ReturnEventType.CreditNotePosted, now);
  }

  private async save(
    manager: EntityManager,
    note: CreditNote,
    type: typeof ReturnEventType.CreditNoteApproved | typeof ReturnEventType.CreditNotePosted,
    now: Date,
  ): Promise<CreditNoteView> {
    touch(note, now);
    await manager.save(CreditNote, note);
    await this.outbox.record(manager, { type, aggregateId: note.id, data: creditNoteEventData(note, now), occurredAt: now });
    return toCreditNoteView(note);
  }
}
