/**
 * Bulk-loads complaints of one business month straight into a (bench) complaints database, in the
 * shape the service writes them (RegisterComplaintHandler + the workflow steps): one `INSERT …
 * SELECT generate_series`, so 100,000 rows take seconds rather than 100,000 requests — the
 * input of the CMP-13 monthly report scenario.
 *
 * Mix per 20 records: 2 registered, 1 accepted, 2 investigating, 1 proposed, 1 approved,
 * 2 resolved (follow-up pending), 9 closed (rated follow-up), 2 rejected (CMP-3 reasons, some
 * malicious); ~10% major; kinds, channels and categories spread; due times as CMP-9 plans them
 * (approximated in wall-clock: 30 min, 1, 3, 3 and 4 days); some steps late, so on-time rates are
 * not 1; a penalty (CMP-11, 200.00–1,500.00 CNY) on two thirds of the records with findings.
 * No superseded records (they need a second, linked row). ~0.6 KB of content each.
 *
 * CMP-1 numbers are `CP-YYYYMM-NNNN`: four digits cannot number 100,000 records of one month, so
 * the bench numbers them `CP-9xxxxx-NNNN` (same format and unique index, not a real month).
 */
import type { Client } from 'pg';

/** The business month (Asia/Shanghai) before the current one, `YYYY-MM`: its report is final. */
export function previousBusinessMonth(now = new Date()): string {
  const shanghai = new Date(now.getTime() + 8 * 3600 * 1000);
  const first = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

/** Appends `count` complaints registered evenly over `month` (`YYYY-MM`, Asia/Shanghai). */
export async function seedComplaints(client: Client, count: number, month: string): Promise<void> {
  await client.query(
    `
    WITH bounds AS (
      SELECT ($2 || '-01 00:00:00 Asia/Shanghai')::timestamptz AS start,
             (($2 || '-01')::date + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai' AS stop
    ), g AS (
      SELECT i,
             b.start + (b.stop - b.start) * ((i - 1)::float8 / $1) AS at,
             CASE WHEN i % 20 IN (0, 1) THEN 'registered'
                  WHEN i % 20 = 2 THEN 'accepted'
                  WHEN i % 20 IN (3, 4) THEN 'investigating'
                  WHEN i % 20 = 5 THEN 'proposed'
                  WHEN i % 20 = 6 THEN 'approved'
                  WHEN i % 20 IN (7, 8) THEN 'resolved'
                  WHEN i % 20 IN (17, 18) THEN 'rejected'
                  ELSE 'closed' END AS status,
             (ARRAY['packing', 'production', 'logistics', 'sales', 'service'])[1 + (i * 7) % 5] AS department,
             (ARRAY['very_satisfied', 'satisfied', 'satisfied', 'average', 'poor'])[1 + (i * 3) % 5] AS level
        FROM generate_series(1, $1::int) AS i, bounds b
    ), s AS (
      SELECT g.*,
             status NOT IN ('registered') AS acknowledged,
             status IN ('investigating', 'proposed', 'approved', 'resolved', 'closed') AS assigned,
             status IN ('proposed', 'approved', 'resolved', 'closed') AS found,
             status IN ('resolved', 'closed') AS resolved,
             -- some steps late: acknowledged after 10–59 minutes, resolved after 1–5 days
             at + make_interval(mins => 10 + i % 50) AS ack_at,
             at + make_interval(hours => 2 + i % 40) AS proposal_at,
             at + make_interval(hours => 20 + (i * 13) % 100) AS resolved_at
        FROM g
    )
    INSERT INTO complaints (id, number, kind, channel, category, severity, status, customer_id, invalid_reason, malicious,
                            escalated_to, escalation_level, occurred_at, details,
                            acknowledge_due_at, first_proposal_due_at, investigation_due_at, resolution_due_at, follow_up_due_at,
                            acknowledge_warn_at, first_proposal_warn_at, investigation_warn_at, resolution_warn_at, follow_up_warn_at,
                            acknowledged_at, assignment, findings, first_proposal_at, proposal, approval, resolution, resolved_at,
                            follow_ups, closed_at, retain_until, created_by, created_at, updated_at, version)
    SELECT gen_random_uuid(),
           'CP-9' || lpad((i / 10000)::text, 5, '0') || '-' || lpad((i % 10000)::text, 4, '0'),
           (ARRAY['complaint', 'complaint', 'complaint', 'inquiry', 'suggestion'])[1 + i % 5],
           (ARRAY['phone', 'written', 'in_person', 'online', 'forwarded'])[1 + (i * 3) % 5],
           (ARRAY['quality', 'quality', 'non_quality', 'service', 'business', 'other'])[1 + (i * 5) % 6],
           CASE WHEN NOT acknowledged THEN NULL WHEN i % 10 = 3 THEN 'major' ELSE 'general' END,
           status,
           CASE WHEN i % 3 = 0 THEN NULL ELSE gen_random_uuid() END,
           CASE WHEN status = 'rejected' THEN (ARRAY['facts_contradicted', 'beyond_commitment', 'provocation',
             'anonymous_unsubstantiated', 'unverifiable', 'late_service_complaint'])[1 + (i / 20) % 6] END,
           CASE WHEN status = 'rejected' THEN i % 7 = 0 END,
           CASE WHEN acknowledged AND i % 10 = 3 THEN 'executive' END,
           CASE WHEN acknowledged AND i % 10 = 3 THEN 2 ELSE i % 2 END,
           at - interval '3 days',
           jsonb_build_object(
             'complainant', jsonb_build_object('name', 'Wang Fang', 'phone', '+86 138 0013 ' || lpad((i % 10000)::text, 4, '0')),
             'subject', 'Leaking tea tins, order SO-' || i,
             'description', repeat('Three of twenty tins arrived with broken seals. ', 6),
             'demand', 'Replace or refund',
             'product', jsonb_build_object('orderNo', 'SO-' || i, 'sku', 'TEA-500G', 'batchNo', 'B-' || i % 97,
                                           'shippedAt', '2026-10-30', 'quantity', 20, 'defectiveQuantity', 3)),
           at + interval '30 minutes', at + interval '1 day', at + interval '3 days', at + interval '3 days', at + interval '4 days',
           at + interval '22 minutes 30 seconds', at + interval '18 hours', at + interval '54 hours', at + interval '54 hours', at + interval '90 hours',
           CASE WHEN acknowledged THEN ack_at END,
           CASE WHEN assigned THEN jsonb_build_object('department', department, 'assignee', 'Zhao Lei', 'at', ack_at + interval '1 hour',
                                                      'by', jsonb_build_object('keyId', 'seed', 'name', 'seed')) END,
           CASE WHEN found THEN jsonb_build_object(
             'rootCause', 'seal machine mis-set', 'ourFault', i % 3 <> 0, 'responsibleDepartment', department,
             'responsiblePerson', 'Zhao Lei', 'correctiveAction', NULL, 'preventiveAction', NULL,
             'penalty', CASE WHEN i % 3 <> 0 THEN jsonb_build_object(
               'amount', jsonb_build_object('amount', 20000 + (i * 100) % 130001, 'currency', 'CNY'),
               'kpiPoints', 1, 'department', department, 'person', 'Zhao Lei') END,
             'at', proposal_at, 'by', jsonb_build_object('keyId', 'seed', 'name', 'seed')) END,
           CASE WHEN found THEN proposal_at END,
           CASE WHEN found THEN jsonb_build_object('resolution', 'compensation',
             'amount', jsonb_build_object('amount', 10000 + i % 90000, 'currency', 'CNY'), 'lines', '[]'::jsonb, 'purchaseRef', NULL,
             'note', NULL, 'value', jsonb_build_object('amount', 10000 + i % 90000, 'currency', 'CNY'), 'approvalBy', 'manager',
             'at', proposal_at, 'by', jsonb_build_object('keyId', 'seed', 'name', 'seed')) END,
           CASE WHEN status IN ('approved', 'resolved', 'closed') THEN jsonb_build_object('at', proposal_at + interval '1 hour',
             'by', jsonb_build_object('keyId', 'seed-manager', 'name', 'seed'), 'authority', 'manager') END,
           CASE WHEN resolved THEN jsonb_build_object('message', 'Replaced the three tins', 'at', resolved_at,
             'by', jsonb_build_object('keyId', 'seed', 'name', 'seed')) END,
           CASE WHEN resolved THEN resolved_at END,
           CASE WHEN status = 'closed' THEN jsonb_build_array(jsonb_build_object(
             'satisfied', true,
             'ratings', CASE WHEN i % 4 = 0 THEN NULL ELSE jsonb_build_object('attitude', level, 'skill', level,
               'timeliness', (ARRAY['very_satisfied', 'satisfied', 'average', 'poor'])[1 + i % 4], 'promiseKept', level) END,
             'comment', NULL, 'at', resolved_at + make_interval(hours => 4 + i % 30),
             'by', jsonb_build_object('keyId', 'seed', 'name', 'seed'))) ELSE '[]'::jsonb END,
           CASE WHEN status = 'closed' THEN resolved_at + make_interval(hours => 4 + i % 30)
                WHEN status = 'rejected' THEN ack_at END,
           CASE WHEN i % 10 = 3 THEN NULL
                WHEN status = 'closed' THEN resolved_at + make_interval(hours => 4 + i % 30) + interval '1 year'
                WHEN status = 'rejected' THEN ack_at + interval '1 year' END,
           jsonb_build_object('keyId', 'seed', 'name', 'seed'),
           at, at, 1 + i % 6
      FROM s
    `,
    [count, month],
  );
  await client.query('VACUUM ANALYZE complaints');
}
