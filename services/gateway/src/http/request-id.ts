import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Printable ASCII without spaces, at most 200 characters (SPEC "Conventions"). */
const SANE_REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

/**
 * The correlation id of a request: the caller's `X-Request-Id` when it is sane, otherwise a new
 * UUID. It is echoed on the response, sent with every RPC and written on every log line.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}
