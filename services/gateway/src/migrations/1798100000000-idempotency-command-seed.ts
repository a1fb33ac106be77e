import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GW-6 (issue 11): each record's seed of the command ids its request sends. Kept when a retry takes
 * over a record whose holder died or timed out (the same commands again, answered from the
 * service's command inbox); new when the record is new — after it expired, or was forgotten because
 * its resource was destroyed (CUS-9), the request runs again as new commands.
 */
export class IdempotencyCommandSeed1798100000000 implements MigrationInterface {
  name = 'IdempotencyCommandSeed1798100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE idempotency_records ADD COLUMN command_seed uuid');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE idempotency_records DROP COLUMN command_seed');
  }
}
