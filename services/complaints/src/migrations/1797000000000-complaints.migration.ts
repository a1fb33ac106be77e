import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Complaints (CMP-1..CMP-12) and their retention guard (CMP-14). */
export class Complaints1797000000000 implements MigrationInterface {
  name = 'Complaints1797000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE complaints (
        id                     uuid PRIMARY KEY,
        seq                    bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        number                 varchar(20) NOT NULL CHECK (number ~ '^CP-[0-9]{6}-[0-9]{4}$'),
        kind                   varchar(20) NOT NULL CHECK (kind IN ('inquiry', 'suggestion', 'complaint')),
        channel                varchar(20) NOT NULL CHECK (channel IN ('phone', 'written', 'in_person', 'online', 'forwarded')),
        category               varchar(20) NOT NULL CHECK (category IN ('quality', 'non_quality', 'service', 'business', 'other')),
        severity               varchar(20) CHECK (severity IN ('general', 'major')),
        status                 varchar(20) NOT NULL CHECK (status IN ('registered', 'accepted', 'rejected', 'investigating',
                                 'proposed', 'approved', 'resolved', 'closed', 'superseded')),
        customer_id            uuid,
        supersedes             uuid UNIQUE REFERENCES complaints (id),
        superseded_by          uuid UNIQUE REFERENCES complaints (id),
        invalid_reason         varchar(40) CHECK (invalid_reason IN ('facts_contradicted', 'beyond_commitment', 'provocation',
                                 'anonymous_unsubstantiated', 'unverifiable', 'late_service_complaint')),
        malicious              boolean,
        escalated_to           varchar(20) CHECK (escalated_to IN ('executive')),
        occurred_at            timestamptz,
        details                jsonb NOT NULL,
        acknowledge_due_at     timestamptz NOT NULL,
        first_proposal_due_at  timestamptz NOT NULL,
        investigation_due_at   timestamptz NOT NULL,
        resolution_due_at      timestamptz NOT NULL,
        follow_up_due_at       timestamptz NOT NULL,
        acknowledged_at        timestamptz,
        assignment             jsonb,
        findings               jsonb,
        first_proposal_at      timestamptz,
        proposal               jsonb,
        approval               jsonb,
        resolution             jsonb,
        resolved_at            timestamptz,
        follow_ups             jsonb NOT NULL DEFAULT '[]'::jsonb,
        extension              jsonb,
        closed_at              timestamptz,
        retain_until           timestamptz,
        created_by             jsonb NOT NULL,
        created_at             timestamptz NOT NULL,
        updated_at             timestamptz NOT NULL,
        version                integer NOT NULL CHECK (version >= 1),
        -- CMP-3: a rejected record names its reason, and only a rejected one does.
        CONSTRAINT complaints_invalid_reason CHECK ((status = 'rejected') = (invalid_reason IS NOT NULL)),
        -- CMP-5: superseded exactly when reopened as a new complaint.
        CONSTRAINT complaints_superseded CHECK ((status = 'superseded') = (superseded_by IS NOT NULL))
      )`);
    // CMP-1: a number is given once, never twice.
    await runner.query(`CREATE UNIQUE INDEX complaints_number_unique ON complaints (number)`);
    await runner.query(`CREATE INDEX complaints_status_seq ON complaints (status, seq DESC)`);
    await runner.query(`CREATE INDEX complaints_customer_seq ON complaints (customer_id, seq DESC) WHERE customer_id IS NOT NULL`);
    await runner.query(`CREATE INDEX complaints_created_at ON complaints (created_at)`);

    // CMP-14: records are kept at least 1 year after closing, major ones indefinitely — whatever
    // code runs. No route deletes; this refuses a DELETE that would break retention.
    await runner.query(`
      CREATE FUNCTION complaints_retention_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.severity = 'major' OR OLD.closed_at IS NULL OR OLD.closed_at > now() - interval '1 year' THEN
          RAISE EXCEPTION 'CMP-14: complaint % must be retained', OLD.number USING ERRCODE = 'check_violation';
        END IF;
        RETURN OLD;
      END $$`);
    await runner.query(`
      CREATE TRIGGER complaints_retention BEFORE DELETE ON complaints
      FOR EACH ROW EXECUTE FUNCTION complaints_retention_guard()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER IF EXISTS complaints_retention ON complaints');
    await runner.query('DROP FUNCTION IF EXISTS complaints_retention_guard()');
    await runner.query('DROP TABLE IF EXISTS complaints');
  }
}
