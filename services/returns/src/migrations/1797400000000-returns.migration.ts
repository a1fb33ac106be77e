import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Return orders (RET-1..RET-5), credit notes (RET-6), vouchers (RET-5: balanced on insert, immutable
 * afterwards), franchise terms (RET-2) and the known approved complaints (RET-2 via CMP-10).
 */
export class Returns1797400000000 implements MigrationInterface {
  name = 'Returns1797400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE return_orders (
        id               uuid PRIMARY KEY,
        seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        number           varchar(20) NOT NULL UNIQUE CHECK (number ~ '^RT-[0-9]{6}-[0-9]{4}$'),
        status           varchar(20) NOT NULL CHECK (status IN ('requested', 'approved', 'received', 'discrepancy', 'reconciled')),
        customer_id      uuid NOT NULL,
        complaint_id     uuid,
        source_event_id  uuid UNIQUE,
        reason           text NOT NULL,
        handling         varchar(20) NOT NULL CHECK (handling IN ('return', 'reprocess', 'exchange')),
        defect           varchar(20) NOT NULL CHECK (defect IN ('quality', 'none')),
        storage          varchar(20) NOT NULL CHECK (storage IN ('proper', 'improper')),
        pickup           varchar(20) NOT NULL CHECK (pickup IN ('delivered', 'self_pickup')),
        purchase_ref     jsonb,
        lines            jsonb NOT NULL,
        value_fen        bigint NOT NULL CHECK (value_fen >= 0),
        created_by       jsonb NOT NULL,
        approved_by      jsonb,
        receipts         jsonb NOT NULL DEFAULT '[]',
        resolution_note  text,
        voucher_id       uuid UNIQUE,
        voucher_number   varchar(20),
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL,
        version          integer NOT NULL,
        CHECK ((status = 'reconciled') = (voucher_id IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX return_orders_customer ON return_orders (customer_id, created_at)`);
    await runner.query(`CREATE INDEX return_orders_status ON return_orders (status, seq)`);
    await runner.query(`
      CREATE TABLE credit_notes (
        id               uuid PRIMARY KEY,
        number           varchar(20) NOT NULL UNIQUE CHECK (number ~ '^CN-[0-9]{6}-[0-9]{4}$'),
        status           varchar(20) NOT NULL CHECK (status IN ('requested', 'approved', 'signed', 'posted')),
        customer_id      uuid NOT NULL,
        complaint_id     uuid,
        source_event_id  uuid UNIQUE,
        kind             varchar(20) NOT NULL CHECK (kind IN ('discount', 'compensation')),
        amount_fen       bigint NOT NULL CHECK (amount_fen > 0),
        reason           text NOT NULL,
        created_by       jsonb NOT NULL,
        approved_by      jsonb,
        signed_by        text,
        voucher_id       uuid UNIQUE,
        voucher_number   varchar(20),
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL,
        version          integer NOT NULL,
        CHECK ((status = 'posted') = (voucher_id IS NOT NULL))
      )`);
    await runner.query(`
      CREATE TABLE vouchers (
        id             uuid PRIMARY KEY,
        number         varchar(20) NOT NULL UNIQUE CHECK (number ~ '^PZ-[0-9]{6}-[0-9]{4}$'),
        date           date NOT NULL,
        lines          jsonb NOT NULL,
        source_type    varchar(20) NOT NULL CHECK (source_type IN ('return', 'credit_note')),
        source_id      uuid NOT NULL,
        source_number  varchar(20) NOT NULL,
        customer_id    uuid NOT NULL,
        complaint_id   uuid,
        purchase_ref   jsonb,
        total_fen      bigint NOT NULL CHECK (total_fen >= 0),
        posted_at      timestamptz NOT NULL,
        UNIQUE (source_type, source_id)
      )`);
    // RET-5: balanced to the fen, whatever code writes the row.
    await runner.query(`
      CREATE FUNCTION vouchers_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE debits numeric; credits numeric;
      BEGIN
        SELECT coalesce(sum((line->>'debitFen')::numeric), 0), coalesce(sum((line->>'creditFen')::numeric), 0)
          INTO debits, credits FROM jsonb_array_elements(NEW.lines) AS line;
        IF debits <> credits OR debits <> NEW.total_fen THEN
          RAISE EXCEPTION 'RET-5: voucher % is not balanced (debits %, credits %, total %)', NEW.number, debits, credits, NEW.total_fen;
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`CREATE TRIGGER vouchers_balanced BEFORE INSERT ON vouchers FOR EACH ROW EXECUTE FUNCTION vouchers_balanced()`);
    // RET-5: a posted voucher is immutable.
    await runner.query(`
      CREATE FUNCTION vouchers_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'RET-5: voucher % is posted and immutable', OLD.number;
      END $$`);
    await runner.query(
      `CREATE TRIGGER vouchers_immutable BEFORE UPDATE OR DELETE ON vouchers FOR EACH ROW EXECUTE FUNCTION vouchers_immutable()`,
    );
    await runner.query(
      `CREATE TRIGGER vouchers_no_truncate BEFORE TRUNCATE ON vouchers FOR EACH STATEMENT EXECUTE FUNCTION vouchers_immutable()`,
    );
    await runner.query(`
      CREATE TABLE franchise_terms (
        customer_id           uuid PRIMARY KEY,
        return_ratio_bp       integer NOT NULL CHECK (return_ratio_bp BETWEEN 0 AND 10000),
        period_from           date NOT NULL,
        period_to             date NOT NULL,
        period_purchases_fen  bigint NOT NULL CHECK (period_purchases_fen >= 0),
        updated_at            timestamptz NOT NULL,
        CHECK (period_from <= period_to)
      )`);
    await runner.query(`
      CREATE TABLE known_complaints (
        complaint_id  uuid PRIMARY KEY,
        customer_id   uuid,
        resolution    varchar(20) NOT NULL,
        category      varchar(20) NOT NULL,
        approved_at   timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE known_complaints`);
    await runner.query(`DROP TABLE franchise_terms`);
    await runner.query(`DROP TABLE vouchers`);
    await runner.query(`DROP FUNCTION vouchers_immutable()`);
    await runner.query(`DROP FUNCTION vouchers_balanced()`);
    await runner.query(`DROP TABLE credit_notes`);
    await runner.query(`DROP TABLE return_orders`);
  }
}
