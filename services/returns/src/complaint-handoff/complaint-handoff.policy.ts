import type { ComplaintEventData, CreateCreditNoteBody, CreateReturnBody, CreditNoteKind, ReturnHandling } from '@crm/contracts';
import { ReturnsException } from '../common/returns.exception';
import type { ActorRecord } from '../common/returns.policy';

/**
 * Who created documents handed over by complaints (CMP-10): not a person, so any manager or executive
 * may approve them (RET-3 "never the creator" concerns people). A fixed id, never an API key's.
 */
export const COMPLAINT_HANDOFF_ACTOR: ActorRecord = { keyId: '00000000-0000-4000-8000-0000000c0310', name: 'complaints hand-off (CMP-10)' };

export type HandOffDocument = { target: 'return_order'; input: CreateReturnBody } | { target: 'credit_note'; input: CreateCreditNoteBody };

/**
 * CMP-10 → RET-1/RET-6: the document an approved complaint hands over, field by field. The complaint's
 * category says whether the defect is a quality one (RET-2); storage and pickup are the defaults (the
 * complaint's investigation would have rejected improper storage as `facts_contradicted`, CMP-3).
 * A hand-off no retry can turn into a document (no customer, no amount) is refused, and so
 * dead-lettered with the reason.
 */
export function handOffDocument(data: ComplaintEventData): HandOffDocument | null {
  const handOff = data.handOff;
  if (!handOff) return null;
  if (!handOff.customerId) {
    throw ReturnsException.rule('RET-1', `complaint ${data.number} hands over a ${handOff.target} without a customer`);
  }
  if (handOff.target === 'credit_note') {
    if (!handOff.amount) throw ReturnsException.rule('RET-6', `complaint ${data.number} hands over a credit note without an amount`);
    return {
      target: 'credit_note',
      input: {
        customerId: handOff.customerId,
        complaintId: data.complaintId,
        kind: handOff.resolution as CreditNoteKind,
        amount: { ...handOff.amount },
        reason: handOff.reason,
      },
    };
  }
  return {
    target: 'return_order',
    input: {
      customerId: handOff.customerId,
      complaintId: data.complaintId,
      reason: handOff.reason,
      handling: handOff.resolution as ReturnHandling,
      defect: data.category === 'quality' ? 'quality' : 'none',
      lines: handOff.lines.map((line) => ({
        sku: line.sku,
        ...(line.batchNo ? { batchNo: line.batchNo } : {}),
        quantity: line.quantity,
        unitPrice: { ...line.unitPrice },
      })),
      ...(handOff.purchaseRef ? { purchaseRef: { ...handOff.purchaseRef } } : {}),
    },
  };
}
