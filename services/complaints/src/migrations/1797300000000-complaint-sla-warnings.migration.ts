import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CMP-9 warnings: when 75 % of each due time's time is used up (computed on the working-day
 * calendar by the service whenever a due time is set, so the scanner only compares instants), and
 * each warning given, once per due time — the primary key makes a second replica's insert a no-op.
 */
export class ComplaintSlaWarnings1797300000000 implements MigrationInterface {
  name = 'ComplaintSlaWarnings1797300000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const column of ['acknowledge', 'first_proposal', 'investigation', 'resolution', 'follow_up']) {
      await runner.query(`ALTER TABLE complaints ADD COLUMN ${column}_warn_at timestamptz`);
    }
    await runner.query(`
      CREATE TABLE complaint_sla_warnings (
        complaint_id uuid NOT NULL REFERENCES complaints (id),
        deadline     varchar(30) NOT NULL
                     CHECK (deadline IN ('acknowledge', 'firstProposal', 'investigationReport', 'resolution', 'followUp')),
        due_at       timestamptz NOT NULL,
        warned_at    timestamptz NOT NULL,
        PRIMARY KEY (complaint_id, deadline, due_at)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS complaint_sla_warnings');
    for (const column of ['acknowledge', 'first_proposal', 'investigation', 'resolution', 'follow_up']) {
      await runner.query(`ALTER TABLE complaints DROP COLUMN IF EXISTS ${column}_warn_at`);
    }
  }
}
