import { Transform } from 'class-transformer';
import { Int, Text } from './formats';

/** Cursor pagination as API.md "Lists" describes it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/**
 * A query number written in decimal digits only; anything else (`0x10`, `1e2`, ` 5`, `+5`) stays
 * as it came and fails the integer rule (400) instead of being read as JavaScript would.
 */
export function toDecimalInteger(value: unknown): unknown {
  return typeof value === 'string' && /^[0-9]{1,9}$/.test(value) ? Number(value) : value;
}

/** API.md "Lists": `?limit=` (default 50, max 200) and `?cursor=`. */
export class PageQuery {
  @Transform(({ value }: { value: unknown }) => toDecimalInteger(value))
  @Int({ optional: true, min: 1, max: MAX_PAGE_LIMIT, description: `Page size, default ${DEFAULT_PAGE_LIMIT}` })
  limit?: number;

  @Text({ optional: true, max: 500, description: 'Opaque cursor: the `nextCursor` of the previous page' })
  cursor?: string;
}
