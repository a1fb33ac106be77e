import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CUS-4: customer codes move from `customer_code_counters` (one row per year) to the shared
 * `document_number_counters` (series `customer-code`, period `YYYY`) of libs/persistence. The
 * counters are copied, raised where needed to the highest code actually given, and the old table
 * is dropped. The ACCESS EXCLUSIVE lock makes approvals still running on an old replica finish
 * first; after the drop such a replica's approvals fail (and roll back) instead of handing out a
 * code twice — the unique index on `customers.code` stands behind that too.
 */
export class CustomerCodesOnDocumentCounters1796300000000 implements MigrationInterface {
  name = 'CustomerCodesOnDocumentCounters1796300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('LOCK TABLE customer_code_counters IN ACCESS EXCLUSIVE MODE');
    await runner.query(`
      INSERT INTO document_number_counters AS d (series, period, last_value)
      SELECT 'customer-code', period, max(last_value) FROM (
        SELECT lpad(year::text, 4, '0') AS period, last_value::bigint FROM customer_code_counters WHERE last_value >= 1
        UNION ALL
        SELECT substr(code, 2, 4), substr(code, 6)::bigint FROM customers WHERE code IS NOT NULL
      ) AS given GROUP BY period
      ON CONFLICT (series, period) DO UPDATE SET last_value = greatest(d.last_value, excluded.last_value)`);
    await runner.query('DROP TABLE customer_code_counters');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE customer_code_counters (
        year       integer PRIMARY KEY,
        last_value integer NOT NULL CHECK (last_value >= 0)
      )`);
    await runner.query(`
      INSERT INTO customer_code_counters (year, last_value)
      SELECT period::integer, last_value FROM document_number_counters WHERE series = 'customer-code'`);
    await runner.query(`DELETE FROM document_number_counters WHERE series = 'customer-code'`);
  }
}
