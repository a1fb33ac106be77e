import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AccessOutcome = 'granted' | 'denied';

/**
 * CUS-7 borrowing register: one row per attempt to read a full archive. Append-only — the
 * application only inserts, and a database trigger refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity({ name: 'customer_access_entries' })
export class AccessEntry {
  @PrimaryColumn('uuid')
  id: string;

  /** Set by the database (identity); orders the register newest first. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'caller_key_id', type: 'varchar', length: 200 })
  callerKeyId: string;

  @Column({ name: 'caller_name', type: 'varchar', length: 200 })
  callerName: string;

  @Column({ type: 'varchar', length: 200 })
  purpose: string;

  @Column({ type: 'varchar', length: 10 })
  outcome: AccessOutcome;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;
}
