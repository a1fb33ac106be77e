import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CUS-2: the complaints service's read model of customer statuses, fed by `customers.customer.*` events. */
export class KnownCustomers1797100000000 implements MigrationInterface {
  name = 'KnownCustomers1797100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE known_customers (
        customer_id uuid PRIMARY KEY,
        status      varchar(20) NOT NULL,
        as_of       timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS known_customers');
  }
}
