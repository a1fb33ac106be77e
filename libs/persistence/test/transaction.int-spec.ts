import type { DataSource } from 'typeorm';
import { createTestDatabase, testEnv, type TestDatabase } from '@crm/testing';
import { createDataSource, withTransaction } from '../src';

/**
 * withTransaction opens a bare BEGIN (issue 10: one round trip fewer per command); the isolation
 * level it relies on comes from the data source's sessions, whatever the server's default.
 */
describe('withTransaction on PostgreSQL', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('persistence_tx');
    dataSource = createDataSource({
      serverUrl: testEnv.databaseUrl,
      database: db.name,
      entities: [],
      migrations: [],
      applicationName: 'tx-test',
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('runs commands READ COMMITTED even where the database defaults to another level', async () => {
    await dataSource.query(`ALTER DATABASE "${db.name}" SET default_transaction_isolation = 'serializable'`);
    const fresh = createDataSource({
      serverUrl: testEnv.databaseUrl,
      database: db.name,
      entities: [],
      migrations: [],
      applicationName: 'tx-test-2',
    });
    await fresh.initialize();
    try {
      const [row] = await withTransaction(fresh, (manager) => manager.query('SHOW transaction_isolation'));
      expect(row).toEqual({ transaction_isolation: 'read committed' });
    } finally {
      await fresh.destroy();
    }
  });
});
