import { BadRequestException, ConflictException, HttpException, NotFoundException } from '@nestjs/common';
import { CommonErrorCode, CommonException, DomainException, ErrorKind, RemoteException } from '@crm/errors';
import { toErrorPayload } from './to-error-payload';

class ReturnException extends DomainException {
  readonly kind = ErrorKind.RuleViolation;
  constructor() {
    super('NOT_RETURNABLE', 'Improperly stored goods are never returnable', 'RET-2', [{ field: 'reason', message: 'storage' }]);
  }
}

describe('toErrorPayload', () => {
  it('keeps a domain exception’s kind, code, rule and field errors', () => {
    expect(toErrorPayload(new ReturnException())).toEqual({
      payload: {
        kind: ErrorKind.RuleViolation,
        code: 'NOT_RETURNABLE',
        message: 'Improperly stored goods are never returnable',
        rule: 'RET-2',
        errors: [{ field: 'reason', message: 'storage' }],
      },
      unexpected: false,
    });
  });

  it('maps common exceptions to their kinds', () => {
    expect(toErrorPayload(new CommonException(CommonErrorCode.UnknownPattern, 'No handler')).payload).toEqual({
      kind: ErrorKind.NotFound,
      code: 'UNKNOWN_PATTERN',
      message: 'No handler',
    });
    expect(toErrorPayload(CommonException.validation([{ field: 'a', message: 'b' }])).payload.kind).toBe(ErrorKind.Invalid);
  });

  it('passes an error payload through unchanged', () => {
    const payload = { kind: ErrorKind.Conflict, code: 'STALE', message: 'stale version' };
    expect(toErrorPayload(payload)).toEqual({ payload, unexpected: false });
  });

  it('keeps the payload of an error another service answered (a nested RPC call)', () => {
    const payload = { kind: ErrorKind.Unavailable, code: 'SERVICE_UNAVAILABLE', message: 'customers is down' };
    expect(toErrorPayload(new RemoteException(payload))).toEqual({ payload, unexpected: false });
  });

  it('turns a database outage into a retryable `unavailable`, without leaking the driver message', () => {
    const result = toErrorPayload(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }));
    expect(result).toEqual({
      payload: { kind: ErrorKind.Unavailable, code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable; try again' },
      unexpected: false,
    });
  });

  it.each([
    [new BadRequestException('bad'), ErrorKind.Invalid, false],
    [new NotFoundException('nope'), ErrorKind.NotFound, false],
    [new ConflictException('again'), ErrorKind.Conflict, false],
    [new HttpException('teapot', 418), ErrorKind.Internal, true],
    [new HttpException('down', 503), ErrorKind.Unavailable, false],
  ])('maps an HttpException (%s) by status', (error, kind, unexpected) => {
    const result = toErrorPayload(error);
    expect(result.payload.kind).toBe(kind);
    expect(result.payload.code).toBe(kind.toUpperCase());
    expect(result.unexpected).toBe(unexpected);
  });

  it.each([[new Error('secret internals')], [new TypeError('x is undefined')], ['a string'], [undefined], [{ kind: 1, code: 2 }]])(
    'hides anything else as an unexpected internal error (%p)',
    (error) => {
      expect(toErrorPayload(error)).toEqual({
        payload: { kind: ErrorKind.Internal, code: 'INTERNAL_ERROR', message: 'Internal error' },
        unexpected: true,
      });
    },
  );

  it('sends only the public part of a thrown wire-shaped value: no stack, SQL or driver members (GW-5)', () => {
    const thrown = Object.assign(new Error('taken'), {
      kind: ErrorKind.Conflict,
      code: 'DUPLICATE',
      query: 'INSERT INTO x',
      driverError: {},
    });
    expect(toErrorPayload(thrown)).toEqual({
      payload: { kind: ErrorKind.Conflict, code: 'DUPLICATE', message: 'taken' },
      unexpected: false,
    });
    const internal = { kind: ErrorKind.Internal, code: 'QUERY_FAILED', message: 'INSERT INTO x failed' };
    expect(toErrorPayload(internal)).toEqual({
      payload: { kind: ErrorKind.Internal, code: 'INTERNAL_ERROR', message: 'Internal error' },
      unexpected: true,
    });
  });
});
