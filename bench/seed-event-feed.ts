/**
 * Bulk-loads the gateway's event feed (RET-7) with `count` envelopes in one `INSERT … SELECT
 * generate_series`: types spread over the four services as a busy suite would publish them — a
 * quarter `returns.*` (of which one in eight a `returns.credit-note.*`), the rest customers,
 * complaints and loyalty — each with a small `data`. The input of the `feed` bench group.
 */
import type { Client } from 'pg';

export const FEED_TYPES = [
  'customers.customer.updated',
  'complaints.complaint.registered',
  'complaints.complaint.accepted',
  'loyalty.points.earned',
  'loyalty.points.earned',
  'returns.return.requested',
  'returns.voucher.posted',
  'loyalty.card.issued',
] as const;

export async function seedEventFeed(client: Client, count: number): Promise<void> {
  await client.query(
    `
    INSERT INTO event_feed (id, type, service, aggregate, envelope)
    SELECT id, type, split_part(type, '.', 1), split_part(type, '.', 1) || '.' || split_part(type, '.', 2),
           jsonb_build_object('id', id, 'type', type, 'version', 1,
             'occurredAt', to_char((now() - (($1 - i) || ' seconds')::interval) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
             'source', split_part(type, '.', 1), 'correlationId', id::text,
             'data', jsonb_build_object('documentId', id, 'number', 'RT-202611-' || lpad((i % 10000)::text, 4, '0'),
                                        'amount', jsonb_build_object('amount', i % 100000, 'currency', 'CNY')))
      FROM (SELECT i, gen_random_uuid() AS id,
                   CASE WHEN i % 64 = 5 THEN 'returns.credit-note.posted' ELSE ($2::text[])[1 + i % 8] END AS type
              FROM generate_series(1, $1) AS i) AS g
    `,
    [count, FEED_TYPES],
  );
  await client.query('ANALYZE event_feed');
}
