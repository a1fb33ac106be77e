import { ErrorKind } from './error-kind';
import { publicPayload } from './problem-details';

const SQL = 'INSERT INTO "customers"("id") VALUES ($1)';
const STACK = 'QueryFailedError: duplicate key\n    at PostgresQueryRunner.query (/app/node_modules/typeorm/query-runner.js:1:2)';

describe('publicPayload (GW-5)', () => {
  it('reduces an internal error to "Internal error", whatever it carried', () => {
    const thrown = Object.assign(new Error(STACK), { kind: ErrorKind.Internal, code: 'QUERY_FAILED', query: SQL, parameters: ['x'] });
    expect(publicPayload(thrown)).toEqual({ kind: ErrorKind.Internal, code: 'INTERNAL_ERROR', message: 'Internal error' });
  });

  it('keeps a refusal’s code, rule, field errors and extensions, and drops stacks, SQL and driver members', () => {
    const thrown = {
      kind: ErrorKind.Gone,
      code: 'CUSTOMER_DESTROYED',
      message: 'destroyed',
      rule: 'CUS-9',
      errors: [{ field: 'id', message: 'gone' }],
      tombstone: { id: 'c-1' },
      stack: STACK,
      name: 'QueryFailedError',
      query: SQL,
      parameters: ['x'],
      driverError: { code: '23505' },
      sql: SQL,
      cause: new Error('inner'),
    };
    expect(publicPayload(thrown)).toEqual({
      kind: ErrorKind.Gone,
      code: 'CUSTOMER_DESTROYED',
      message: 'destroyed',
      rule: 'CUS-9',
      errors: [{ field: 'id', message: 'gone' }],
      tombstone: { id: 'c-1' },
    });
  });

  it('reads the message of an Error instance (not an own enumerable member)', () => {
    const thrown = Object.assign(new Error('already there'), { kind: ErrorKind.Conflict, code: 'DUPLICATE' });
    expect(publicPayload(thrown)).toEqual({ kind: ErrorKind.Conflict, code: 'DUPLICATE', message: 'already there' });
  });
});
