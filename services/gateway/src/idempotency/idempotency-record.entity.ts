import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * GW-6: the first answer to a POST with an `Idempotency-Key`, per API key. The store works with
 * SQL (INSERT … ON CONFLICT) for atomic claims; the entity documents the table.
 */
@Entity({ name: 'idempotency_records' })
export class IdempotencyRecordEntity {
  @PrimaryColumn('uuid', { name: 'api_key_id' })
  apiKeyId: string;

  @PrimaryColumn('varchar', { name: 'idempotency_key', length: 200 })
  idempotencyKey: string;

  @Column('char', { name: 'request_hash', length: 64 })
  requestHash: string;

  @Column('varchar', { length: 16 })
  state: 'in_progress' | 'completed';

  @Column('integer', { name: 'response_status', nullable: true })
  responseStatus: number | null;

  @Column('jsonb', { name: 'response_body', nullable: true })
  responseBody: unknown;

  /** CUS-9: the resource the answer is about (its UUID `id`, else the route's `:id`). */
  @Column('uuid', { name: 'resource_id', nullable: true })
  resourceId: string | null;

  /** The seed of the command ids the request sends; kept when a retry takes the record over (GW-6). */
  @Column('uuid', { name: 'command_seed', nullable: true })
  commandSeed: string | null;

  /** While in progress: after this instant a crashed first attempt may be taken over. */
  @Column('timestamptz', { name: 'locked_until' })
  lockedUntil: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;
}
