import { DomainException, ErrorKind, type FieldError, assertUnreachable } from '@crm/errors';

/** Every way the service-desk context refuses a request (STYLE rule 7). */
export enum ServiceRequestExceptionCode {
  RoleRequired = 'SERVICE_REQUEST_ROLE_REQUIRED',
  InvalidInput = 'SERVICE_REQUEST_INVALID_INPUT',
  InvalidCursor = 'SERVICE_REQUEST_INVALID_CURSOR',
  NotFound = 'SERVICE_REQUEST_NOT_FOUND',
  /** The step is not allowed in the current status (the state machine). */
  WrongStep = 'SERVICE_REQUEST_WRONG_STEP',
  /** The step was already taken (a second countersignature, opinion or answer). */
  AlreadyDone = 'SERVICE_REQUEST_ALREADY_DONE',
  /** A business rule refused the request (the rule id says which). */
  RuleViolation = 'SERVICE_REQUEST_RULE_VIOLATION',
  NumberSequenceExhausted = 'SERVICE_REQUEST_NUMBER_SEQUENCE_EXHAUSTED',
}

/** The one exhaustive code → kind table of this context; a new code fails to compile until mapped. */
export function serviceRequestErrorKind(code: ServiceRequestExceptionCode): ErrorKind {
  switch (code) {
    case ServiceRequestExceptionCode.RoleRequired:
      return ErrorKind.Forbidden;
    case ServiceRequestExceptionCode.InvalidInput:
    case ServiceRequestExceptionCode.InvalidCursor:
      return ErrorKind.Invalid;
    case ServiceRequestExceptionCode.NotFound:
      return ErrorKind.NotFound;
    case ServiceRequestExceptionCode.WrongStep:
    case ServiceRequestExceptionCode.AlreadyDone:
      return ErrorKind.Conflict;
    case ServiceRequestExceptionCode.RuleViolation:
    case ServiceRequestExceptionCode.NumberSequenceExhausted:
      return ErrorKind.RuleViolation;
    default:
      return assertUnreachable(code);
  }
}

export class ServiceRequestException extends DomainException {
  readonly kind: ErrorKind;

  constructor(code: ServiceRequestExceptionCode, message: string, rule?: string, errors?: FieldError[]) {
    super(code, message, rule, errors);
    this.kind = serviceRequestErrorKind(code);
  }

  static notFound(id: string): ServiceRequestException {
    return new ServiceRequestException(ServiceRequestExceptionCode.NotFound, `Service request ${id} does not exist`);
  }

  /** A business refusal (422) whose message starts with the rule id. */
  static rule(rule: string, message: string, errors?: FieldError[]): ServiceRequestException {
    return new ServiceRequestException(ServiceRequestExceptionCode.RuleViolation, `${rule}: ${message}`, rule, errors);
  }

  static alreadyDone(rule: string, message: string): ServiceRequestException {
    return new ServiceRequestException(ServiceRequestExceptionCode.AlreadyDone, `${rule}: ${message}`, rule);
  }

  static role(rule: string | undefined, action: string, roles: readonly string[]): ServiceRequestException {
    return new ServiceRequestException(
      ServiceRequestExceptionCode.RoleRequired,
      `${rule ? `${rule}: ` : ''}${action} requires one of the roles ${roles.join(', ')}`,
      rule,
    );
  }
}
