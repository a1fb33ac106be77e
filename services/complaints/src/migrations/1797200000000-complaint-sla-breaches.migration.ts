import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CMP-9: each breach of a due time is recorded once — the primary key (complaint, deadline, due time)
 * makes a second scanner replica's insert a no-op, so the escalation and the `sla-breached` event
 * written in the same transaction happen exactly once per breach, however many replicas scan.
 * An extension moves the resolution due time: missing the new one is a new breach.
 */
export class ComplaintSlaBreaches1797200000000 implements MigrationInterface {
  name = 'ComplaintSlaBreaches1797200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE complaint_sla_breaches (
        complaint_id uuid NOT NULL REFERENCES complaints (id),
        deadline     varchar(30) NOT NULL
                     CHECK (deadline IN ('acknowledge', 'firstProposal', 'investigationReport', 'resolution', 'followUp')),
        due_at       timestamptz NOT NULL,
        detected_at  timestamptz NOT NULL,
        PRIMARY KEY (complaint_id, deadline, due_at)
      )`);
    // CMP-9 "escalates one level": 0 handler, 1 manager, 2 executive.
    await runner.query(
      `ALTER TABLE complaints ADD COLUMN escalation_level smallint NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 2)`,
    );
    // The scanner reads only open records: a few among the archive.
    await runner.query(`CREATE INDEX complaints_open ON complaints (seq) WHERE status NOT IN ('closed', 'rejected', 'superseded')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS complaints_open');
    await runner.query('ALTER TABLE complaints DROP COLUMN IF EXISTS escalation_level');
    await runner.query('DROP TABLE IF EXISTS complaint_sla_breaches');
  }
}
