/**
 * Bulk-loads customer archives straight into a (bench) customers database, in the shape the API
 * writes them (RegisterCustomerHandler + the workflow commands): one `INSERT … SELECT
 * generate_series`, so 100,000 rows take seconds rather than 100,000 requests.
 *
 * Mix: ~70% active (code, grade, a review date; ~5% of those overdue), the rest prospects,
 * pending approval, dormant, rejected and destroyed tombstones (CUS-9: no name, no content).
 * Names are combinations of realistic words; `RARE_TERM` appears in a handful of names and
 * `NO_MATCH_TERM` in none.
 */
import type { Client } from 'pg';

export const RARE_TERM = 'quokka';
export const NO_MATCH_TERM = 'zqxj';

const CITIES = [
  'Hangzhou',
  'Shanghai',
  'Ningbo',
  'Suzhou',
  'Wuxi',
  'Shenzhen',
  'Guangzhou',
  'Foshan',
  'Xiamen',
  'Qingdao',
  'Tianjin',
  'Chengdu',
  'Wuhan',
  'Nanjing',
  'Hefei',
  'Changsha',
  'Jinan',
  'Dalian',
  'Kunming',
  'Fuzhou',
];
const WORDS = [
  'Golden',
  'Evergreen',
  'Harmony',
  'Sunrise',
  'Pacific',
  'Lotus',
  'Jade',
  'Phoenix',
  'Bright Star',
  'Silver River',
  'Oriental',
  'Great Wall',
  'Prosper',
  'Unity',
  'Summit',
  'Crystal',
  'Panda',
  'Red Maple',
  'Blue Ocean',
  'Dragon Gate',
  'Fortune',
  'Heritage',
  'Pioneer',
  'Rainbow',
  'Zenith',
];
const TRADES = [
  'Appliances',
  'Electronics',
  'Home Goods',
  'Trading',
  'Kitchenware',
  'Lighting',
  'Furniture',
  'Retail',
  'Distribution',
  'Household Electric',
  'Air Conditioning',
  'Refrigeration',
  'Logistics',
];
const SUFFIXES = ['Co., Ltd.', 'Group', 'Trading Co.', 'Holdings', 'Store', 'Supply Chain Co.', 'Industrial Co.'];
const GIVEN = ['Wei', 'Fang', 'Jing', 'Lei', 'Min', 'Yan', 'Hui', 'Qiang', 'Xiu', 'Tao', 'Ling', 'Jun', 'Hong', 'Ping', 'Bo'];
const FAMILY = ['Li', 'Wang', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Hu', 'Zhu', 'Gao'];

const array = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/** Appends `count` archives (newest last, one every 15 minutes: 100,000 span about three years). */
export async function seedArchives(client: Client, count: number): Promise<void> {
  // Row-by-row trigram index maintenance (fastupdate off, as the migration sets it) makes a bulk
  // load ~4x slower; load through GIN's pending list instead and let VACUUM merge it in bulk. The
  // indexes end up with the same entries and their setting back as the migration left it.
  const { rows } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relname IN ('customers_name_trgm', 'customers_code_trgm')`,
  );
  const trigramIndexes = rows.map((row) => row.name);
  for (const index of trigramIndexes) await client.query(`ALTER INDEX ${index} SET (fastupdate = on)`);
  await client.query(
    `
    WITH g AS (
      SELECT i,
             CASE WHEN i % 20 = 19 THEN 'destroyed'
                  WHEN i % 20 = 14 THEN 'prospect'
                  WHEN i % 20 = 15 THEN 'pending_approval'
                  WHEN i % 20 = 16 THEN 'dormant'
                  WHEN i % 20 = 17 THEN 'rejected'
                  ELSE 'active' END AS status,
             (ARRAY['enterprise','dealer','retailer','individual'])[1 + i % 4] AS type,
             now() - make_interval(mins => 15 * ($1 - i)) AS at
        FROM generate_series(1, $1::int) AS i
    ), n AS (
      SELECT g.*,
             CASE WHEN g.type = 'individual'
                  THEN (${array(FAMILY)})[1 + (i * 7) % ${FAMILY.length}] || ' ' || (${array(GIVEN)})[1 + (i * 11) % ${GIVEN.length}]
                  ELSE (${array(CITIES)})[1 + (i * 7) % ${CITIES.length}] || ' ' ||
                       CASE WHEN i % 20000 = 6 THEN 'Quokka ' ELSE '' END ||
                       (${array(WORDS)})[1 + (i * 13) % ${WORDS.length}] || ' ' ||
                       (${array(TRADES)})[1 + (i * 17) % ${TRADES.length}] || ' ' ||
                       (${array(SUFFIXES)})[1 + (i * 3) % ${SUFFIXES.length}]
             END AS full_name
        FROM g
    )
    INSERT INTO customers (id, code, type, name, status, confidentiality, grade, credit_rating, content,
                           first_contact_at, archive_due_by, created_late, survey, approved_by, approved_at,
                           last_reviewed_at, next_review_due_at, dormant_at, dormant_reason, destroyed_at,
                           created_by, created_at, updated_at, version)
    SELECT gen_random_uuid(),
           CASE WHEN status IN ('active', 'dormant', 'destroyed') THEN 'C' || (2020 + i % 7)::text || lpad(i::text, 6, '0') END,
           type,
           CASE WHEN status = 'destroyed' THEN NULL ELSE full_name END,
           status,
           (ARRAY['confidential','confidential','confidential','confidential','confidential','confidential','confidential',
                  'secret','secret','top_secret'])[1 + i % 10],
           CASE WHEN status IN ('active', 'dormant') THEN (ARRAY['A','B','C','D'])[1 + (i * 3) % 4] END,
           CASE WHEN status IN ('active', 'dormant') THEN (ARRAY['A','B','C','D'])[1 + (i * 5) % 4] END,
           CASE WHEN status = 'destroyed' THEN NULL ELSE jsonb_build_object(
             'industry', 'appliances',
             'employees', 20 + i % 5000,
             'address', jsonb_build_object('line1', (i % 900 + 1)::text || ' Wensan Road', 'city', 'Hangzhou', 'country', 'CN'),
             'contacts', jsonb_build_array(
               jsonb_build_object('name', 'Li Wei', 'phone', '+86 571 8888 ' || lpad((i % 10000)::text, 4, '0'),
                                  'email', 'buyer' || i || '@example.cn', 'keyPerson', true),
               jsonb_build_object('name', 'Chen Jing', 'phone', '+86 571 6666 ' || lpad((i % 10000)::text, 4, '0'),
                                  'email', 'finance' || i || '@example.cn', 'keyPerson', false)),
             'notes', repeat('Prefers delivery before the 20th; pays on 60 days. ', 8)) END,
           at - interval '2 days',
           at + interval '5 days',
           false,
           CASE WHEN status IN ('pending_approval', 'active', 'dormant', 'rejected') THEN jsonb_build_object(
             'generalSurvey', 'Showroom and warehouse visited; stock turnover healthy.',
             'fieldSurvey', 'Two outlets, 14 staff.', 'submittedAt', at,
             'submittedBy', jsonb_build_object('keyId', 'seed', 'name', 'seed')) END,
           CASE WHEN status IN ('active', 'dormant') THEN jsonb_build_object('keyId', 'seed-manager', 'name', 'seed') END,
           CASE WHEN status IN ('active', 'dormant') THEN at + interval '1 hour' END,
           NULL,
           -- CUS-8: due within the next 3 months; about 5% of active archives are past their review date.
           CASE WHEN status = 'active' THEN now() + make_interval(days => (i * 37) % 92 - 5) END,
           CASE WHEN status = 'dormant' THEN at + interval '1 day' END,
           CASE WHEN status = 'dormant' THEN 'No orders for a year' END,
           CASE WHEN status = 'destroyed' THEN at + interval '1 day' END,
           jsonb_build_object('keyId', 'seed', 'name', 'seed'),
           at, at, 1 + i % 3
      FROM n
    `,
    [count],
  );
  // What autovacuum would do after a bulk load: statistics for the planner, visibility map,
  // and the pending list merged into the trigram indexes.
  await client.query('VACUUM ANALYZE customers');
  for (const index of trigramIndexes) await client.query(`ALTER INDEX ${index} SET (fastupdate = off)`);
}
