import { ErrorKind } from './error-kind';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * The serialisable form of an error as it crosses RabbitMQ (RPC reply) and becomes problem
 * details at the gateway. `code` is the context's own code (e.g. `CUSTOMER_NOT_FOUND`);
 * `rule` names the SPEC rule that refused the request (e.g. `CUS-2`).
 */
export interface ErrorPayload {
  kind: ErrorKind;
  code: string;
  message: string;
  rule?: string;
  errors?: FieldError[];
}

/**
 * Base of every context's exception (`CustomerException`, …). Handlers throw these — never
 * `HttpException`; transports translate them (STYLE rule 7).
 */
export abstract class DomainException extends Error {
  abstract readonly kind: ErrorKind;

  protected constructor(
    readonly code: string,
    message: string,
    readonly rule?: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }

  toPayload(): ErrorPayload {
    return {
      kind: this.kind,
      code: this.code,
      message: this.message,
      ...(this.rule ? { rule: this.rule } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

/** Errors that belong to no bounded context: malformed messages, unknown patterns. */
export enum CommonErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  CallerRequired = 'CALLER_REQUIRED',
  UnknownPattern = 'UNKNOWN_PATTERN',
  Unavailable = 'SERVICE_UNAVAILABLE',
  DeadlineExceeded = 'DEADLINE_EXCEEDED',
  DuplicateCommand = 'DUPLICATE_COMMAND',
  Internal = 'INTERNAL_ERROR',
}

const COMMON_KINDS: Record<CommonErrorCode, ErrorKind> = {
  [CommonErrorCode.ValidationFailed]: ErrorKind.Invalid,
  [CommonErrorCode.CallerRequired]: ErrorKind.Unauthenticated,
  [CommonErrorCode.UnknownPattern]: ErrorKind.NotFound,
  [CommonErrorCode.Unavailable]: ErrorKind.Unavailable,
  [CommonErrorCode.DeadlineExceeded]: ErrorKind.Timeout,
  [CommonErrorCode.DuplicateCommand]: ErrorKind.Conflict,
  [CommonErrorCode.Internal]: ErrorKind.Internal,
};

export class CommonException extends DomainException {
  readonly kind: ErrorKind;

  constructor(code: CommonErrorCode, message: string, errors?: FieldError[]) {
    super(code, message, undefined, errors);
    this.kind = COMMON_KINDS[code];
  }

  static validation(errors: FieldError[]): CommonException {
    return new CommonException(CommonErrorCode.ValidationFailed, 'The request is invalid', errors);
  }
}

/** A remote error received over RPC, re-thrown on the caller's side with its payload intact. */
export class RemoteException extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
    this.name = 'RemoteException';
  }
}
