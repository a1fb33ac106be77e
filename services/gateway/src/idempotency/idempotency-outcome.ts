import { RemoteException } from '@crm/errors';
import { UndeliveredCommandError } from '@crm/messaging';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What becomes of an idempotency record when the request failed (GW-6, GW-4):
 * - `store`: a domain service's final refusal (4xx) — replayed like a success;
 * - `release`: nothing can have run — refused by the gateway before the RPC (validation, headers)
 *   or a command that never reached the service (broker down before publishing, unroutable) —
 *   the key is freed for a retry;
 * - `keep`: the command may have run or may still commit (504/timeout, connection lost after
 *   publishing, a 5xx reply): the record stays in progress, so a retry is 409 until the lock
 *   (2 × RPC timeout + 5 s) expires, and only then may run again.
 */
export function settlementOf(error: unknown, status: number): 'store' | 'release' | 'keep' {
  if (error instanceof UndeliveredCommandError) return 'release';
  if (error instanceof RemoteException) return status < 500 ? 'store' : 'keep';
  // Every POST handler makes exactly one RPC, last; a local error is one raised before it
  // (pipes, headers) — or, on `/destruction-approvals`, after it while forgetting records, where
  // a retry is refused by the service (410) and forgets them again.
  return 'release';
}

/**
 * CUS-9: the resource a stored answer is about, so its records can be forgotten once the
 * resource is destroyed: the answer's UUID `id`, else the route's `:id`.
 */
export function resourceIdOf(body: unknown, params: unknown): string | null {
  const id = body && typeof body === 'object' ? (body as { id?: unknown }).id : undefined;
  if (typeof id === 'string' && UUID.test(id)) return id.toLowerCase();
  const param = params && typeof params === 'object' ? (params as { id?: unknown }).id : undefined;
  if (typeof param === 'string' && UUID.test(param)) return param.toLowerCase();
  return null;
}
