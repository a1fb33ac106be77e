import type { ErrorPayload } from '@crm/errors';

/**
 * The body of every RPC reply on the wire. `erased` names resources whose data the command erased
 * (CUS-9): a caller that keeps copies of earlier answers (the gateway's idempotent replays) must
 * drop them. The service says so; the caller needs no domain knowledge to act on it.
 */
export type RpcReply<T = unknown> = ({ ok: true; data: T } | { ok: false; error: ErrorPayload }) & { erased?: string[] };
