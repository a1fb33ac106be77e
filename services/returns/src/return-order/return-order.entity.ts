import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReturnDefect, ReturnHandling, ReturnPickup, ReturnStatus, ReturnStorage } from '@crm/contracts';
import type { ActorRecord } from '../common/returns.policy';

/** RET-1 line; quantities per RET-3 (approved), RET-4 (received, cumulative), RET-5 (accepted). */
export interface ReturnLineRecord {
  sku: string;
  batchNo: string | null;
  approvedQuantity: number;
  receivedQuantity: number;
  acceptedQuantity: number | null;
  unitPriceFen: number;
  shippedAt: string | null;
}

/** RET-4: one warehouse receipt. */
export interface ReturnReceiptRecord {
  signedBy: string;
  receivedAt: string;
  by: ActorRecord;
  lines: { sku: string; receivedQuantity: number }[];
}

export interface PurchaseRefRecord {
  storeId: string;
  transactionId: string;
}

/**
 * A return order (RET-1). What lists filter on are columns; lines and receipts are jsonb read and
 * written as a whole under the row lock. Money in integer fen (CNY). `version` counts every change.
 */
@Entity({ name: 'return_orders' })
export class ReturnOrder {
  @PrimaryColumn('uuid') id: string;
  /** Set by the database (identity); read only. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'varchar', length: 20 }) number: string;
  @Column({ type: 'varchar', length: 20 }) status: ReturnStatus;
  @Column({ name: 'customer_id', type: 'uuid' }) customerId: string;
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true }) complaintId: string | null;
  /** The `complaints.complaint.approved` event it was created from (CMP-10), unique. */
  @Column({ name: 'source_event_id', type: 'uuid', nullable: true }) sourceEventId: string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'varchar', length: 20 }) handling: ReturnHandling;
  @Column({ type: 'varchar', length: 20 }) defect: ReturnDefect;
  @Column({ type: 'varchar', length: 20 }) storage: ReturnStorage;
  @Column({ type: 'varchar', length: 20 }) pickup: ReturnPickup;
  @Column({ name: 'purchase_ref', type: 'jsonb', nullable: true }) purchaseRef: PurchaseRefRecord | null;
  @Column({ type: 'jsonb' }) lines: ReturnLineRecord[];
  /** RET-3: approved quantities × unit prices (fen); the franchise ratio sums it too (RET-2). */
  @Column({ name: 'value_fen', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) valueFen: number;
  @Column({ name: 'created_by', type: 'jsonb' }) createdBy: ActorRecord;
  @Column({ name: 'approved_by', type: 'jsonb', nullable: true }) approvedBy: ActorRecord | null;
  @Column({ type: 'jsonb' }) receipts: ReturnReceiptRecord[];
  @Column({ name: 'resolution_note', type: 'text', nullable: true }) resolutionNote: string | null;
  @Column({ name: 'voucher_id', type: 'uuid', nullable: true }) voucherId: string | null;
  @Column({ name: 'voucher_number', type: 'varchar', length: 20, nullable: true }) voucherNumber: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
