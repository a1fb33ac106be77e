import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Actor, Grade, UrgentKind, VisitKind, VisitMatter } from '@crm/contracts';

/** DEV-3: what a visit report says (archive content: CUS-6, read through CUS-7). */
export interface VisitReportContent {
  opinions?: string;
  suggestions?: string;
  hopes?: string;
  marketInfo?: string;
  competitorInfo?: string;
  effect?: string;
  matters: VisitMatter[];
}

/** DEV-3/DEV-4: one visit report; an urgent report is part of it (columns, for the managers' list). */
@Entity({ name: 'customer_visits' })
export class VisitRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'varchar', length: 12 })
  kind: VisitKind;

  @Column({ type: 'varchar', length: 200 })
  visitor: string;

  @Column({ name: 'visited_at', type: 'timestamptz' })
  visitedAt: Date;

  /** Asia/Shanghai date of `visitedAt` (the daily and monthly reports). */
  @Column({ name: 'business_date', type: 'date' })
  businessDate: string;

  /** The archive's grade when visited (the monthly report per grade). */
  @Column({ type: 'varchar', length: 1, nullable: true })
  grade: Grade | null;

  @Column({ type: 'jsonb' })
  report: VisitReportContent;

  @Column({ name: 'urgent_kind', type: 'varchar', length: 20, nullable: true })
  urgentKind: UrgentKind | null;

  @Column({ name: 'urgent_summary', type: 'text', nullable: true })
  urgentSummary: string | null;

  @Column({ name: 'urgent_sku', type: 'varchar', length: 200, nullable: true })
  urgentSku: string | null;

  @Column({ name: 'urgent_batch_no', type: 'varchar', length: 200, nullable: true })
  urgentBatchNo: string | null;

  @Column({ name: 'recorded_by', type: 'jsonb' })
  recordedBy: Actor;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
