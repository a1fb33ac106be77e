import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CommandReplies1763900000002 } from './command-replies.migration';

/**
 * The outbox and the inbox, created in every domain service's own database. Services list
 * `MESSAGING_MIGRATIONS` first in their migrations array.
 */
export class MessagingTables1763900000000 implements MigrationInterface {
  name = 'MessagingTables1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox_messages (
        id           uuid PRIMARY KEY,
        seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        type         varchar(200) NOT NULL,
        aggregate_id varchar(200) NOT NULL,
        envelope     jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        position     bigint UNIQUE,
        attempts     integer NOT NULL DEFAULT 0,
        last_error   text
      )`);
    await runner.query(`CREATE INDEX outbox_messages_pending ON outbox_messages (seq) WHERE published_at IS NULL`);
    await runner.query(`CREATE INDEX outbox_messages_type_position ON outbox_messages (type, position) WHERE position IS NOT NULL`);
    await runner.query(`CREATE SEQUENCE outbox_position_seq AS bigint`);
    await runner.query(`
      CREATE TABLE inbox_messages (
        consumer     varchar(200) NOT NULL,
        message_id   varchar(200) NOT NULL,
        type         varchar(200) NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox_messages');
    await runner.query('DROP SEQUENCE outbox_position_seq');
    await runner.query('DROP TABLE outbox_messages');
  }
}

/** Every messaging table migration, in order; services list these first. */
export const MESSAGING_MIGRATIONS = [MessagingTables1763900000000, CommandReplies1763900000002];
