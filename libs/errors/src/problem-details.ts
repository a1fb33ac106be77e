import { ErrorKind, httpStatusOf, titleOf } from './error-kind';
import { ErrorPayload, FieldError } from './domain.exception';

/** RFC 9457 problem details, as every gateway error is answered (GW-5). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  rule?: string;
  errors?: FieldError[];
  requestId?: string;
}

export const PROBLEM_TYPE_BASE = 'https://crm.example.com/problems/';

export function problemFromPayload(payload: ErrorPayload, requestId?: string): ProblemDetails {
  return {
    type: `${PROBLEM_TYPE_BASE}${payload.kind.replace(/_/g, '-')}`,
    title: titleOf(payload.kind),
    status: httpStatusOf(payload.kind),
    detail: payload.message,
    code: payload.code,
    ...(payload.rule ? { rule: payload.rule } : {}),
    ...(payload.errors?.length ? { errors: payload.errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

export function problem(kind: ErrorKind, code: string, detail: string, extra: Partial<ErrorPayload> = {}): ErrorPayload {
  return { kind, code, message: detail, ...extra };
}

/** Members an error drags along that must never reach a caller: stacks, SQL, driver details (GW-5). */
const INTERNAL_MEMBERS = new Set(['stack', 'name', 'cause', 'query', 'parameters', 'driverError', 'sql']);

/**
 * GW-5, issue 11: what of an error may leave the system. An internal error is only "Internal error"
 * (its details are for the log); a refusal keeps its code, rule, field errors and extensions (e.g.
 * CUS-9's tombstone) but loses any stack, SQL or driver member that rode along on the thrown value.
 */
export function publicPayload<P extends ErrorPayload>(payload: P): ErrorPayload {
  if (payload.kind === ErrorKind.Internal) return { kind: ErrorKind.Internal, code: 'INTERNAL_ERROR', message: 'Internal error' };
  const kept = Object.entries(payload).filter(([name]) => !INTERNAL_MEMBERS.has(name));
  return {
    ...Object.fromEntries(kept),
    kind: payload.kind,
    code: String(payload.code),
    message: String(payload.message ?? ''),
  } as ErrorPayload;
}
