import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '@crm/contracts';

/** API.md "Lists": default 50, at most 200; `null` when the requested limit is out of range. */
export function pageLimit(requested: number | undefined): number | null {
  if (requested === undefined) return DEFAULT_PAGE_LIMIT;
  return Number.isInteger(requested) && requested >= 1 && requested <= MAX_PAGE_LIMIT ? requested : null;
}

/** A `q` term for ILIKE, matched literally: `%`, `_` and the escape character itself are escaped. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
