/**
 * Bulk-loads DEV-5 sales figures straight into a (bench) customers database, in the shape
 * PutSalesFiguresHandler writes them: `customers` active archives (code `C1999nnnnnn`, a year no
 * real code has), one figure per archive and month for the `months` months up to the previous
 * business month, and the month, quarter and year rows of `customer_sales_totals` the PUT keeps in
 * step (with the previous period's sales) — each with one `INSERT … SELECT generate_series`. Sales 0 … ~10,000,000.00 CNY per month
 * (some 0, so margins skip them), cost 40–99 % of sales; ties are frequent on purpose.
 */
import type { Client } from 'pg';
import { previousBusinessMonth } from './seed-complaints';

/** The last `months` business months up to and including the previous one, oldest first. */
export function benchMonths(months: number, now = new Date()): string[] {
  const last = previousBusinessMonth(now);
  const index = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7)) - 1;
  return Array.from({ length: months }, (_unused, k) => {
    const i = index - (months - 1 - k);
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  });
}

export async function seedSalesFigures(client: Client, customers: number, months: string[]): Promise<void> {
  await client.query(
    `INSERT INTO customers (id, code, type, name, status, confidentiality, grade, content, approved_at, created_by, created_at, updated_at, version)
     SELECT gen_random_uuid(), 'C1999' || lpad(i::text, 6, '0'), 'dealer', 'Key Dealer ' || i, 'active', 'confidential',
            (ARRAY['A','B','C','D'])[1 + i % 4], jsonb_build_object('contacts', jsonb_build_array()), now() - interval '3 years',
            jsonb_build_object('keyId', 'seed', 'name', 'seed'), now() - interval '3 years', now(), 1
       FROM generate_series(1, $1::int) AS i`,
    [customers],
  );
  await client.query(
    `INSERT INTO customer_sales_figures (customer_id, period, sales, cost_of_sales, currency, revision, recorded_by, recorded_at)
     SELECT c.id, m.period, s.sales, s.sales * (40 + (n * 7 + m.k) % 60) / 100, 'CNY', 1,
            '{"keyId": "seed", "name": "erp"}'::jsonb, now()
       FROM (SELECT id, substr(code, 6)::int AS n FROM customers WHERE code LIKE 'C1999%') AS c
      CROSS JOIN LATERAL unnest($1::varchar[]) WITH ORDINALITY AS m(period, k)
      CROSS JOIN LATERAL (SELECT CASE WHEN (n + m.k) % 50 = 0 THEN 0
                                      ELSE ((n * 7919 + m.k * 104729) % 100000) * 10000 END::bigint AS sales) AS s`,
    [months],
  );
  // Each figure counts in its month, quarter and year (current = 1) and is the previous-period
  // sales of the month, quarter and year after them (current = 0), as PutSalesFiguresHandler keeps them.
  await client.query(
    `INSERT INTO customer_sales_totals (period, customer_id, code, figures, sales, cost_of_sales, previous_sales)
     SELECT p.period, f.customer_id, c.code, sum(p.current), sum(p.current * f.sales), sum(p.current * f.cost_of_sales),
            sum((1 - p.current) * f.sales)
       FROM customer_sales_figures f JOIN customers c ON c.id = f.customer_id
      CROSS JOIN LATERAL (SELECT to_date(f.period, 'YYYY-MM') AS d, to_date(f.period, 'YYYY-MM') + interval '3 months' AS q) AS m
      CROSS JOIN LATERAL (VALUES (to_char(m.d, 'YYYY-MM'), 1),
                                 (to_char(m.d, 'YYYY') || '-Q' || to_char(m.d, 'Q'), 1),
                                 (to_char(m.d, 'YYYY'), 1),
                                 (to_char(m.d + interval '1 month', 'YYYY-MM'), 0),
                                 (to_char(m.q, 'YYYY') || '-Q' || to_char(m.q, 'Q'), 0),
                                 (to_char(m.d + interval '1 year', 'YYYY'), 0)) AS p(period, current)
      GROUP BY p.period, f.customer_id, c.code`,
  );
  await client.query('ANALYZE customers');
  await client.query('ANALYZE customer_sales_figures');
  await client.query('ANALYZE customer_sales_totals');
}
