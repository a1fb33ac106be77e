import { DomainException, ErrorKind, type FieldError } from '@crm/errors';

/** Refusals the gateway itself makes (STYLE rule 7: one exception class, one code enum). */
export enum GatewayErrorCode {
  ApiKeyMissing = 'API_KEY_MISSING',
  ApiKeyInvalid = 'API_KEY_INVALID',
  ApiKeyExpired = 'API_KEY_EXPIRED',
  RoleForbidden = 'ROLE_FORBIDDEN',
  RouteWithoutRoles = 'ROUTE_WITHOUT_ROLES',
  RateLimited = 'RATE_LIMITED',
  InvalidHeader = 'INVALID_HEADER',
  InvalidId = 'INVALID_ID',
  InvalidBody = 'INVALID_BODY',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyInProgress = 'IDEMPOTENCY_IN_PROGRESS',
  ApiKeyNotFound = 'API_KEY_NOT_FOUND',
  NotReady = 'NOT_READY',
}

const KINDS: Record<GatewayErrorCode, ErrorKind> = {
  [GatewayErrorCode.ApiKeyMissing]: ErrorKind.Unauthenticated,
  [GatewayErrorCode.ApiKeyInvalid]: ErrorKind.Unauthenticated,
  [GatewayErrorCode.ApiKeyExpired]: ErrorKind.Unauthenticated,
  [GatewayErrorCode.RoleForbidden]: ErrorKind.Forbidden,
  [GatewayErrorCode.RouteWithoutRoles]: ErrorKind.Forbidden,
  [GatewayErrorCode.RateLimited]: ErrorKind.RateLimited,
  [GatewayErrorCode.InvalidHeader]: ErrorKind.Invalid,
  [GatewayErrorCode.InvalidId]: ErrorKind.Invalid,
  [GatewayErrorCode.InvalidBody]: ErrorKind.Invalid,
  [GatewayErrorCode.IdempotencyKeyReused]: ErrorKind.RuleViolation,
  [GatewayErrorCode.IdempotencyInProgress]: ErrorKind.Conflict,
  [GatewayErrorCode.ApiKeyNotFound]: ErrorKind.NotFound,
  [GatewayErrorCode.NotReady]: ErrorKind.Unavailable,
};

export interface GatewayExceptionOptions {
  rule?: string;
  errors?: FieldError[];
  /** Response headers the refusal needs (`Retry-After`, `WWW-Authenticate`). */
  headers?: Record<string, string>;
  /** RFC 9457 extension members (e.g. the services a readiness probe found down). */
  extensions?: Record<string, unknown>;
}

export class GatewayException extends DomainException {
  readonly kind: ErrorKind;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;

  constructor(code: GatewayErrorCode, message: string, options: GatewayExceptionOptions = {}) {
    super(code, message, options.rule, options.errors);
    this.kind = KINDS[code];
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  /** A malformed or missing header, named as the field (GW-5 field-level errors). */
  static invalidHeader(header: string, message: string): GatewayException {
    return new GatewayException(GatewayErrorCode.InvalidHeader, `${header}: ${message}`, { errors: [{ field: header, message }] });
  }

  static unauthenticated(code: GatewayErrorCode, message: string): GatewayException {
    return new GatewayException(code, message, { headers: { 'WWW-Authenticate': 'Bearer realm="crm"' } });
  }
}
