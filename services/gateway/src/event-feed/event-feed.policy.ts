import { EVENT_TYPE_PATTERN } from '@crm/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FeedColumns {
  id: string;
  type: string;
  /** `returns` of `returns.voucher.posted`. */
  service: string;
  /** `returns.voucher` of `returns.voucher.posted`. */
  aggregate: string;
  envelope: string;
}

/** The columns of an event envelope in `event_feed`, or null when the message is not an envelope. */
export function feedColumnsOf(envelope: unknown): FeedColumns | null {
  if (typeof envelope !== 'object' || envelope === null) return null;
  const { id, type } = envelope as { id?: unknown; type?: unknown };
  if (typeof id !== 'string' || !UUID.test(id) || typeof type !== 'string' || !/^[a-z][a-z-]*\.[a-z][a-z-]*\.[a-z][a-z-]*$/.test(type))
    return null;
  const [service, aggregate] = type.split('.');
  return { id, type, service, aggregate: `${service}.${aggregate}`, envelope: JSON.stringify(envelope) };
}

/** One `types=` term, as the column and value its index range is read by. */
export interface FeedFilter {
  column: 'service' | 'aggregate' | 'type';
  value: string;
}

/**
 * `types=returns.*,loyalty.points.*,customers.customer.registered` → one index range per term:
 * `returns.*` → (service, position), `loyalty.points.*` → (aggregate, position), an exact type →
 * (type, position). Duplicate terms collapse. The contract has checked the syntax already.
 */
export function feedFilters(types: string | undefined): FeedFilter[] {
  if (!types) return [];
  const filters = new Map<string, FeedFilter>();
  for (const term of types.split(',')) {
    if (!EVENT_TYPE_PATTERN.test(term)) continue;
    const prefix = term.endsWith('.*');
    const segments = (prefix ? term.slice(0, -2) : term).split('.');
    const filter: FeedFilter =
      !prefix && segments.length === 3
        ? { column: 'type', value: term }
        : segments.length === 1
          ? { column: 'service', value: segments[0] }
          : segments.length === 2
            ? { column: 'aggregate', value: segments.join('.') }
            : { column: 'type', value: segments.join('.') }; // `a.b.c.*` = the type a.b.c itself
    filters.set(`${filter.column}:${filter.value}`, filter);
  }
  return [...filters.values()];
}

/**
 * The page query: without filters one range of the primary key; with filters, one `ORDER BY position
 * LIMIT n` range per term on its (column, position) index, merged — so a page reads at most
 * terms × (limit + 1) index entries however large the feed, never sorting the matches.
 * `$1` = after, `$2` = limit + 1, `$3…` = the filter values.
 */
export function feedPageSql(filters: readonly FeedFilter[]): string {
  if (!filters.length) {
    return 'SELECT position, envelope FROM event_feed WHERE position > $1 ORDER BY position LIMIT $2';
  }
  const ranges = filters.map(
    (filter, index) =>
      `(SELECT position FROM event_feed WHERE ${filter.column} = $${index + 3} AND position > $1 ORDER BY position LIMIT $2)`,
  );
  return `SELECT f.position, f.envelope FROM event_feed f
    JOIN (SELECT DISTINCT position FROM (${ranges.join(' UNION ALL ')}) AS hits ORDER BY position LIMIT $2) AS page USING (position)
    ORDER BY f.position`;
}
