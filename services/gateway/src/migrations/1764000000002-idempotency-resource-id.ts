import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CUS-9: records note the resource they are about, so destroying it can forget its replays. */
export class IdempotencyResourceId1764000000002 implements MigrationInterface {
  name = 'IdempotencyResourceId1764000000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE idempotency_records ADD COLUMN resource_id uuid');
    await runner.query('CREATE INDEX idempotency_records_resource_id ON idempotency_records (resource_id) WHERE resource_id IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX idempotency_records_resource_id');
    await runner.query('ALTER TABLE idempotency_records DROP COLUMN resource_id');
  }
}
