import { isTransientDatabaseError } from './transient-error';

/** Consumers back off on these instead of dead-lettering (docs/messaging.md, "Idempotent consumers"). */
describe('isTransientDatabaseError', () => {
  it.each([
    ['connection exception class 08', { code: '08006' }],
    ['insufficient resources class 53', { code: '53300' }],
    ['operator intervention 57P01 (admin shutdown)', { code: '57P01' }],
    ['cannot connect now 57P03', { code: '57P03' }],
    ['serialization failure', { code: '40001' }],
    ['deadlock', { code: '40P01' }],
    ['lock not available', { code: '55P03' }],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['connection reset', { code: 'ECONNRESET' }],
    ['DNS failure', { code: 'EAI_AGAIN' }],
    ['pg pool message', new Error('Connection terminated unexpectedly')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['server starting', new Error('the database system is starting up')],
    [
      'typeorm: the query runner lost its connection mid-transaction (fault suite 3)',
      Object.assign(
        new Error(
          'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
        ),
        { name: 'QueryRunnerProviderAlreadyReleasedError' },
      ),
    ],
    ['typeorm QueryFailedError wrapping a driver error', { message: 'query failed', driverError: { code: '57P01' } }],
    ['an error caused by a transient one', new Error('outer', { cause: { code: 'ECONNREFUSED' } })],
    [
      'typeorm: the query runner was released before its COMMIT',
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }),
    ],
  ])('recognises %s', (_case, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    ['unique violation', { code: '23505', message: 'duplicate key value violates unique constraint' }],
    ['syntax error', { code: '42601' }],
    ['undefined table', { code: '42P01' }],
    ['a plain error', new Error('boom')],
    ['a domain refusal', new Error('RET-2: not returnable')],
    ['a numeric code', { code: 8006 }],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'ECONNREFUSED'],
    ['a non-transient cause', new Error('outer', { cause: { code: '23505' } })],
  ])('does not treat %s as transient', (_case, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});
