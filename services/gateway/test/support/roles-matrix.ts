import { randomUUID } from 'node:crypto';
import { type Operation, ROLES, type Role } from '@crm/contracts';
import { GatewayHarness, type TestKey } from './gateway-harness';
import type { FakeService } from './fake-service';

/** A valid request of one operation: what the route needs besides the path id. */
export interface RouteSample {
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  query?: string;
  /** Values of path parameters other than the id (`:cardNumber`, `:period`); the rest get the id. */
  params?: Record<string, string>;
}

export interface RouteCase extends RouteSample {
  name: string;
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: (id: string) => string;
  /** Roles the gateway admits besides admin. */
  roles: readonly Role[];
  /** Roles the operation admits besides admin: the gateway's, or the service's own check (CUS-7). */
  allowed: readonly Role[];
  pattern: string;
}

/**
 * GW-3 cases of a domain's routes, read from its operation table (libs/contracts) — the table the
 * gateway's guard and the service's role checks read too. `samples` is typed by the table, so a new
 * operation does not compile until it has a sample. Operations the service refuses itself (CUS-7)
 * let every key through the gateway.
 */
export function routeCases<T extends Record<string, Operation<unknown, unknown>>>(
  table: T,
  samples: Record<keyof T, RouteSample>,
): RouteCase[] {
  return Object.entries(table).map(([name, operation]) => {
    const sample = samples[name as keyof T];
    return {
      name,
      ...sample,
      method: operation.http.method.toLowerCase() as RouteCase['method'],
      path: (id: string) =>
        `/api/v1/${operation.http.path.replace(/:([A-Za-z]+)/g, (_, param: string) => sample.params?.[param] ?? id)}${sample.query ?? ''}`,
      roles: operation.refusedByService ? ROLES : operation.roles,
      allowed: operation.roles,
      pattern: operation.pattern,
    };
  });
}

/** Sends one case as `key` (a fresh id unless given). */
export function callRoute(harness: GatewayHarness, route: RouteCase, key: TestKey, id: string = randomUUID()) {
  let request = harness.http()[route.method](route.path(id)).set(key.auth);
  for (const [name, value] of Object.entries(route.headers ?? {})) request = request.set(name, value);
  return route.body ? request.send(route.body) : request;
}

/** Every case × every role: admitted roles (and admin) get past the gateway, the others get 403. */
export async function roleMismatches(harness: GatewayHarness, cases: RouteCase[], keys: Map<Role, TestKey>): Promise<string[]> {
  const mismatches: string[] = [];
  for (const route of cases) {
    for (const role of ROLES) {
      const response = await callRoute(harness, route, keys.get(role)!);
      const allowed = role === 'admin' || route.roles.includes(role);
      if (allowed ? response.status >= 300 : response.status !== 403) {
        mismatches.push(`${route.method.toUpperCase()} ${route.path(':id')} as ${role}: ${response.status}`);
      }
    }
  }
  return mismatches;
}

/**
 * The gateway in front of a stand-in for one domain service that answers every operation of `table`
 * (`{items: [], nextCursor: null}` for the `lists`, else the path id with `status`), and one key per role.
 */
export async function startRoutesHarness(
  purpose: string,
  service: string,
  table: Record<string, Operation<unknown, unknown>>,
  options: { lists: readonly Operation<unknown, unknown>[]; status: string },
): Promise<{ harness: GatewayHarness; fake: FakeService; keys: Map<Role, TestKey> }> {
  const harness = await GatewayHarness.start(purpose);
  const answer = (payload: unknown) => ({ id: (payload as { id?: string }).id ?? randomUUID(), version: 1, status: options.status });
  const fake = await harness.fake(
    service,
    Object.fromEntries(
      Object.values(table).map((operation) => [
        operation.pattern,
        options.lists.includes(operation) ? () => ({ items: [], nextCursor: null }) : answer,
      ]),
    ),
  );
  const keys = new Map<Role, TestKey>();
  for (const role of ROLES) {
    keys.set(role, await harness.createKey(`${role}-key`, [role], 'confidential', role === 'pos' ? { storeId: 'S1' } : {}));
  }
  return { harness, fake, keys };
}
