import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10: a command's reply is kept with its inbox claim, in the same transaction as its effect,
 * so that a redelivery (the replica died between commit and reply) answers the first result
 * instead of a conflict.
 */
export class CommandReplies1763900000002 implements MigrationInterface {
  name = 'CommandReplies1763900000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE inbox_messages ADD COLUMN reply jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE inbox_messages DROP COLUMN reply');
  }
}
