import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CMP-10: the note on a rejected complaint about an unpaid order that receivables are collected as normal. */
export class ComplaintReceivablesNote1797500000000 implements MigrationInterface {
  name = 'ComplaintReceivablesNote1797500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE complaints ADD COLUMN receivables_note text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE complaints DROP COLUMN IF EXISTS receivables_note');
  }
}
