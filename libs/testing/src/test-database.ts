import { assertTestDatabase, dropDatabase, ensureDatabase } from '@crm/persistence';
import { testEnv, uniqueSuffix } from './test-env';

export interface TestDatabase {
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh database named `test_<purpose>_<random>` for one test file; `drop()` removes it.
 * The guard refuses any name that does not mark a test database (STYLE rule 10).
 */
export async function createTestDatabase(purpose: string): Promise<TestDatabase> {
  const name = `test_${purpose}_${uniqueSuffix()}`;
  assertTestDatabase(name);
  await ensureDatabase(testEnv.databaseUrl, name);
  return { name, drop: () => dropDatabase(testEnv.databaseUrl, name) };
}
