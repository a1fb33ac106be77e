import { ROLES, type Role } from './caller';
import type { DomainService } from './services';

/** "Every staff role" of API.md: every role but the tills' `pos` (`admin` passes everywhere anyway). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'pos' && role !== 'admin');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a class of any constructor signature
export type Class<T = unknown> = abstract new (...args: any[]) => T;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One operation of a domain, declared once (STYLE rule 13): its RPC pattern, who may call it
 * (GW-3), the rules it enforces, the payload the service validates and the result it answers,
 * and the route the gateway exposes it on. The gateway's routes and role guard, the service's
 * role check, the roles-matrix test and `docs/roles.md` are all derived from these tables.
 *
 * `P` is the RPC payload (the HTTP body plus path parameters and headers), `R` the answer.
 */
export interface Operation<P = unknown, R = unknown> {
  service: DomainService;
  pattern: string;
  summary: string;
  /** Roles admitted besides `admin`, which may call everything. */
  roles: readonly Role[];
  /**
   * The gateway lets every authenticated key through and the service refuses the roles above
   * itself — for reads whose refusals must be recorded too (CUS-7).
   */
  refusedByService?: boolean;
  rules: readonly string[];
  payload: Class<P>;
  /** Classes documenting the answer; more than one when it is one of several shapes. */
  result: readonly Class[];
  http: {
    method: HttpMethod;
    /** Nest syntax, without the `/api/v1` prefix: `customers/:id/submit`. */
    path: string;
    status: 200 | 201 | 204;
    /** Refusals the domain can answer besides the ones every route has (400, 401, 403, 429, 5xx). */
    problems: readonly number[];
  };
  /** Phantom field carrying the answer's type; never set. */
  readonly answer?: R;
}

/** Declares one operation; `R` defaults to the first result class. */
export function operation<P, R = never>(spec: Omit<Operation<P, R>, 'answer'>): Operation<P, R> {
  return spec;
}

export type OperationTable = Record<string, Operation<unknown, unknown>>;

/** `customers/:id/submit` → `/customers/{id}/submit`, as the OpenAPI document and docs write it. */
export function openApiPath(path: string): string {
  return `/${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
}

/**
 * A query one service asks another over RPC, never routed by the gateway (no `http`): the same
 * declaration as an operation otherwise — pattern, roles, rules, payload and answer.
 */
export type ServiceQuery<P = unknown, R = unknown> = Omit<Operation<P, R>, 'http' | 'refusedByService'>;

export function serviceQuery<P, R = never>(spec: Omit<ServiceQuery<P, R>, 'answer'>): ServiceQuery<P, R> {
  return spec;
}
