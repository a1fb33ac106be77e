import { createHash } from 'node:crypto';

/** A UUID-shaped id (version 8, RFC 9562 "custom") from a SHA-256 of `parts`: same parts, same id. */
function uuidFrom(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\n')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * GW-6 beyond the gateway's own record: the message id of the `sequence`-th command a request under
 * an `Idempotency-Key` sends, from its record's seed (`idempotency_records.command_seed`). A retry
 * that takes the record over (after a 504, a lost reply or a gateway that died mid-request) sends
 * the same ids, which the service's command inbox answers with their first result instead of
 * applying them again; a new record (expired, or forgotten after a CUS-9 destruction) has a new seed.
 */
export function commandIdFor(seed: string, service: string, pattern: string, sequence: number): string {
  return uuidFrom('command', seed, service, pattern, String(sequence));
}
