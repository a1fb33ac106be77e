import { DomainException, ErrorKind, type FieldError, assertUnreachable } from '@crm/errors';

/**
 * Every way the development-and-visits context refuses a request (STYLE rule 7). Role, unknown
 * archive, destroyed archive, cursor and purpose refusals are the archive's own (CustomerException):
 * this context works on the same archives.
 */
export enum DevelopmentExceptionCode {
  /** A step not allowed in the archive's or the development's current state. */
  WrongStep = 'DEVELOPMENT_WRONG_STEP',
  /** A DEV rule refused the request (the rule id says which). */
  RuleViolation = 'DEVELOPMENT_RULE_VIOLATION',
  InvalidInput = 'DEVELOPMENT_INVALID_INPUT',
}

export function developmentErrorKind(code: DevelopmentExceptionCode): ErrorKind {
  switch (code) {
    case DevelopmentExceptionCode.WrongStep:
      return ErrorKind.Conflict;
    case DevelopmentExceptionCode.RuleViolation:
      return ErrorKind.RuleViolation;
    case DevelopmentExceptionCode.InvalidInput:
      return ErrorKind.Invalid;
    default:
      return assertUnreachable(code);
  }
}

export class DevelopmentException extends DomainException {
  readonly kind: ErrorKind;

  constructor(code: DevelopmentExceptionCode, message: string, rule?: string, errors?: FieldError[]) {
    super(code, message, rule, errors);
    this.kind = developmentErrorKind(code);
  }

  /** 422 naming the rule; the message starts with the rule id. */
  static rule(rule: string, message: string, errors?: FieldError[]): DevelopmentException {
    return new DevelopmentException(DevelopmentExceptionCode.RuleViolation, `${rule}: ${message}`, rule, errors);
  }

  /** 409: the step does not fit the current state. */
  static wrongStep(rule: string, message: string): DevelopmentException {
    return new DevelopmentException(DevelopmentExceptionCode.WrongStep, `${rule}: ${message}`, rule);
  }

  static invalid(rule: string | undefined, errors: FieldError[]): DevelopmentException {
    return new DevelopmentException(DevelopmentExceptionCode.InvalidInput, errors.map((error) => error.message).join('; '), rule, errors);
  }
}
