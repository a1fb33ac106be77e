import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { CommonException, ErrorKind, RemoteException } from '@crm/errors';
import { GatewayErrorCode, GatewayException } from './gateway.exception';
import { StoredProblem, toProblem } from './problem';

describe('toProblem (GW-5)', () => {
  it.each([
    [ErrorKind.Invalid, 400],
    [ErrorKind.Forbidden, 403],
    [ErrorKind.NotFound, 404],
    [ErrorKind.Conflict, 409],
    [ErrorKind.Gone, 410],
    [ErrorKind.PreconditionFailed, 412],
    [ErrorKind.RuleViolation, 422],
    [ErrorKind.Unavailable, 503],
    [ErrorKind.Timeout, 504],
  ])('maps a remote %s to %i with its code and request id', (kind, status) => {
    const problem = toProblem(new RemoteException({ kind, code: 'SOME_CODE', message: 'why' }), 'req-1', '/api/v1/x');
    expect(problem.status).toBe(status);
    expect(problem.body).toMatchObject({ status, code: 'SOME_CODE', detail: 'why', requestId: 'req-1', instance: '/api/v1/x' });
    expect(problem.body.type).toMatch(/^https:\/\//);
  });

  it('keeps the rule, field errors and extension members of a remote refusal', () => {
    const problem = toProblem(
      new RemoteException({
        kind: ErrorKind.Gone,
        code: 'CUSTOMER_DESTROYED',
        message: 'destroyed',
        rule: 'CUS-9',
        tombstone: { id: 'x' },
      } as never),
      'r',
    );
    expect(problem.body).toMatchObject({ status: 410, rule: 'CUS-9', tombstone: { id: 'x' } });
  });

  it('treats an unknown remote kind as internal', () => {
    const problem = toProblem(new RemoteException({ kind: 'weird' as ErrorKind, code: 'X', message: 'm' }), 'r');
    expect(problem.status).toBe(500);
    expect(problem.unexpected).toBe(true);
  });

  it('keeps validation field errors', () => {
    const problem = toProblem(CommonException.validation([{ field: 'name', message: 'name must be a string' }]), 'r');
    expect(problem.status).toBe(400);
    expect(problem.body.errors).toEqual([{ field: 'name', message: 'name must be a string' }]);
  });

  it('carries headers of gateway refusals', () => {
    const problem = toProblem(new GatewayException(GatewayErrorCode.RateLimited, 'slow down', { headers: { 'Retry-After': '1' } }), 'r');
    expect(problem.status).toBe(429);
    expect(problem.headers).toEqual({ 'Retry-After': '1' });
  });

  it.each([
    [new NotFoundException('Cannot GET /nope'), 404, 'Cannot GET /nope'],
    [new BadRequestException('Unexpected token } in JSON'), 400, 'Unexpected token } in JSON'],
    [new HttpException('Unsupported Media Type: text/plain', 415), 415, 'Unsupported Media Type: text/plain'],
    [new HttpException('Request body is too large', 413), 413, 'Request body is too large'],
  ])('maps framework errors keeping their status', (exception, status, detail) => {
    const problem = toProblem(exception, 'r');
    expect(problem.status).toBe(status);
    expect(problem.body).toMatchObject({ status, detail, title: expect.any(String) });
  });

  it('answers a remote internal error as "Internal error", without the SQL or stack it carried', () => {
    const payload = {
      kind: ErrorKind.Internal,
      code: 'QUERY_FAILED',
      message: 'INSERT INTO "customers" failed',
      query: 'INSERT INTO x',
      stack: 'at f (a.ts:1:1)',
    };
    const problem = toProblem(new RemoteException(payload), 'r');
    expect(problem).toMatchObject({ status: 500, unexpected: true });
    expect(problem.body).toMatchObject({ code: 'INTERNAL_ERROR', detail: 'Internal error' });
    expect(JSON.stringify(problem.body)).not.toMatch(/INSERT|a\.ts|QUERY_FAILED/);
  });

  it('drops stacks and SQL riding on a remote refusal, keeping its extensions', () => {
    const payload = {
      kind: ErrorKind.Conflict,
      code: 'DUPLICATE',
      message: 'taken',
      query: 'INSERT INTO x',
      stack: 'at f (a.ts:1:1)',
      hint: 1,
    };
    const problem = toProblem(new RemoteException(payload), 'r');
    expect(problem.body).toMatchObject({ status: 409, code: 'DUPLICATE', detail: 'taken', hint: 1 });
    expect(problem.body).not.toHaveProperty('query');
    expect(problem.body).not.toHaveProperty('stack');
  });

  it('hides internal errors', () => {
    const problem = toProblem(new Error('secret stack detail'), 'r');
    expect(problem).toMatchObject({ status: 500, unexpected: true });
    expect(JSON.stringify(problem.body)).not.toContain('secret');
  });

  it('answers 503 for a database that is down', () => {
    const problem = toProblem(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'r');
    expect(problem.status).toBe(503);
  });

  it('replays a stored problem with the new request id', () => {
    const problem = toProblem(new StoredProblem(409, { type: 't', title: 'Conflict', status: 409, detail: 'd', requestId: 'old' }), 'new');
    expect(problem.status).toBe(409);
    expect(problem.body.requestId).toBe('new');
  });
});
