/**
 * What went wrong, independent of transport. Domain services map their own exception codes to a
 * kind (one exhaustive table per context); the gateway maps the kind to an HTTP status (API.md).
 */
export enum ErrorKind {
  Invalid = 'invalid',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Gone = 'gone',
  PreconditionFailed = 'precondition_failed',
  PayloadTooLarge = 'payload_too_large',
  RuleViolation = 'rule_violation',
  RateLimited = 'rate_limited',
  Unavailable = 'unavailable',
  Timeout = 'timeout',
  Internal = 'internal',
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}

export function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case ErrorKind.Invalid:
      return 400;
    case ErrorKind.Unauthenticated:
      return 401;
    case ErrorKind.Forbidden:
      return 403;
    case ErrorKind.NotFound:
      return 404;
    case ErrorKind.Conflict:
      return 409;
    case ErrorKind.Gone:
      return 410;
    case ErrorKind.PreconditionFailed:
      return 412;
    case ErrorKind.PayloadTooLarge:
      return 413;
    case ErrorKind.RuleViolation:
      return 422;
    case ErrorKind.RateLimited:
      return 429;
    case ErrorKind.Unavailable:
      return 503;
    case ErrorKind.Timeout:
      return 504;
    case ErrorKind.Internal:
      return 500;
    default:
      return assertUnreachable(kind);
  }
}

const TITLES: Record<ErrorKind, string> = {
  [ErrorKind.Invalid]: 'Bad Request',
  [ErrorKind.Unauthenticated]: 'Unauthorized',
  [ErrorKind.Forbidden]: 'Forbidden',
  [ErrorKind.NotFound]: 'Not Found',
  [ErrorKind.Conflict]: 'Conflict',
  [ErrorKind.Gone]: 'Gone',
  [ErrorKind.PreconditionFailed]: 'Precondition Failed',
  [ErrorKind.PayloadTooLarge]: 'Content Too Large',
  [ErrorKind.RuleViolation]: 'Unprocessable Content',
  [ErrorKind.RateLimited]: 'Too Many Requests',
  [ErrorKind.Unavailable]: 'Service Unavailable',
  [ErrorKind.Timeout]: 'Gateway Timeout',
  [ErrorKind.Internal]: 'Internal Server Error',
};

export function titleOf(kind: ErrorKind): string {
  return TITLES[kind];
}
