import { HttpException } from '@nestjs/common';
import { DomainException, ErrorKind, type ErrorPayload, CommonErrorCode, RemoteException, publicPayload } from '@crm/errors';
import { isTransientDatabaseError } from '@crm/persistence';

function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as ErrorPayload).kind === 'string' &&
    typeof (value as ErrorPayload).code === 'string'
  );
}

const HTTP_KINDS: Record<number, ErrorKind> = {
  400: ErrorKind.Invalid,
  401: ErrorKind.Unauthenticated,
  403: ErrorKind.Forbidden,
  404: ErrorKind.NotFound,
  409: ErrorKind.Conflict,
  410: ErrorKind.Gone,
  412: ErrorKind.PreconditionFailed,
  413: ErrorKind.PayloadTooLarge,
  422: ErrorKind.RuleViolation,
  429: ErrorKind.RateLimited,
  503: ErrorKind.Unavailable,
  504: ErrorKind.Timeout,
};

/**
 * Turns whatever a handler threw into the wire form. Domain exceptions keep their code and rule;
 * a database that is down becomes `unavailable` (503, retryable); anything else is internal.
 */
export function toErrorPayload(error: unknown): { payload: ErrorPayload; unexpected: boolean } {
  if (error instanceof DomainException) return { payload: error.toPayload(), unexpected: false };
  // A thrown value shaped like the wire form may carry more (a stack, SQL): only its public part travels (GW-5).
  if (isErrorPayload(error)) return { payload: publicPayload(error), unexpected: error.kind === ErrorKind.Internal };
  // A nested RPC call's answer keeps its kind: an `unavailable` from another service must stay
  // retryable (an event handler backs off instead of dead-lettering), a `not_found` stays 404.
  if (error instanceof RemoteException) return { payload: error.payload, unexpected: false };
  if (isTransientDatabaseError(error)) {
    return {
      payload: { kind: ErrorKind.Unavailable, code: CommonErrorCode.Unavailable, message: 'The database is unavailable; try again' },
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    const kind = HTTP_KINDS[error.getStatus()] ?? ErrorKind.Internal;
    return { payload: { kind, code: kind.toUpperCase(), message: error.message }, unexpected: kind === ErrorKind.Internal };
  }
  return {
    payload: { kind: ErrorKind.Internal, code: CommonErrorCode.Internal, message: 'Internal error' },
    unexpected: true,
  };
}
