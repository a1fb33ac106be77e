import { randomUUID } from 'node:crypto';
import type { DataSource, MigrationInterface } from 'typeorm';
import { MessagingTables1763900000000 } from '@crm/messaging';
import { DocumentNumberCounters1763950000000, createDataSource, runMigrations, withTransaction } from '@crm/persistence';
import { createTestDatabase, testEnv, type TestDatabase } from '@crm/testing';
import { allocateCustomerCode } from '../src/archive/approve-customer/customer-code.allocator';
import { CustomerArchives1764000000000 } from '../src/migrations/1764000000000-customer-archives.migration';
import { CustomerCodesOnDocumentCounters1796300000000 } from '../src/migrations/1796300000000-customer-codes-on-document-counters.migration';
import { customersMigrations } from '../src/migrations';

/**
 * CUS-4 across the move to `document_number_counters`: a database migrated before it keeps
 * numbering where it stopped (never reusing a code), and `down()` gives the old table back.
 */
describe('customer codes move onto the shared document counters', () => {
  let db: TestDatabase;
  let dataSource: DataSource | undefined;
  const open = async (migrations: (new () => MigrationInterface)[]) => {
    dataSource = createDataSource({
      serverUrl: testEnv.databaseUrl,
      database: db.name,
      entities: [],
      migrations,
      applicationName: 'customers-migration-test',
    });
    await dataSource.initialize();
    await runMigrations(dataSource);
    return dataSource;
  };

  beforeAll(async () => {
    db = await createTestDatabase('customers_codes_migration');
  });
  afterAll(async () => {
    await dataSource?.destroy().catch(() => undefined);
    await db?.drop();
  });

  it('copies the counters, raised to the highest code given, and continues from there', async () => {
    const before = await open([MessagingTables1763900000000, CustomerArchives1764000000000]);
    await before.query('INSERT INTO customer_code_counters (year, last_value) VALUES (2026, 41), (2025, 0)');
    // A 2025 code with no counter row (or a counter behind it) must not be handed out again.
    await before.query(
      `INSERT INTO customers (id, code, type, name, status, confidentiality, created_at, updated_at, version)
       VALUES ($1, 'C2025000007', 'dealer', 'Old Dealer', 'active', 'confidential', now(), now(), 1)`,
      [randomUUID()],
    );
    await before.destroy();

    const after = await open([MessagingTables1763900000000, ...customersMigrations]);
    expect(await after.query(`SELECT series, period, last_value::int FROM document_number_counters ORDER BY period`)).toEqual([
      { series: 'customer-code', period: '2025', last_value: 7 },
      { series: 'customer-code', period: '2026', last_value: 41 },
    ]);
    expect(await after.query(`SELECT to_regclass('customer_code_counters') AS old`)).toEqual([{ old: null }]);
    const next = (iso: string) => withTransaction(after, (manager) => allocateCustomerCode(manager, new Date(iso)));
    expect(await next('2026-06-01T04:00:00Z')).toBe('C2026000042');
    expect(await next('2025-06-01T04:00:00Z')).toBe('C2025000008');
    expect(await next('2026-12-31T16:00:00Z')).toBe('C2027000001'); // already 2027 in Shanghai

    // down() restores the old table with the counters as they are now.
    const runner = after.createQueryRunner();
    await new CustomerCodesOnDocumentCounters1796300000000().down(runner);
    await runner.release();
    expect(await after.query('SELECT year, last_value FROM customer_code_counters ORDER BY year')).toEqual([
      { year: 2025, last_value: 8 },
      { year: 2026, last_value: 42 },
      { year: 2027, last_value: 1 },
    ]);
    expect(await after.query(`SELECT count(*)::int AS n FROM document_number_counters`)).toEqual([{ n: 0 }]);
    expect(DocumentNumberCounters1763950000000).toBe(customersMigrations[0]);
  });
});
