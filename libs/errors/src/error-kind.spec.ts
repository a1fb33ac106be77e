import { ErrorKind, assertUnreachable, httpStatusOf, titleOf } from './error-kind';
import { problemFromPayload } from './problem-details';

/** GW-5 / STYLE rule 7: one exhaustive kind → HTTP status table. */
describe('httpStatusOf', () => {
  const expected: Record<ErrorKind, number> = {
    [ErrorKind.Invalid]: 400,
    [ErrorKind.Unauthenticated]: 401,
    [ErrorKind.Forbidden]: 403,
    [ErrorKind.NotFound]: 404,
    [ErrorKind.Conflict]: 409,
    [ErrorKind.Gone]: 410,
    [ErrorKind.PreconditionFailed]: 412,
    [ErrorKind.PayloadTooLarge]: 413,
    [ErrorKind.RuleViolation]: 422,
    [ErrorKind.RateLimited]: 429,
    [ErrorKind.Unavailable]: 503,
    [ErrorKind.Timeout]: 504,
    [ErrorKind.Internal]: 500,
  };

  it('covers every kind the enum declares', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.values(ErrorKind).sort());
  });

  it.each(Object.entries(expected))('maps %s to %i', (kind, status) => {
    expect(httpStatusOf(kind as ErrorKind)).toBe(status);
    expect(titleOf(kind as ErrorKind)).toEqual(expect.any(String));
  });

  it('throws on a value outside the enum instead of answering a made-up status', () => {
    expect(() => httpStatusOf('teapot' as ErrorKind)).toThrow('Unhandled case: teapot');
    expect(() => assertUnreachable('x' as never)).toThrow('Unhandled case: x');
  });

  it('builds problem details with the mapped status', () => {
    const problem = problemFromPayload({ kind: ErrorKind.RuleViolation, code: 'RET_2', message: 'no', rule: 'RET-2' }, 'req-1');
    expect(problem).toEqual({
      type: 'https://crm.example.com/problems/rule-violation',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'no',
      code: 'RET_2',
      rule: 'RET-2',
      requestId: 'req-1',
    });
  });
});
