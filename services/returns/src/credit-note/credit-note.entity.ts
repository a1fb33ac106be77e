import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CreditNoteKind, CreditNoteStatus } from '@crm/contracts';
import type { ActorRecord } from '../common/returns.policy';

/** A credit note (RET-6): requested → approved (RET-3) → signed by the customer → posted (voucher). */
@Entity({ name: 'credit_notes' })
export class CreditNote {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 20 }) number: string;
  @Column({ type: 'varchar', length: 20 }) status: CreditNoteStatus;
  @Column({ name: 'customer_id', type: 'uuid' }) customerId: string;
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true }) complaintId: string | null;
  @Column({ name: 'source_event_id', type: 'uuid', nullable: true }) sourceEventId: string | null;
  @Column({ type: 'varchar', length: 20 }) kind: CreditNoteKind;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) amountFen: number;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'created_by', type: 'jsonb' }) createdBy: ActorRecord;
  @Column({ name: 'approved_by', type: 'jsonb', nullable: true }) approvedBy: ActorRecord | null;
  @Column({ name: 'signed_by', type: 'text', nullable: true }) signedBy: string | null;
  @Column({ name: 'voucher_id', type: 'uuid', nullable: true }) voucherId: string | null;
  @Column({ name: 'voucher_number', type: 'varchar', length: 20, nullable: true }) voucherNumber: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
