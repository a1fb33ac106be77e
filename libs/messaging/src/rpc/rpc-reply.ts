import type { ErrorPayload } from '@crm/errors';

/** The body of every RPC reply on the wire. */
export type RpcReply<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorPayload };
