import { contractErrors } from '@crm/testing';
import { EventFeedQuery } from '@crm/contracts';
import { feedColumnsOf, feedFilters, feedPageSql } from './event-feed.policy';

describe('RET-7 event feed', () => {
  it('stores the type service and aggregate prefixes of an envelope', () => {
    const id = '6b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    expect(feedColumnsOf({ id, type: 'returns.voucher.posted', data: {} })).toMatchObject({
      id,
      type: 'returns.voucher.posted',
      service: 'returns',
      aggregate: 'returns.voucher',
    });
    expect(feedColumnsOf({ id: 'nope', type: 'returns.voucher.posted' })).toBeNull();
    expect(feedColumnsOf({ id, type: 'Returns' })).toBeNull();
    expect(feedColumnsOf('text')).toBeNull();
  });

  it('turns each types= term into one index range', () => {
    expect(feedFilters('returns.*,returns.return.*,complaints.complaint.approved,returns.*')).toEqual([
      { column: 'service', value: 'returns' },
      { column: 'aggregate', value: 'returns.return' },
      { column: 'type', value: 'complaints.complaint.approved' },
    ]);
    expect(feedFilters(undefined)).toEqual([]);
  });

  it('reads ranges in position order with a limit each, never the whole match set', () => {
    const sql = feedPageSql(feedFilters('returns.*,loyalty.points.*'));
    expect(sql).toContain('service = $3 AND position > $1 ORDER BY position LIMIT $2');
    expect(sql).toContain('aggregate = $4 AND position > $1 ORDER BY position LIMIT $2');
    expect(feedPageSql([])).toBe('SELECT position, envelope FROM event_feed WHERE position > $1 ORDER BY position LIMIT $2');
  });

  it.each([
    [{ after: '0', types: 'returns.*', limit: '200' }, true],
    [{ types: 'returns.*,customers.customer.registered' }, true],
    [{ types: 'returns.*;drop' }, false],
    [{ types: 'RETURNS.*' }, false],
    [{ after: '-1' }, false],
    [{ limit: '201' }, false],
  ])('validates the query %j', (query, valid) => {
    expect(contractErrors(EventFeedQuery, query).length === 0).toBe(valid);
  });
});
