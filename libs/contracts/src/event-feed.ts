import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Int, Text } from './formats';
import { MAX_PAGE_LIMIT } from './page';

/** A feed filter term: an exact type (`returns.voucher.posted`) or a prefix (`returns.*`, `returns.return.*`). */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z-]*(\.[a-z][a-z-]*){0,2}(\.\*)?$/;
/** `types=` is a comma-separated list of at most this many terms. */
export const MAX_EVENT_TYPE_TERMS = 20;
const TYPES_PATTERN = new RegExp(
  `^(${EVENT_TYPE_PATTERN.source.slice(1, -1)})(,(${EVENT_TYPE_PATTERN.source.slice(1, -1)})){0,${MAX_EVENT_TYPE_TERMS - 1}}$`,
);

/** A decimal position in a query string (`after=0`); anything else stays as it came and fails (400). */
function toPosition(value: unknown): unknown {
  return typeof value === 'string' && /^[0-9]{1,15}$/.test(value) ? Number(value) : value;
}

/** `GET /events?after=&types=&limit=` (RET-7): the event feed. */
export class EventFeedQuery {
  @Transform(({ value }: { value: unknown }) => toPosition(value))
  @Int({ optional: true, min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Events after this position (default 0: from the start)' })
  after?: number;

  @Text({
    optional: true,
    max: 1000,
    pattern: TYPES_PATTERN,
    patternRule: 'a comma-separated list of event types or prefixes such as returns.* or returns.return.*',
    description: 'Only these types: exact types and prefixes ending in `.*`, comma-separated (e.g. `returns.*`)',
    example: 'returns.*',
  })
  types?: string;

  @Transform(({ value }: { value: unknown }) => toPosition(value))
  @Int({ optional: true, min: 1, max: MAX_PAGE_LIMIT, description: 'Page size, default 50' })
  limit?: number;
}

/** One feed entry: the event's envelope as published, plus its `position` in the feed. */
export class EventFeedItem {
  @ApiProperty({ type: 'integer', description: 'Strictly increasing across the whole suite, in publish order' }) position: number;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'returns.voucher.posted' }) type: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: string;
  @ApiProperty() source: string;
  @ApiProperty() correlationId: string;
  @ApiProperty({ type: String, required: false }) causationId?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As in docs/asyncapi.yaml for the type' })
  data: Record<string, unknown>;
}

export class EventFeedPage {
  @ApiProperty({ type: [EventFeedItem] }) items: EventFeedItem[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The `after` of the next page (the last position of this one); null when this page reached the end of the feed',
  })
  nextCursor: string | null;
}
