import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Actor, Grade } from '@crm/contracts';

/** DEV-1: one credit investigation (the handbook's credit form), part of the archive (CUS-6). */
@Entity({ name: 'customer_credit_investigations' })
export class CreditInvestigationRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'payment_habits', type: 'text' })
  paymentHabits: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  bank: string | null;

  @Column({ type: 'text', nullable: true })
  guarantees: string | null;

  @Column({ type: 'text' })
  conclusion: string;

  @Column({ name: 'highest_credit_level', type: 'varchar', length: 1 })
  highestCreditLevel: Grade;

  @Column({ name: 'investigated_by', type: 'jsonb' })
  investigatedBy: Actor;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
