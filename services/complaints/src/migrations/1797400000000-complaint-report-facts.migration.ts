import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CMP-12 levels as CMP-13 averages them: `SCORES` in monthly-report.policy.ts (4 = very satisfied … 1 = poor). */
const score = (key: string) =>
  `sum(CASE e->'ratings'->>'${key}' WHEN 'very_satisfied' THEN 4 WHEN 'satisfied' THEN 3 WHEN 'average' THEN 2 WHEN 'poor' THEN 1 END)`;

/** Copied as they are from `complaints`. */
const PLAIN = [
  'seq',
  'number',
  'kind',
  'channel',
  'category',
  'severity',
  'status',
  'invalid_reason',
  'malicious',
  'created_at',
  'acknowledge_due_at',
  'first_proposal_due_at',
  'investigation_due_at',
  'resolution_due_at',
  'follow_up_due_at',
  'acknowledged_at',
  'first_proposal_at',
  'resolved_at',
];
/** Taken out of the jsonb records of the row being written. */
const EXTRACTED: Record<string, string> = {
  department: "NEW.assignment->>'department'",
  penalty_department: "penalty->>'department'",
  penalty_amount: "(penalty->'amount'->>'amount')::bigint",
  penalty_kpi_points: "(penalty->>'kpiPoints')::integer",
  first_follow_up_at: "(NEW.follow_ups->0->>'at')::timestamptz",
  rated_follow_ups: 'ratings.rated',
  attitude_score: 'ratings.attitude',
  skill_score: 'ratings.skill',
  timeliness_score: 'ratings.timeliness',
  promise_kept_score: 'ratings.promise_kept',
};
const COLUMNS = [...PLAIN, ...Object.keys(EXTRACTED)];

/**
 * CMP-13 on 100,000 complaints: a narrow copy of what the monthly report reads, one row per
 * complaint, kept by a trigger in the same transaction as every write of `complaints` — so the
 * report scans ~150 bytes a record instead of the wide rows, and never detoasts `findings` or
 * `follow_ups` (that was most of its time). The trigger only copies facts (the assigned
 * department, the CMP-11 penalty, the first follow-up's time, the CMP-12 rating sums); every figure
 * is still defined by the report policy, and an integration test holds the two equal.
 */
export class ComplaintReportFacts1797400000000 implements MigrationInterface {
  name = 'ComplaintReportFacts1797400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE complaint_report_rows (
        complaint_id          uuid PRIMARY KEY REFERENCES complaints (id),
        seq                   bigint NOT NULL,
        number                varchar(20) NOT NULL,
        kind                  varchar(20) NOT NULL,
        channel               varchar(20) NOT NULL,
        category              varchar(20) NOT NULL,
        severity              varchar(20),
        status                varchar(20) NOT NULL,
        invalid_reason        varchar(40),
        malicious             boolean,
        created_at            timestamptz NOT NULL,
        acknowledge_due_at    timestamptz NOT NULL,
        first_proposal_due_at timestamptz NOT NULL,
        investigation_due_at  timestamptz NOT NULL,
        resolution_due_at     timestamptz NOT NULL,
        follow_up_due_at      timestamptz NOT NULL,
        acknowledged_at       timestamptz,
        first_proposal_at     timestamptz,
        resolved_at           timestamptz,
        department            varchar(200),
        penalty_department    varchar(200),
        penalty_amount        bigint,
        penalty_kpi_points    integer,
        first_follow_up_at    timestamptz,
        rated_follow_ups      integer NOT NULL,
        attitude_score        integer NOT NULL,
        skill_score           integer NOT NULL,
        timeliness_score      integer NOT NULL,
        promise_kept_score    integer NOT NULL
      )`);
    await runner.query('CREATE INDEX complaint_report_rows_created_at ON complaint_report_rows (created_at)');
    await runner.query(`
      CREATE FUNCTION complaints_report_row() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        penalty jsonb := CASE WHEN jsonb_typeof(NEW.findings->'penalty') = 'object' THEN NEW.findings->'penalty' END;
        ratings record;
      BEGIN
        SELECT count(*) AS rated, coalesce(${score('attitude')}, 0) AS attitude, coalesce(${score('skill')}, 0) AS skill,
               coalesce(${score('timeliness')}, 0) AS timeliness, coalesce(${score('promiseKept')}, 0) AS promise_kept
          INTO ratings
          FROM jsonb_array_elements(NEW.follow_ups) e
         WHERE jsonb_typeof(e->'ratings') = 'object';
        INSERT INTO complaint_report_rows (complaint_id, ${COLUMNS.join(', ')})
        VALUES (NEW.id, ${[...PLAIN.map((column) => `NEW.${column}`), ...Object.values(EXTRACTED)].join(', ')})
        ON CONFLICT (complaint_id) DO UPDATE SET ${COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', ')};
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER complaints_report_row AFTER INSERT OR UPDATE ON complaints
      FOR EACH ROW EXECUTE FUNCTION complaints_report_row()`);
    // Existing rows get theirs through the trigger.
    await runner.query('UPDATE complaints SET version = version');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER IF EXISTS complaints_report_row ON complaints');
    await runner.query('DROP FUNCTION IF EXISTS complaints_report_row()');
    await runner.query('DROP TABLE IF EXISTS complaint_report_rows');
  }
}
