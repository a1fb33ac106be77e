import { Column, Entity, PrimaryColumn } from 'typeorm';

const fen = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * RET-2: a franchise customer's contract return ratio and its purchases in the contract period, as
 * finance (or a manager) records them with `PUT /returns/franchise-terms/{customerId}`. A customer
 * without terms is not a franchise customer for RET-2.
 */
@Entity({ name: 'franchise_terms' })
export class FranchiseTerms {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid' }) customerId: string;
  @Column({ name: 'return_ratio_bp', type: 'integer' }) returnRatioBasisPoints: number;
  @Column({ name: 'period_from', type: 'date' }) periodFrom: string;
  @Column({ name: 'period_to', type: 'date' }) periodTo: string;
  @Column({ name: 'period_purchases_fen', type: 'bigint', transformer: fen }) periodPurchasesFen: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
