import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Actor } from '@crm/contracts';

/** DEV-5: a figure replaced by a correction, kept in the row's history. */
export interface StoredSalesRevision {
  revision: number;
  sales: number;
  costOfSales: number;
  currency: string;
  recordedBy: Actor;
  recordedAt: string;
}

/** DEV-5: one customer's sales and cost of sales of one month, as the ERP last sent them (fen). */
@Entity({ name: 'customer_sales_figures' })
export class SalesFigureRecord {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  period: string;

  /** bigint columns arrive as strings; the amounts stay ≤ 10^12 fen (safe integers). */
  @Column({ type: 'bigint' })
  sales: string;

  @Column({ name: 'cost_of_sales', type: 'bigint' })
  costOfSales: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'recorded_by', type: 'jsonb' })
  recordedBy: Actor;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  history: StoredSalesRevision[];
}
