import { DomainException, ErrorKind, type FieldError, assertUnreachable } from '@crm/errors';

/** Every way the returns service refuses a request (STYLE rule 7). */
export enum ReturnsExceptionCode {
  RoleRequired = 'RETURNS_ROLE_REQUIRED',
  /** RET-3/CMP-8: above the manager's authority, or the creator approving their own document. */
  ApprovalAuthority = 'RETURNS_APPROVAL_AUTHORITY',
  InvalidInput = 'RETURNS_INVALID_INPUT',
  InvalidCursor = 'RETURNS_INVALID_CURSOR',
  ReturnNotFound = 'RETURN_NOT_FOUND',
  CreditNoteNotFound = 'CREDIT_NOTE_NOT_FOUND',
  VoucherNotFound = 'VOUCHER_NOT_FOUND',
  /** The step is not allowed in the document's current status. */
  WrongStep = 'RETURNS_WRONG_STEP',
  /** A business rule refused the request (the rule id says which). */
  RuleViolation = 'RETURNS_RULE_VIOLATION',
  NumberSequenceExhausted = 'RETURNS_NUMBER_SEQUENCE_EXHAUSTED',
}

/** The one exhaustive code → kind table of this service; a new code fails to compile until mapped. */
export function returnsErrorKind(code: ReturnsExceptionCode): ErrorKind {
  switch (code) {
    case ReturnsExceptionCode.RoleRequired:
    case ReturnsExceptionCode.ApprovalAuthority:
      return ErrorKind.Forbidden;
    case ReturnsExceptionCode.InvalidInput:
    case ReturnsExceptionCode.InvalidCursor:
      return ErrorKind.Invalid;
    case ReturnsExceptionCode.ReturnNotFound:
    case ReturnsExceptionCode.CreditNoteNotFound:
    case ReturnsExceptionCode.VoucherNotFound:
      return ErrorKind.NotFound;
    case ReturnsExceptionCode.WrongStep:
      return ErrorKind.Conflict;
    case ReturnsExceptionCode.RuleViolation:
    case ReturnsExceptionCode.NumberSequenceExhausted:
      return ErrorKind.RuleViolation;
    default:
      return assertUnreachable(code);
  }
}

export class ReturnsException extends DomainException {
  readonly kind: ErrorKind;

  constructor(code: ReturnsExceptionCode, message: string, rule?: string, errors?: FieldError[]) {
    super(code, message, rule, errors);
    this.kind = returnsErrorKind(code);
  }

  static notFound(code: ReturnsExceptionCode, what: string, id: string): ReturnsException {
    return new ReturnsException(code, `${what} ${id} does not exist`);
  }

  /** A business refusal (422) whose message starts with the rule id. */
  static rule(rule: string, message: string, errors?: FieldError[]): ReturnsException {
    return new ReturnsException(ReturnsExceptionCode.RuleViolation, `${rule}: ${message}`, rule, errors);
  }

  static wrongStep(rule: string, message: string): ReturnsException {
    return new ReturnsException(ReturnsExceptionCode.WrongStep, `${rule}: ${message}`, rule);
  }

  static authority(message: string): ReturnsException {
    return new ReturnsException(ReturnsExceptionCode.ApprovalAuthority, `RET-3: ${message}`, 'RET-3');
  }

  static invalid(rule: string, errors: FieldError[]): ReturnsException {
    return new ReturnsException(ReturnsExceptionCode.InvalidInput, errors.map((error) => error.message).join('; '), rule, errors);
  }

  static role(rule: string | undefined, action: string, roles: readonly string[]): ReturnsException {
    return new ReturnsException(
      ReturnsExceptionCode.RoleRequired,
      `${rule ? `${rule}: ` : ''}${action} requires one of the roles ${roles.join(', ')}`,
      rule,
    );
  }
}
