import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters behind `DocumentNumberAllocator`: one row per series and business period holding
 * the last number handed out. A service that numbers documents lists this migration in its own
 * migrations array; its timestamp sorts it before every service migration, right after the
 * messaging tables, so a service migration may use the table.
 */
export class DocumentNumberCounters1763950000000 implements MigrationInterface {
  name = 'DocumentNumberCounters1763950000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE document_number_counters (
        series     varchar(40) NOT NULL,
        period     varchar(7) NOT NULL CHECK (period ~ '^[0-9]{4}(-[0-9]{2})?$'),
        last_value bigint NOT NULL CHECK (last_value >= 1),
        PRIMARY KEY (series, period)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE document_number_counters');
  }
}
