import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RET-7 event feed: every envelope published on `crm.events`, once (unique event id), in the order
 * the gateway's single active consumer received it (`position`, identity). `service` and `aggregate`
 * are the type's first one and two segments, indexed with `position` so `types=returns.*` and
 * `types=returns.return.*` read an index range in feed order.
 */
export class EventFeed1797500000000 implements MigrationInterface {
  name = 'EventFeed1797500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE event_feed (
        position     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id           uuid NOT NULL UNIQUE,
        type         text NOT NULL,
        service      text NOT NULL,
        aggregate    text NOT NULL,
        envelope     jsonb NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX event_feed_service ON event_feed (service, position)');
    await runner.query('CREATE INDEX event_feed_aggregate ON event_feed (aggregate, position)');
    await runner.query('CREATE INDEX event_feed_type ON event_feed (type, position)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE event_feed');
  }
}
