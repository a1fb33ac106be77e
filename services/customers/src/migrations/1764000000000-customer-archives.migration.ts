import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer archives (CUS-1..9), the per-year code counter (CUS-4) and the append-only borrowing
 * register (CUS-7).
 */
export class CustomerArchives1764000000000 implements MigrationInterface {
  name = 'CustomerArchives1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE customers (
        id                    uuid PRIMARY KEY,
        seq                   bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        code                  varchar(20),
        type                  varchar(20) NOT NULL CHECK (type IN ('enterprise', 'dealer', 'retailer', 'individual')),
        name                  varchar(200),
        status                varchar(20) NOT NULL
                              CHECK (status IN ('prospect', 'pending_approval', 'active', 'rejected', 'dormant', 'destroyed')),
        confidentiality       varchar(20) NOT NULL CHECK (confidentiality IN ('confidential', 'secret', 'top_secret')),
        grade                 varchar(1) CHECK (grade IN ('A', 'B', 'C', 'D')),
        credit_rating         varchar(1) CHECK (credit_rating IN ('A', 'B', 'C', 'D')),
        content               jsonb,
        first_contact_at      timestamptz,
        archive_due_by        timestamptz,
        created_late          boolean NOT NULL DEFAULT false,
        survey                jsonb,
        rejection_reason      text,
        approved_by           jsonb,
        approved_at           timestamptz,
        last_reviewed_at      timestamptz,
        next_review_due_at    timestamptz,
        grade_history         jsonb NOT NULL DEFAULT '[]'::jsonb,
        reviews               jsonb NOT NULL DEFAULT '[]'::jsonb,
        dormant_at            timestamptz,
        dormant_reason        text,
        destruction_approvals jsonb NOT NULL DEFAULT '[]'::jsonb,
        destroyed_at          timestamptz,
        created_by            jsonb,
        created_at            timestamptz NOT NULL,
        updated_at            timestamptz NOT NULL,
        version               integer NOT NULL CHECK (version >= 1),
        -- CUS-9: only a destroyed archive may lack its name; CUS-4: every approved archive has a code.
        CONSTRAINT customers_name_present CHECK (name IS NOT NULL OR status = 'destroyed'),
        CONSTRAINT customers_code_format CHECK (code IS NULL OR code ~ '^C[0-9]{10}$')
      )`);
    // CUS-4: a code is unique, and since codes are never cleared (tombstones keep them) never reused.
    await runner.query(`CREATE UNIQUE INDEX customers_code_unique ON customers (code) WHERE code IS NOT NULL`);
    await runner.query(`CREATE INDEX customers_status_seq ON customers (status, seq DESC)`);
    await runner.query(`CREATE INDEX customers_review_due ON customers (next_review_due_at) WHERE status = 'active'`);
    await runner.query(`CREATE INDEX customers_created_late ON customers (seq DESC) WHERE created_late`);

    // CUS-4: one row per Asia/Shanghai year; approvals increment it with UPDATE … RETURNING inside
    // their own transaction, so concurrent approvals queue on the row and never share a number.
    await runner.query(`
      CREATE TABLE customer_code_counters (
        year       integer PRIMARY KEY,
        last_value integer NOT NULL CHECK (last_value >= 0)
      )`);

    await runner.query(`
      CREATE TABLE customer_access_entries (
        id            uuid PRIMARY KEY,
        seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        customer_id   uuid NOT NULL REFERENCES customers (id),
        at            timestamptz NOT NULL,
        caller_key_id varchar(200) NOT NULL,
        caller_name   varchar(200) NOT NULL,
        purpose       varchar(200) NOT NULL,
        outcome       varchar(10) NOT NULL CHECK (outcome IN ('granted', 'denied')),
        reason        varchar(200)
      )`);
    await runner.query(`CREATE INDEX customer_access_entries_customer_seq ON customer_access_entries (customer_id, seq DESC)`);
    // CUS-7: the register is append-only, whatever code or person connects to the database.
    await runner.query(`
      CREATE FUNCTION customer_access_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'CUS-7: the borrowing register is append-only (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER customer_access_entries_no_change
        BEFORE UPDATE OR DELETE ON customer_access_entries
        FOR EACH ROW EXECUTE FUNCTION customer_access_entries_append_only()`);
    await runner.query(`
      CREATE TRIGGER customer_access_entries_no_truncate
        BEFORE TRUNCATE ON customer_access_entries
        FOR EACH STATEMENT EXECUTE FUNCTION customer_access_entries_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE customer_access_entries');
    await runner.query('DROP FUNCTION customer_access_entries_append_only()');
    await runner.query('DROP TABLE customer_code_counters');
    await runner.query('DROP TABLE customers');
  }
}
