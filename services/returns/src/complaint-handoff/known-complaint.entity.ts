import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * RET-2: the complaints this service knows were approved with a hand-off (CMP-10), fed by
 * `complaints.complaint.approved`. A directly created order naming one of them for the same customer
 * goes the "through a complaint" path of RET-2.
 */
@Entity({ name: 'known_complaints' })
export class KnownComplaint {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ name: 'customer_id', type: 'uuid', nullable: true }) customerId: string | null;
  @Column({ type: 'varchar', length: 20 }) resolution: string;
  @Column({ type: 'varchar', length: 20 }) category: string;
  @Column({ name: 'approved_at', type: 'timestamptz' }) approvedAt: Date;
}
