import { assertTestDatabase, databaseUrl } from './database';

describe('databaseUrl', () => {
  it('points a server URL at another database, keeping credentials, host and options', () => {
    expect(databaseUrl('postgres://user:pw@db.local:6543/postgres?sslmode=require', 'customers')).toBe(
      'postgres://user:pw@db.local:6543/customers?sslmode=require',
    );
  });

  it('works when the server URL names no database', () => {
    expect(databaseUrl('postgres://postgres@127.0.0.1:5432', 'test_x')).toBe('postgres://postgres@127.0.0.1:5432/test_x');
  });

  it('encodes characters that would change the URL', () => {
    expect(databaseUrl('postgres://h/postgres', 'a/b?c')).toBe('postgres://h/a%2Fb%3Fc');
  });
});

/** STYLE rule 10: tests refuse a database whose name does not mark it as a test database. */
describe('assertTestDatabase', () => {
  it.each(['test_customers', 'customers_test', 'crm_test_1', 'test_messaging_1a2b3c4d'])('accepts %s', (name) => {
    expect(() => assertTestDatabase(name)).not.toThrow();
  });

  it.each(['customers', 'postgres', 'latest', 'testing', 'contest_x', 'my_tests', 'TEST_x', ''])('refuses %s', (name) => {
    expect(() => assertTestDatabase(name)).toThrow(`Refusing to run tests against database "${name}"`);
  });
});
