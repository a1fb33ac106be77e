import type { MigrationInterface } from 'typeorm';
import { CreateApiKeys1764000000000 } from './1764000000000-create-api-keys';
import { CreateIdempotencyRecords1764000000001 } from './1764000000001-create-idempotency-records';
import { IdempotencyResourceId1764000000002 } from './1764000000002-idempotency-resource-id';
import { EventFeed1797500000000 } from './1797500000000-event-feed';
import { IdempotencyCommandSeed1798100000000 } from './1798100000000-idempotency-command-seed';

/** The gateway's own migrations, in order (never `synchronize`). */
export const gatewayMigrations: (new () => MigrationInterface)[] = [
  CreateApiKeys1764000000000,
  CreateIdempotencyRecords1764000000001,
  IdempotencyResourceId1764000000002,
  EventFeed1797500000000,
  IdempotencyCommandSeed1798100000000,
];
