import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE_LIMIT, type EventFeedItem, EventFeedPage, EventFeedQuery } from '@crm/contracts';
import { Roles } from '../auth/roles.decorator';
import { ApiRequestId } from '../openapi/api-headers.decorator';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { feedFilters, feedPageSql } from './event-feed.policy';

/**
 * RET-7 `GET /events?after=&types=&limit=` (finance): every event of the suite in publish order,
 * oldest first, each the envelope plus its strictly increasing `position`. A finance system that lost
 * its queue catches up from the last position it booked.
 */
@ApiTags('events')
@ApiRequestId()
@Controller('events')
export class EventFeedController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('finance')
  @ApiOperation({
    summary: 'RET-7: the event feed — events after a position, oldest first, optionally only some types',
    description: 'Roles: finance, admin. `nextCursor` is the `after` of the next page, null at the end of the feed.',
  })
  @ApiOkResponse({ type: EventFeedPage })
  @ApiProblems(400)
  async page(@Query() query: EventFeedQuery): Promise<EventFeedPage> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const filters = feedFilters(query.types);
    const rows = await this.dataSource.query<{ position: string; envelope: Omit<EventFeedItem, 'position'> }[]>(feedPageSql(filters), [
      query.after ?? 0,
      limit + 1,
      ...filters.map((filter) => filter.value),
    ]);
    const items = rows.slice(0, limit).map((row) => ({ position: Number(row.position), ...row.envelope }));
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].position) : null };
  }
}
