/**
 * Opaque list cursors (API.md "Lists"): the `seq` of the last item served, base64url-encoded with a
 * version tag so the format can change without clients noticing. Rows are ordered by `seq`, a
 * database identity, so pages never skip or repeat rows that share a timestamp.
 */
const VERSION = 'v1';

export function encodeCursor(seq: string): string {
  return Buffer.from(`${VERSION}:${seq}`, 'utf8').toString('base64url');
}

/** The position encoded in a cursor, or `null` when the cursor is not one of ours. */
export function decodeCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return null;
  const match = /^v1:([1-9]\d{0,17})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? match[1] : null;
}

/** Splits one over-fetched row (limit + 1) into a page and its next cursor. */
export function toPage<TRow extends { seq: string }, TItem>(
  rows: TRow[],
  limit: number,
  map: (row: TRow) => TItem,
): { items: TItem[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const nextCursor = rows.length > limit && page.length > 0 ? encodeCursor(page[page.length - 1].seq) : null;
  return { items: page.map(map), nextCursor };
}
