import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DEV-1..DEV-5: the development-and-visits context — development applications and halts, credit
 * investigations, visit programmes, visit reports, and ERP sales figures with the per-period
 * totals the key-customer report reads (month, quarter and year rows kept in step by the PUT).
 */
export class CustomerDevelopment1798000000000 implements MigrationInterface {
  name = 'CustomerDevelopment1798000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE customer_developments (
        customer_id            uuid PRIMARY KEY REFERENCES customers (id),
        id                     uuid NOT NULL UNIQUE,
        status                 varchar(10) CHECK (status IN ('pending', 'approved')),
        target                 text,
        approach               text,
        expected_annual_volume jsonb,
        applied_by             jsonb,
        approved_by            jsonb,
        approved_at            timestamptz,
        halted                 boolean NOT NULL DEFAULT false,
        halt_reason            text,
        halt_history           jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at             timestamptz NOT NULL,
        updated_at             timestamptz NOT NULL,
        version                integer NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE customer_credit_investigations (
        id                   uuid PRIMARY KEY,
        seq                  bigint GENERATED ALWAYS AS IDENTITY,
        customer_id          uuid NOT NULL REFERENCES customers (id),
        payment_habits       text NOT NULL,
        bank                 varchar(200),
        guarantees           text,
        conclusion           text NOT NULL,
        highest_credit_level varchar(1) NOT NULL CHECK (highest_credit_level IN ('A', 'B', 'C', 'D')),
        investigated_by      jsonb NOT NULL,
        created_at           timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX customer_credit_investigations_customer ON customer_credit_investigations (customer_id, seq)');
    await runner.query(`
      CREATE TABLE customer_visit_programmes (
        customer_id       uuid PRIMARY KEY REFERENCES customers (id),
        visitor           varchar(200),
        interval_days     integer NOT NULL CHECK (interval_days > 0),
        last_visited_at   timestamptz,
        next_visit_due_at timestamptz NOT NULL,
        designated_by     jsonb,
        designated_at     timestamptz,
        updated_at        timestamptz NOT NULL
      )`);
    // DEV-2: the overdue list per visitor, longest overdue first.
    await runner.query(
      'CREATE INDEX customer_visit_programmes_overdue ON customer_visit_programmes (visitor, next_visit_due_at, customer_id)',
    );
    await runner.query('CREATE INDEX customer_visit_programmes_due ON customer_visit_programmes (next_visit_due_at, customer_id)');
    await runner.query(`
      CREATE TABLE customer_visits (
        id              uuid PRIMARY KEY,
        seq             bigint GENERATED ALWAYS AS IDENTITY,
        customer_id     uuid NOT NULL REFERENCES customers (id),
        kind            varchar(12) NOT NULL CHECK (kind IN ('survey', 'development', 'programme')),
        visitor         varchar(200) NOT NULL,
        visited_at      timestamptz NOT NULL,
        business_date   date NOT NULL,
        grade           varchar(1) CHECK (grade IN ('A', 'B', 'C', 'D')),
        report          jsonb NOT NULL,
        urgent_kind     varchar(20) CHECK (urgent_kind IN ('competitor_policy', 'competitor_product', 'competitor_service', 'product_defect', 'other')),
        urgent_summary  text,
        urgent_sku      varchar(200),
        urgent_batch_no varchar(200),
        recorded_by     jsonb NOT NULL,
        created_at      timestamptz NOT NULL,
        CHECK ((urgent_kind IS NULL) = (urgent_summary IS NULL))
      )`);
    await runner.query('CREATE INDEX customer_visits_customer ON customer_visits (customer_id, seq)');
    // DEV-3: a visitor's daily report; the monthly report scans a month of business dates.
    await runner.query('CREATE INDEX customer_visits_daily ON customer_visits (visitor, business_date, visited_at)');
    await runner.query('CREATE INDEX customer_visits_business_date ON customer_visits (business_date)');
    // DEV-4: the managers' urgent list.
    await runner.query('CREATE INDEX customer_visits_urgent ON customer_visits (seq) WHERE urgent_kind IS NOT NULL');
    await runner.query(`
      CREATE TABLE customer_sales_figures (
        customer_id   uuid NOT NULL REFERENCES customers (id),
        period        varchar(7) NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        sales         bigint NOT NULL CHECK (sales >= 0),
        cost_of_sales bigint NOT NULL CHECK (cost_of_sales >= 0),
        currency      varchar(3) NOT NULL,
        revision      integer NOT NULL,
        recorded_by   jsonb NOT NULL,
        recorded_at   timestamptz NOT NULL,
        history       jsonb NOT NULL DEFAULT '[]'::jsonb,
        PRIMARY KEY (customer_id, period)
      )`);
    // DEV-5: per customer and period (`2026-10`, `2026-Q4`, `2026`) the sums of its monthly figures
    // and of the figures of the previous period of the same length, kept in step by each PUT in its
    // transaction. The report's three orders are stored columns with an index each, so a top 10 is
    // ten index entries whatever the number of customers. The rates are exact quotients carried to
    // 30 places (distinct rates of amounts ≤ ~10^14 fen differ by more than 10^-28); `code` is
    // copied (CUS-4: it never changes) so ties sort inside the index. `figures` = monthly figures in
    // the period (0: a row that only carries the previous period's sales).
    await runner.query(`
      CREATE TABLE customer_sales_totals (
        period         varchar(7) NOT NULL,
        customer_id    uuid NOT NULL REFERENCES customers (id),
        code           varchar(20) NOT NULL,
        figures        integer NOT NULL CHECK (figures >= 0),
        sales          bigint NOT NULL,
        cost_of_sales  bigint NOT NULL,
        previous_sales bigint NOT NULL,
        growth         numeric GENERATED ALWAYS AS (
                         CASE WHEN previous_sales > 0 THEN (sales - previous_sales)::numeric(60, 30) / previous_sales END) STORED,
        margin         numeric GENERATED ALWAYS AS (
                         CASE WHEN sales > 0 THEN (sales - cost_of_sales)::numeric(60, 30) / sales END) STORED,
        PRIMARY KEY (period, customer_id)
      )`);
    await runner.query('CREATE INDEX customer_sales_totals_by_sales ON customer_sales_totals (period, sales DESC, code) WHERE figures > 0');
    await runner.query(
      'CREATE INDEX customer_sales_totals_by_growth ON customer_sales_totals (period, growth DESC, code) WHERE figures > 0 AND growth IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX customer_sales_totals_by_margin ON customer_sales_totals (period, margin DESC, code) WHERE figures > 0 AND margin IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE customer_sales_totals');
    await runner.query('DROP TABLE customer_sales_figures');
    await runner.query('DROP TABLE customer_visits');
    await runner.query('DROP TABLE customer_visit_programmes');
    await runner.query('DROP TABLE customer_credit_investigations');
    await runner.query('DROP TABLE customer_developments');
  }
}
