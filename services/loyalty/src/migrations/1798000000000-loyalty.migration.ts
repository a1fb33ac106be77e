import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The loyalty database (LOY-1..LOY-10): members and cards, purchases (idempotent on their natural
 * key, LOY-4), the append-only points ledger (LOY-9) whose inserts are the only way a card's
 * balance and lifetime points change, rewards and redemptions (LOY-5), and the refunds of returns
 * seen per purchase (LOY-6).
 */
export class Loyalty1798000000000 implements MigrationInterface {
  name = 'Loyalty1798000000000';

  async up(runner: QueryRunner): Promise<void> {
    // LOY-2: one person, identified by the phone (digits only, see phone.policy.ts).
    await runner.query(`
      CREATE TABLE loyalty_members (
        id          uuid PRIMARY KEY,
        phone_key   varchar(20) NOT NULL UNIQUE,
        name        varchar(200) NOT NULL,
        birthday    date NOT NULL,
        store_id    varchar(200) NOT NULL,
        created_at  timestamptz NOT NULL
      )`);
    // LOY-10: registrations per store and month.
    await runner.query(`CREATE INDEX loyalty_members_created_at ON loyalty_members (created_at)`);

    await runner.query(`
      CREATE TABLE loyalty_cards (
        number           char(16) PRIMARY KEY CHECK (number ~ '^[0-9]{16}$'),
        member_id        uuid NOT NULL REFERENCES loyalty_members (id),
        status           varchar(10) NOT NULL CHECK (status IN ('active', 'lost', 'replaced', 'renewed')),
        store_id         varchar(200) NOT NULL,
        issued_at        timestamptz NOT NULL,
        expires_at       timestamptz NOT NULL,
        replaces         char(16) UNIQUE REFERENCES loyalty_cards (number),
        succeeded_by     char(16) UNIQUE REFERENCES loyalty_cards (number),
        balance          bigint NOT NULL DEFAULT 0,
        lifetime_points  bigint NOT NULL DEFAULT 0,
        updated_at       timestamptz NOT NULL,
        version          integer NOT NULL CHECK (version >= 1),
        CONSTRAINT loyalty_cards_succession CHECK ((status IN ('replaced', 'renewed')) = (succeeded_by IS NOT NULL))
      )`);
    // LOY-2: a card belongs to one person, and a person holds one working card at a time.
    await runner.query(`CREATE UNIQUE INDEX loyalty_cards_one_active ON loyalty_cards (member_id) WHERE status = 'active'`);

    // LOY-4: a purchase is identified by (storeId, transactionId) — a UNIQUE constraint, not a check.
    await runner.query(`
      CREATE TABLE loyalty_purchases (
        id              uuid PRIMARY KEY,
        store_id        varchar(200) NOT NULL,
        transaction_id  varchar(200) NOT NULL,
        body_hash       char(64) NOT NULL,
        phone_key       varchar(20),
        card_number     char(16) REFERENCES loyalty_cards (number),
        occurred_at     timestamptz NOT NULL,
        paid            bigint NOT NULL CHECK (paid >= 0),
        points_earned   integer NOT NULL CHECK (points_earned >= 0),
        clawed_back     integer NOT NULL DEFAULT 0,
        result          jsonb,
        created_at      timestamptz NOT NULL,
        CONSTRAINT loyalty_purchases_natural_key UNIQUE (store_id, transaction_id),
        -- LOY-6: never more taken back than was earned.
        CONSTRAINT loyalty_purchases_clawback CHECK (clawed_back >= 0 AND clawed_back <= points_earned)
      )`);
    // LOY-1: one indexed read of a shopper's purchases in the last 183 days.
    await runner.query(
      `CREATE INDEX loyalty_purchases_phone ON loyalty_purchases (phone_key, occurred_at) INCLUDE (paid) WHERE phone_key IS NOT NULL`,
    );

    // LOY-9: every point movement, with its cause; the ledger is the truth of balances.
    await runner.query(`
      CREATE TABLE loyalty_ledger (
        id              uuid PRIMARY KEY,
        seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        card_number     char(16) NOT NULL REFERENCES loyalty_cards (number),
        type            varchar(10) NOT NULL CHECK (type IN ('earn', 'redeem', 'clawback', 'transfer', 'forfeit')),
        points          bigint NOT NULL,
        lifetime_delta  bigint NOT NULL,
        cause           varchar(1000) NOT NULL,
        purchase_id     uuid REFERENCES loyalty_purchases (id),
        occurred_at     timestamptz NOT NULL,
        CONSTRAINT loyalty_ledger_signs CHECK (
          (type = 'earn' AND points > 0 AND lifetime_delta = points) OR
          (type = 'clawback' AND points < 0 AND lifetime_delta = points) OR
          (type = 'redeem' AND points < 0 AND lifetime_delta = 0) OR
          (type = 'forfeit' AND lifetime_delta = 0) OR
          (type = 'transfer'))
      )`);
    await runner.query(`CREATE INDEX loyalty_ledger_card_seq ON loyalty_ledger (card_number, seq DESC)`);
    // LOY-4: a purchase earns once; LOY-6: one clawback per return and refunded level.
    await runner.query(`CREATE UNIQUE INDEX loyalty_ledger_earn_once ON loyalty_ledger (purchase_id) WHERE type = 'earn'`);
    await runner.query(`CREATE UNIQUE INDEX loyalty_ledger_clawback_once ON loyalty_ledger (cause) WHERE type = 'clawback'`);

    // LOY-9: append-only, whatever code or person connects to the database (as CUS-7's register).
    await runner.query(`
      CREATE FUNCTION loyalty_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'LOY-9: the points ledger is append-only (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER loyalty_ledger_no_change
        BEFORE UPDATE OR DELETE ON loyalty_ledger
        FOR EACH ROW EXECUTE FUNCTION loyalty_ledger_append_only()`);
    await runner.query(`
      CREATE TRIGGER loyalty_ledger_no_truncate
        BEFORE TRUNCATE ON loyalty_ledger
        FOR EACH STATEMENT EXECUTE FUNCTION loyalty_ledger_append_only()`);
    // LOY-9: the balance is the sum of the ledger — an entry moves it in the same statement, and
    // nothing else may (the guard below refuses a direct change of the two columns).
    await runner.query(`
      CREATE FUNCTION loyalty_ledger_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('loyalty.ledger_apply', 'on', true);
        UPDATE loyalty_cards SET balance = balance + NEW.points, lifetime_points = lifetime_points + NEW.lifetime_delta
          WHERE number = NEW.card_number;
        PERFORM set_config('loyalty.ledger_apply', 'off', true);
        RETURN NEW;
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER loyalty_ledger_applies AFTER INSERT ON loyalty_ledger
        FOR EACH ROW EXECUTE FUNCTION loyalty_ledger_apply()`);
    await runner.query(`
      CREATE FUNCTION loyalty_cards_balance_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.balance <> OLD.balance OR NEW.lifetime_points <> OLD.lifetime_points)
           AND coalesce(current_setting('loyalty.ledger_apply', true), 'off') <> 'on' THEN
          RAISE EXCEPTION 'LOY-9: a balance changes only through a ledger entry' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER loyalty_cards_balance_from_ledger BEFORE UPDATE ON loyalty_cards
        FOR EACH ROW EXECUTE FUNCTION loyalty_cards_balance_guard()`);

    // LOY-6: the latest cumulative refund of each return of a purchase (a return's receipts add up).
    await runner.query(`
      CREATE TABLE loyalty_purchase_returns (
        purchase_id  uuid NOT NULL REFERENCES loyalty_purchases (id),
        return_id    uuid NOT NULL,
        refunded     bigint NOT NULL CHECK (refunded >= 0),
        updated_at   timestamptz NOT NULL,
        PRIMARY KEY (purchase_id, return_id)
      )`);

    // LOY-5
    await runner.query(`
      CREATE TABLE loyalty_rewards (
        id           uuid PRIMARY KEY,
        seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        name         varchar(200) NOT NULL,
        points_cost  bigint NOT NULL CHECK (points_cost > 0),
        stock        bigint NOT NULL CHECK (stock >= 0),
        created_at   timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE loyalty_redemptions (
        id           uuid PRIMARY KEY,
        card_number  char(16) NOT NULL REFERENCES loyalty_cards (number),
        reward_id    uuid NOT NULL REFERENCES loyalty_rewards (id),
        quantity     integer NOT NULL CHECK (quantity > 0),
        points       bigint NOT NULL CHECK (points > 0),
        store_id     varchar(200) NOT NULL,
        created_at   timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE loyalty_redemptions');
    await runner.query('DROP TABLE loyalty_rewards');
    await runner.query('DROP TABLE loyalty_purchase_returns');
    await runner.query('DROP TABLE loyalty_ledger');
    await runner.query('DROP FUNCTION loyalty_ledger_apply()');
    await runner.query('DROP FUNCTION loyalty_ledger_append_only()');
    await runner.query('DROP TABLE loyalty_purchases');
    await runner.query('DROP TABLE loyalty_cards');
    await runner.query('DROP FUNCTION loyalty_cards_balance_guard()');
    await runner.query('DROP TABLE loyalty_members');
  }
}
