import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type ComplaintEventData, ComplaintEventType, type EventEnvelope } from '@crm/contracts';
import type { AmqpContext } from '@crm/messaging';
import { CreditNoteCreator } from '../credit-note/credit-note.creator';
import { ReturnOrderCreator } from '../return-order/create-return/return-order.creator';
import { COMPLAINT_HANDOFF_ACTOR, handOffDocument } from './complaint-handoff.policy';
import { recordKnownComplaint } from './known-complaints.store';

/**
 * CMP-10 → RET-1/RET-6: an approved complaint's hand-off becomes a return order or a credit note,
 * `requested` (RET-3 approval still needed). Exactly once: the effect is written with `ctx.manager`,
 * the transaction that holds the inbox row, so a redelivered approval creates nothing new (and the
 * source event id is unique on the documents as a second guard).
 */
@Controller()
export class ComplaintHandOffConsumer {
  constructor(
    private readonly returns: ReturnOrderCreator,
    private readonly creditNotes: CreditNoteCreator,
  ) {}

  @EventPattern<string>(ComplaintEventType.Approved)
  async approved(@Payload() envelope: EventEnvelope<ComplaintEventData>, @Ctx() ctx: AmqpContext): Promise<void> {
    const data = envelope.data;
    const document = handOffDocument(data);
    if (!document) return;
    const approvedAt = new Date(envelope.occurredAt);
    await recordKnownComplaint(ctx.manager, {
      complaintId: data.complaintId,
      customerId: data.handOff?.customerId ?? null,
      resolution: data.handOff?.resolution ?? '',
      category: data.category,
      approvedAt,
    });
    const now = new Date();
    if (document.target === 'credit_note') {
      await this.creditNotes.create(ctx.manager, document.input, COMPLAINT_HANDOFF_ACTOR, envelope.id, now);
      return;
    }
    // RET-2 "through a complaint whose findings put the fault on us": the complaint was investigated
    // (CMP-6) and its return approved by CMP-8 authority — see services/returns/README.md.
    await this.returns.create(
      ctx.manager,
      document.input,
      { createdBy: COMPLAINT_HANDOFF_ACTOR, viaComplaint: true, sourceEventId: envelope.id },
      now,
    );
  }
}
