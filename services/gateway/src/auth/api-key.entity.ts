import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { ConfidentialityLevel, Role } from '@crm/contracts';

/** An API key (GW-2). Only the SHA-256 hash of the secret is stored; the secret is shown once. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Index({ unique: true })
  @Column('char', { name: 'key_hash', length: 64 })
  keyHash: string;

  /** The first characters of the secret, so an operator can tell keys apart in a list. */
  @Column('varchar', { name: 'key_prefix', length: 16 })
  keyPrefix: string;

  @Column('text', { array: true })
  roles: Role[];

  @Column('varchar', { length: 20 })
  clearance: ConfidentialityLevel;

  @Column('varchar', { name: 'store_id', length: 200, nullable: true })
  storeId: string | null;

  @Column('integer', { name: 'rate_limit_per_second', nullable: true })
  rateLimitPerSecond: number | null;

  @Column('uuid', { name: 'designated_customer_ids', array: true })
  designatedCustomerIds: string[];

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  /** Set by the gateway (millisecond precision) so list cursors compare exactly. */
  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
