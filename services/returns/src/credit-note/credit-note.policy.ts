import type { CreditNoteStatus } from '@crm/contracts';
import { ReturnsException } from '../common/returns.exception';
import type { CreditNote } from './credit-note.entity';

/** RET-6: requested → approved (RET-3) → signed by the customer → posted (voucher, RET-5). */
export const CREDIT_NOTE_STEPS: Readonly<Record<'approve' | 'sign' | 'post', { from: CreditNoteStatus; to: CreditNoteStatus }>> = {
  approve: { from: 'requested', to: 'approved' },
  sign: { from: 'approved', to: 'signed' },
  post: { from: 'signed', to: 'posted' },
};

export function advanceCreditNote(note: CreditNote, step: keyof typeof CREDIT_NOTE_STEPS): void {
  const { from, to } = CREDIT_NOTE_STEPS[step];
  if (note.status !== from)
    throw ReturnsException.wrongStep('RET-6', `credit note ${note.number} is ${note.status}; ${step} needs ${from}`);
  note.status = to;
}
