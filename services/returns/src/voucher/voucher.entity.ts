import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { VoucherAccount, VoucherSourceType } from '@crm/contracts';
import type { PurchaseRefRecord } from '../return-order/return-order.entity';

export interface VoucherLineRecord {
  account: VoucherAccount;
  debitFen: number;
  creditFen: number;
  memo: string | null;
}

/**
 * A posted voucher (RET-5): written once, never updated or deleted — a trigger refuses both, and
 * another checks on insert that debits equal credits equal the total, to the fen.
 */
@Entity({ name: 'vouchers' })
export class Voucher {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 20 }) number: string;
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'jsonb' }) lines: VoucherLineRecord[];
  @Column({ name: 'source_type', type: 'varchar', length: 20 }) sourceType: VoucherSourceType;
  @Column({ name: 'source_id', type: 'uuid' }) sourceId: string;
  @Column({ name: 'source_number', type: 'varchar', length: 20 }) sourceNumber: string;
  @Column({ name: 'customer_id', type: 'uuid' }) customerId: string;
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true }) complaintId: string | null;
  @Column({ name: 'purchase_ref', type: 'jsonb', nullable: true }) purchaseRef: PurchaseRefRecord | null;
  @Column({ name: 'total_fen', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) totalFen: number;
  @Column({ name: 'posted_at', type: 'timestamptz' }) postedAt: Date;
}
