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
