/**
 * Opaque keyset cursors (API.md "Lists"): the key fields of the last row served, base64url-encoded
 * behind a version tag so the format can change without clients noticing. Order lists by a unique
 * key (e.g. `seq`, a database identity; or a timestamp plus a unique tie-breaker) so pages never
 * skip or repeat rows that share a sort value. Decoding validates every field by its kind, so a
 * forged cursor is refused (`null`, answer 400) before it reaches SQL.
 */
export type CursorFieldKind = 'seq' | 'integer' | 'uuid' | 'timestamp' | 'text';

const FIELD_PATTERNS: Record<CursorFieldKind, RegExp> = {
  /** A positive bigint as PostgreSQL returns it (a string), no leading zeros. */
  seq: /^[1-9]\d{0,17}$/,
  integer: /^-?(0|[1-9]\d{0,17})$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  /** ISO-8601 UTC with milliseconds, as `Date.toISOString()` prints it. */
  timestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  text: /^[^\0]{0,200}$/u,
};

export type CursorPosition<TFields extends Record<string, CursorFieldKind>> = { [K in keyof TFields]: string };

export class PageCursor<TFields extends Record<string, CursorFieldKind>> {
  private readonly names: (keyof TFields & string)[];
  private readonly maxLength: number;

  constructor(
    private readonly fields: TFields,
    private readonly version = 'v1',
  ) {
    this.names = Object.keys(fields);
    if (!this.names.length) throw new Error('A cursor needs at least one key field');
    if (!/^v\d{1,3}$/.test(version)) throw new Error(`Invalid cursor version "${version}"`);
    this.maxLength = 64 + this.names.reduce((sum, name) => sum + (fields[name] === 'text' ? 1200 : 100), 0);
  }

  encode(position: CursorPosition<TFields>): string {
    const values = this.names.map((name) => encodeURIComponent(position[name]));
    return Buffer.from(`${this.version}:${values.join(':')}`, 'utf8').toString('base64url');
  }

  /** The position encoded in a cursor, or `null` when the cursor is not one of ours. */
  decode(cursor: string): CursorPosition<TFields> | null {
    if (cursor.length < 1 || cursor.length > this.maxLength || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
    const [version, ...values] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
    if (version !== this.version || values.length !== this.names.length) return null;
    const position = {} as CursorPosition<TFields>;
    for (const [index, name] of this.names.entries()) {
      let value: string;
      try {
        value = decodeURIComponent(values[index]);
      } catch {
        return null;
      }
      if (!FIELD_PATTERNS[this.fields[name]].test(value)) return null;
      if (this.fields[name] === 'timestamp' && Number.isNaN(Date.parse(value))) return null;
      position[name] = value;
    }
    return position;
  }

  /** Splits rows fetched with `limit + 1` into a page and the cursor after its last row. */
  page<TRow, TItem>(
    rows: TRow[],
    limit: number,
    positionOf: (row: TRow) => CursorPosition<TFields>,
    map: (row: TRow) => TItem,
  ): { items: TItem[]; nextCursor: string | null } {
    const page = rows.slice(0, limit);
    const nextCursor = rows.length > limit && page.length > 0 ? this.encode(positionOf(page[page.length - 1])) : null;
    return { items: page.map(map), nextCursor };
  }
}

/** The common case: lists ordered by a `seq` identity column (newest first or oldest first). */
export const seqCursor = new PageCursor({ seq: 'seq' });

export function encodeCursor(seq: string): string {
  return seqCursor.encode({ seq });
}

/** The `seq` encoded in a cursor, or `null` when the cursor is not one of ours. */
export function decodeCursor(cursor: string): string | null {
  return seqCursor.decode(cursor)?.seq ?? null;
}

/** `seqCursor.page` for rows that carry their `seq`. */
export function toPage<TRow extends { seq: string }, TItem>(
  rows: TRow[],
  limit: number,
  map: (row: TRow) => TItem,
): { items: TItem[]; nextCursor: string | null } {
  return seqCursor.page(rows, limit, (row) => ({ seq: row.seq }), map);
}
