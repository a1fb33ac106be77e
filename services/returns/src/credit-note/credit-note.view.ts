import type { CreditNoteEventData, CreditNoteView } from '@crm/contracts';
import { cny } from '../common/returns.policy';
import type { CreditNote } from './credit-note.entity';

/** `GET /credit-notes/{id}` (RET-6). */
export function toCreditNoteView(note: CreditNote): CreditNoteView {
  return {
    id: note.id,
    number: note.number,
    status: note.status,
    customerId: note.customerId,
    complaintId: note.complaintId,
    kind: note.kind,
    amount: cny(note.amountFen),
    reason: note.reason,
    createdBy: { ...note.createdBy },
    approvedBy: note.approvedBy ? { ...note.approvedBy } : null,
    signedBy: note.signedBy,
    voucherId: note.voucherId,
    voucherNumber: note.voucherNumber,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    version: note.version,
  };
}

/** RET-7: `returns.credit-note.approved|posted` data, built field by field. */
export function creditNoteEventData(note: CreditNote, occurredAt: Date): CreditNoteEventData {
  return {
    creditNoteId: note.id,
    number: note.number,
    status: note.status,
    customerId: note.customerId,
    complaintId: note.complaintId,
    kind: note.kind,
    amount: cny(note.amountFen),
    reason: note.reason,
    approvedBy: note.approvedBy ? { ...note.approvedBy } : null,
    signedBy: note.signedBy,
    ...(note.voucherId ? { voucherId: note.voucherId, voucherNumber: note.voucherNumber ?? undefined } : {}),
    occurredAt: occurredAt.toISOString(),
  };
}
