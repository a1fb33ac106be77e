import type { MigrationInterface, QueryRunner } from 'typeorm';

/** GW-6: one row per (API key, Idempotency-Key), kept IDEMPOTENCY_TTL_HOURS. */
export class CreateIdempotencyRecords1764000000001 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1764000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotency_records (
        api_key_id uuid NOT NULL,
        idempotency_key varchar(200) NOT NULL,
        request_hash char(64) NOT NULL,
        state varchar(16) NOT NULL CHECK (state IN ('in_progress', 'completed')),
        response_status integer,
        response_body jsonb,
        locked_until timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (api_key_id, idempotency_key)
      )`);
    await runner.query('CREATE INDEX idempotency_records_expires_at ON idempotency_records (expires_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_records');
  }
}
