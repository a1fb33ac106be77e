import { DomainException, ErrorKind, type FieldError, assertUnreachable } from '@crm/errors';

/** Every way the complaints context refuses a request (STYLE rule 7). */
export enum ComplaintExceptionCode {
  RoleRequired = 'COMPLAINT_ROLE_REQUIRED',
  /** CMP-8: above the manager's authority, or the proposer approving their own. */
  ApprovalAuthority = 'COMPLAINT_APPROVAL_AUTHORITY',
  InvalidInput = 'COMPLAINT_INVALID_INPUT',
  InvalidCursor = 'COMPLAINT_INVALID_CURSOR',
  NotFound = 'COMPLAINT_NOT_FOUND',
  /** CMP-5: the step is not allowed in the current status. */
  WrongStep = 'COMPLAINT_WRONG_STEP',
  /** A business rule refused the request (the rule id says which). */
  RuleViolation = 'COMPLAINT_RULE_VIOLATION',
  NumberSequenceExhausted = 'COMPLAINT_NUMBER_SEQUENCE_EXHAUSTED',
}

/** The one exhaustive code → kind table of this context; a new code fails to compile until mapped. */
export function complaintErrorKind(code: ComplaintExceptionCode): ErrorKind {
  switch (code) {
    case ComplaintExceptionCode.RoleRequired:
    case ComplaintExceptionCode.ApprovalAuthority:
      return ErrorKind.Forbidden;
    case ComplaintExceptionCode.InvalidInput:
    case ComplaintExceptionCode.InvalidCursor:
      return ErrorKind.Invalid;
    case ComplaintExceptionCode.NotFound:
      return ErrorKind.NotFound;
    case ComplaintExceptionCode.WrongStep:
      return ErrorKind.Conflict;
    case ComplaintExceptionCode.RuleViolation:
    case ComplaintExceptionCode.NumberSequenceExhausted:
      return ErrorKind.RuleViolation;
    default:
      return assertUnreachable(code);
  }
}

export class ComplaintException extends DomainException {
  readonly kind: ErrorKind;

  constructor(code: ComplaintExceptionCode, message: string, rule?: string, errors?: FieldError[]) {
    super(code, message, rule, errors);
    this.kind = complaintErrorKind(code);
  }

  static notFound(id: string): ComplaintException {
    return new ComplaintException(ComplaintExceptionCode.NotFound, `Complaint ${id} does not exist`);
  }

  /** A business refusal (422) whose message starts with the rule id. */
  static rule(rule: string, message: string, errors?: FieldError[]): ComplaintException {
    return new ComplaintException(ComplaintExceptionCode.RuleViolation, `${rule}: ${message}`, rule, errors);
  }

  static authority(message: string): ComplaintException {
    return new ComplaintException(ComplaintExceptionCode.ApprovalAuthority, `CMP-8: ${message}`, 'CMP-8');
  }

  static role(rule: string | undefined, action: string, roles: readonly string[]): ComplaintException {
    return new ComplaintException(
      ComplaintExceptionCode.RoleRequired,
      `${rule ? `${rule}: ` : ''}${action} requires one of the roles ${roles.join(', ')}`,
      rule,
    );
  }
}
