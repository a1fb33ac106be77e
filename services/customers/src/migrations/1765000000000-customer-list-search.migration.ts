import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists that stay fast with data (issue 10): `q=` is a case-insensitive substring match of name or
 * code (`ILIKE '%term%'`), which no B-tree can serve, so it scanned every archive. Trigram GIN
 * indexes (pg_trgm, shipped with PostgreSQL's contrib modules) answer `ILIKE '%term%'` for terms
 * of 3 characters or more; shorter terms have no trigram to look up and still scan.
 *
 * `fastupdate = off`: with GIN's default pending list, new archives queue unindexed (up to 4 MB)
 * and every search scans that list until a vacuum or an unlucky insert flushes it — a slow
 * search or a slow registration at random. Archives are written far less often than searched,
 * so each insert updates the index at once instead.
 *
 * The overdue filter (CUS-8) already has `customers_review_due` (partial, active archives) from
 * the first migration.
 */
export class CustomerListSearch1765000000000 implements MigrationInterface {
  name = 'CustomerListSearch1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await runner.query(`CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops) WITH (fastupdate = off)`);
    await runner.query(`CREATE INDEX customers_code_trgm ON customers USING gin (code gin_trgm_ops) WITH (fastupdate = off)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX customers_code_trgm');
    await runner.query('DROP INDEX customers_name_trgm');
    // The extension stays: other objects in the database may use it.
  }
}
