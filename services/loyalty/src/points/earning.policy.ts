import { createHash } from 'node:crypto';

/** LOY-4: one point per full 100.00 CNY paid. */
export const FEN_PER_POINT = 10_000;

/** LOY-4: `floor(paid / 100.00)`, paid in fen. */
export function pointsFor(paidFen: number): number {
  return Math.floor(paidFen / FEN_PER_POINT);
}

/** JSON with object keys sorted at every level and `undefined` members left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * LOY-4: what "the same body" means — the SHA-256 of the validated body in canonical JSON, so key
 * order and whitespace (HTTP versus a till's RabbitMQ message) do not make a replay a conflict, while
 * any changed value does.
 */
export function purchaseHash(body: object): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
