import { DomainException, ErrorKind, type FieldError, assertUnreachable } from '@crm/errors';

/** Every way the loyalty service refuses a request (STYLE rule 7). */
export enum LoyaltyExceptionCode {
  RoleRequired = 'LOYALTY_ROLE_REQUIRED',
  /** API.md: a POS key acts only for its own store. */
  OtherStore = 'LOYALTY_OTHER_STORE',
  InvalidInput = 'LOYALTY_INVALID_INPUT',
  InvalidCursor = 'LOYALTY_INVALID_CURSOR',
  CardNotFound = 'LOYALTY_CARD_NOT_FOUND',
  RewardNotFound = 'LOYALTY_REWARD_NOT_FOUND',
  /** LOY-4: the same (storeId, transactionId) with another body. */
  PurchaseConflict = 'LOYALTY_PURCHASE_CONFLICT',
  /** LOY-2: the shopper already holds a card. */
  AlreadyMember = 'LOYALTY_ALREADY_MEMBER',
  /** A step that does not fit the card's state (e.g. report-lost twice is answered, not refused). */
  WrongStep = 'LOYALTY_WRONG_STEP',
  /** A business rule refused the request (the rule id says which). */
  RuleViolation = 'LOYALTY_RULE_VIOLATION',
}

/** The one exhaustive code → kind table of this service; a new code fails to compile until mapped. */
export function loyaltyErrorKind(code: LoyaltyExceptionCode): ErrorKind {
  switch (code) {
    case LoyaltyExceptionCode.RoleRequired:
    case LoyaltyExceptionCode.OtherStore:
      return ErrorKind.Forbidden;
    case LoyaltyExceptionCode.InvalidInput:
    case LoyaltyExceptionCode.InvalidCursor:
      return ErrorKind.Invalid;
    case LoyaltyExceptionCode.CardNotFound:
    case LoyaltyExceptionCode.RewardNotFound:
      return ErrorKind.NotFound;
    case LoyaltyExceptionCode.PurchaseConflict:
    case LoyaltyExceptionCode.AlreadyMember:
    case LoyaltyExceptionCode.WrongStep:
      return ErrorKind.Conflict;
    case LoyaltyExceptionCode.RuleViolation:
      return ErrorKind.RuleViolation;
    default:
      return assertUnreachable(code);
  }
}

export class LoyaltyException extends DomainException {
  readonly kind: ErrorKind;

  constructor(code: LoyaltyExceptionCode, message: string, rule?: string, errors?: FieldError[]) {
    super(code, message, rule, errors);
    this.kind = loyaltyErrorKind(code);
  }

  /** Never the card number in full: it is the member's key at the till (LOY-10 keeps logs free of it). */
  static cardNotFound(): LoyaltyException {
    return new LoyaltyException(LoyaltyExceptionCode.CardNotFound, 'No such card');
  }

  /** A business refusal (422) whose message starts with the rule id. */
  static rule(rule: string, message: string, errors?: FieldError[]): LoyaltyException {
    return new LoyaltyException(LoyaltyExceptionCode.RuleViolation, `${rule}: ${message}`, rule, errors);
  }

  static invalid(rule: string | undefined, errors: FieldError[]): LoyaltyException {
    return new LoyaltyException(LoyaltyExceptionCode.InvalidInput, errors.map((error) => error.message).join('; '), rule, errors);
  }
}
