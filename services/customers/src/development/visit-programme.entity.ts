import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Actor } from '@crm/contracts';

/**
 * DEV-2: the visit programme of an active archive — its designated visitor, the interval of its
 * grade and when the next visit is due. Kept in step by every programme visit and every grade change (CUS-5).
 */
@Entity({ name: 'customer_visit_programmes' })
export class VisitProgrammeRecord {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  visitor: string | null;

  @Column({ name: 'interval_days', type: 'integer' })
  intervalDays: number;

  @Column({ name: 'last_visited_at', type: 'timestamptz', nullable: true })
  lastVisitedAt: Date | null;

  @Column({ name: 'next_visit_due_at', type: 'timestamptz' })
  nextVisitDueAt: Date;

  @Column({ name: 'designated_by', type: 'jsonb', nullable: true })
  designatedBy: Actor | null;

  @Column({ name: 'designated_at', type: 'timestamptz', nullable: true })
  designatedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
