import type { CustomerTombstone } from '@crm/contracts';
import { DomainException, ErrorKind, type ErrorPayload, type FieldError, assertUnreachable } from '@crm/errors';

/** Every way the customers context refuses a request (STYLE rule 7). */
export enum CustomerExceptionCode {
  RoleRequired = 'CUSTOMER_ROLE_REQUIRED',
  ClearanceInsufficient = 'CUSTOMER_CLEARANCE_INSUFFICIENT',
  SelfApproval = 'CUSTOMER_SELF_APPROVAL',
  PurposeRequired = 'CUSTOMER_PURPOSE_REQUIRED',
  InvalidInput = 'CUSTOMER_INVALID_INPUT',
  InvalidCursor = 'CUSTOMER_INVALID_CURSOR',
  NotFound = 'CUSTOMER_NOT_FOUND',
  Destroyed = 'CUSTOMER_DESTROYED',
  StaleVersion = 'CUSTOMER_STALE_VERSION',
  WrongStatus = 'CUSTOMER_WRONG_STATUS',
  FirstContactFixed = 'CUSTOMER_FIRST_CONTACT_FIXED',
  DestructionAlreadyApproved = 'CUSTOMER_DESTRUCTION_ALREADY_APPROVED',
  CodeSequenceExhausted = 'CUSTOMER_CODE_SEQUENCE_EXHAUSTED',
}

/** The one exhaustive code → kind table of this context; a new code fails to compile until mapped. */
export function customerErrorKind(code: CustomerExceptionCode): ErrorKind {
  switch (code) {
    case CustomerExceptionCode.RoleRequired:
    case CustomerExceptionCode.ClearanceInsufficient:
    case CustomerExceptionCode.SelfApproval:
      return ErrorKind.Forbidden;
    case CustomerExceptionCode.PurposeRequired:
    case CustomerExceptionCode.InvalidInput:
    case CustomerExceptionCode.InvalidCursor:
      return ErrorKind.Invalid;
    case CustomerExceptionCode.NotFound:
      return ErrorKind.NotFound;
    case CustomerExceptionCode.Destroyed:
      return ErrorKind.Gone;
    case CustomerExceptionCode.StaleVersion:
      return ErrorKind.PreconditionFailed;
    case CustomerExceptionCode.WrongStatus:
    case CustomerExceptionCode.FirstContactFixed:
    case CustomerExceptionCode.DestructionAlreadyApproved:
      return ErrorKind.Conflict;
    case CustomerExceptionCode.CodeSequenceExhausted:
      return ErrorKind.RuleViolation;
    default:
      return assertUnreachable(code);
  }
}

export class CustomerException extends DomainException {
  readonly kind: ErrorKind;

  constructor(
    code: CustomerExceptionCode,
    message: string,
    rule?: string,
    errors?: FieldError[],
    /** CUS-9: what remains of a destroyed archive, sent with the 410. */
    readonly tombstone?: CustomerTombstone,
  ) {
    super(code, message, rule, errors);
    this.kind = customerErrorKind(code);
  }

  override toPayload(): ErrorPayload & { tombstone?: CustomerTombstone } {
    return { ...super.toPayload(), ...(this.tombstone ? { tombstone: this.tombstone } : {}) };
  }

  static notFound(id: string): CustomerException {
    return new CustomerException(CustomerExceptionCode.NotFound, `Customer archive ${id} does not exist`);
  }

  static invalid(rule: string | undefined, errors: FieldError[]): CustomerException {
    return new CustomerException(CustomerExceptionCode.InvalidInput, errors.map((error) => error.message).join('; '), rule, errors);
  }

  static wrongStatus(rule: string, action: string, status: string, allowed: readonly string[]): CustomerException {
    return new CustomerException(
      CustomerExceptionCode.WrongStatus,
      `${rule}: cannot ${action} an archive in status ${status} (allowed from: ${allowed.join(', ')})`,
      rule,
    );
  }

  static role(rule: string | undefined, action: string, roles: readonly string[]): CustomerException {
    return new CustomerException(
      CustomerExceptionCode.RoleRequired,
      `${rule ? `${rule}: ` : ''}${action} requires one of the roles ${roles.join(', ')}`,
      rule,
    );
  }
}
