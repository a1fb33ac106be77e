import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Actor, DevelopmentHalt, DevelopmentStatus, Money } from '@crm/contracts';

/**
 * DEV-1: the development of one prospect archive — its application (pending → approved by a
 * manager) and whether a manager halted it. One row per archive, created by the application or
 * by a halt, whichever comes first.
 */
@Entity({ name: 'customer_developments' })
export class CustomerDevelopment {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  status: DevelopmentStatus | null;

  @Column({ type: 'text', nullable: true })
  target: string | null;

  @Column({ type: 'text', nullable: true })
  approach: string | null;

  @Column({ name: 'expected_annual_volume', type: 'jsonb', nullable: true })
  expectedAnnualVolume: Money | null;

  @Column({ name: 'applied_by', type: 'jsonb', nullable: true })
  appliedBy: Actor | null;

  @Column({ name: 'approved_by', type: 'jsonb', nullable: true })
  approvedBy: Actor | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  halted: boolean;

  @Column({ name: 'halt_reason', type: 'text', nullable: true })
  haltReason: string | null;

  @Column({ name: 'halt_history', type: 'jsonb', default: () => "'[]'::jsonb" })
  haltHistory: DevelopmentHalt[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer' })
  version: number;
}
