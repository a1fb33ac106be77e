import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { businessMonth } from '@crm/calendar';
import {
  type Caller,
  COMPLAINT_STATUSES,
  type ComplaintMonthlyReport,
  type ComplaintMonthlyReportQuery,
  ComplaintOperations,
} from '@crm/contracts';
import { isOpen } from '../complaint-lifecycle.policy';
import type { ComplaintDeadline } from '../complaint-sla.policy';
import { ComplaintException } from '../complaint.exception';
import { requireRole } from '../complaint.policy';
import {
  DEADLINES,
  type MonthlyReportTotals,
  OVERDUE_LIST_LIMIT,
  RATING_KEYS,
  type RatingKey,
  REPORT_DIMENSIONS,
  type ReportDimension,
  emptyTotals,
  formatMonthlyReport,
  monthRange,
} from './monthly-report.policy';

/** CMP-5: the statuses a record can still move out of — the only ones that can be overdue (CMP-9). */
const OPEN_STATUSES = COMPLAINT_STATUSES.filter(isOpen);

/** SQL of `doneAt` / `dueAt` per deadline (monthly-report.policy.ts), over the CTE `m` below. */
const DEADLINE_COLUMNS: Record<ComplaintDeadline, { done: string; due: string }> = {
  acknowledge: { done: 'acknowledged_at', due: 'acknowledge_due_at' },
  firstProposal: { done: 'first_proposal_at', due: 'first_proposal_due_at' },
  investigationReport: { done: 'first_proposal_at', due: 'investigation_due_at' },
  resolution: { done: 'resolved_at', due: 'resolution_due_at' },
  followUp: { done: 'follow_up_at', due: 'follow_up_due_at' },
};

/** `missedDeadlines` (complaint-sla.policy.ts) as SQL: the pending step of each deadline. */
const PENDING: Record<ComplaintDeadline, string> = {
  acknowledge: 'acknowledged_at IS NULL',
  firstProposal: 'first_proposal_at IS NULL',
  investigationReport: 'first_proposal_at IS NULL',
  resolution: 'resolved_at IS NULL',
  followUp: "status = 'resolved'",
};

/** `MonthlyReportBuilder.add`'s on-time rule: rejected records count for acknowledge only. */
function onTimeSql(deadline: ComplaintDeadline): string {
  const { done, due } = DEADLINE_COLUMNS[deadline];
  const counted = deadline === 'acknowledge' ? 'true' : "status <> 'rejected'";
  const duePassed = deadline === 'followUp' ? `(${due} < $3 AND status = 'resolved')` : `${due} < $3`;
  return `jsonb_build_array(count(*) FILTER (WHERE ${counted} AND (${done} IS NOT NULL OR ${duePassed})),
                            count(*) FILTER (WHERE ${counted} AND ${done} <= ${due}))`;
}

const DIMENSION_COLUMNS: Record<ReportDimension, string> = {
  kind: 'kind',
  category: 'category',
  channel: 'channel',
  severity: 'severity',
  department: 'department',
  invalidReason: 'invalid_reason',
};
/** The month's report rows, the report's columns under the policy's names. */
const MONTH_ROWS = `(
    SELECT seq, complaint_id AS id, number, kind, channel, category, coalesce(severity, 'unset') AS severity, status,
           invalid_reason, malicious, coalesce(department, 'unassigned') AS department, created_at,
           acknowledge_due_at, first_proposal_due_at, investigation_due_at, resolution_due_at, follow_up_due_at,
           acknowledged_at, first_proposal_at, resolved_at, first_follow_up_at AS follow_up_at,
           penalty_department, penalty_amount, penalty_kpi_points, rated_follow_ups,
           attitude_score, skill_score, timeliness_score, promise_kept_score
      FROM complaint_report_rows
     WHERE created_at >= $1 AND created_at < $2) m`;

/** `missedDeadlines` of an open record: the names of the due times it has missed, in order. */
const MISSED = `array_remove(ARRAY[${DEADLINES.map(
  (deadline) => `CASE WHEN ${PENDING[deadline]} AND ${DEADLINE_COLUMNS[deadline].due} < $3 THEN '${deadline}' END`,
).join(', ')}], NULL)`;
const OVERDUE = `status = ANY($4) AND (${DEADLINES.map((deadline) => `(${PENDING[deadline]} AND ${DEADLINE_COLUMNS[deadline].due} < $3)`).join(' OR ')})`;
const RATING_COLUMNS: Record<RatingKey, string> = {
  attitude: 'attitude_score',
  skill: 'skill_score',
  timeliness: 'timeliness_score',
  promiseKept: 'promise_kept_score',
};

/**
 * CMP-13 in one statement, so every figure comes from one snapshot: over the month's rows of
 * `complaint_report_rows` (a narrow copy of `complaints` kept by trigger, index on `created_at`)
 * the validity, on-time, handling, overdue and rating sums in one pass; the counts per combination
 * of the dimensions (one hash aggregate; the dimensions are summed here); the
 * first page of overdue records; the penalties — the `MonthlyReportTotals` that
 * `MonthlyReportBuilder` computes record by record, which an integration test holds this equal to.
 * `$1`/`$2` the month, `$3` now, `$4` the open statuses.
 */
export const REPORT_SQL = `
  SELECT
    (SELECT jsonb_build_object(
              'total', count(*),
              'valid', count(*) FILTER (WHERE invalid_reason IS NULL AND acknowledged_at IS NOT NULL),
              'invalid', count(*) FILTER (WHERE invalid_reason IS NOT NULL),
              'malicious', count(*) FILTER (WHERE invalid_reason IS NOT NULL AND malicious),
              'resolved', count(resolved_at),
              'handlingMs', coalesce(sum(extract(epoch FROM resolved_at - created_at) * 1000), 0),
              'onTime', jsonb_build_array(${DEADLINES.map(onTimeSql).join(', ')}),
              'overdueCount', count(*) FILTER (WHERE ${OVERDUE}),
              'rated', coalesce(sum(rated_follow_ups), 0),
              ${RATING_KEYS.map((key) => `'${key}', coalesce(sum(${RATING_COLUMNS[key]}), 0)`).join(', ')})
       FROM ${MONTH_ROWS}) AS sums,
    (SELECT coalesce(jsonb_agg(jsonb_build_array(${REPORT_DIMENSIONS.map((dimension) => DIMENSION_COLUMNS[dimension]).join(', ')}, n)), '[]')
       FROM (SELECT ${REPORT_DIMENSIONS.map((dimension) => DIMENSION_COLUMNS[dimension]).join(', ')}, count(*) AS n
               FROM ${MONTH_ROWS}
              GROUP BY ${REPORT_DIMENSIONS.map((dimension) => DIMENSION_COLUMNS[dimension]).join(', ')}) g) AS counts,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'number', number, 'status', status, 'missed', missed) ORDER BY seq), '[]')
       FROM (SELECT seq, id, number, status, ${MISSED} AS missed FROM ${MONTH_ROWS}
              WHERE ${OVERDUE} ORDER BY seq LIMIT ${OVERDUE_LIST_LIMIT}) o) AS overdue,
    (SELECT coalesce(jsonb_agg(jsonb_build_array(penalty_department, cases, amount, kpi)), '[]') FROM (
       SELECT penalty_department, count(*) AS cases, sum(penalty_amount) AS amount, sum(penalty_kpi_points) AS kpi
         FROM ${MONTH_ROWS} WHERE penalty_department IS NOT NULL GROUP BY 1) p) AS penalties`;

interface ReportRow {
  sums: {
    total: number;
    valid: number;
    invalid: number;
    malicious: number;
    resolved: number;
    handlingMs: number | string;
    onTime: [number, number][];
    overdueCount: number;
    rated: number;
  } & Record<RatingKey, number>;
  /** One entry per combination of the dimensions' values (REPORT_DIMENSIONS order), then its count. */
  counts: (string | number | null)[][];
  overdue: MonthlyReportTotals['overdue'];
  penalties: [string, number, number | string, number][];
}

function totalsOf(row: ReportRow): MonthlyReportTotals {
  const totals = emptyTotals();
  const { sums } = row;
  Object.assign(totals, {
    total: sums.total,
    valid: sums.valid,
    invalid: sums.invalid,
    pending: sums.total - sums.valid - sums.invalid,
    malicious: sums.malicious,
    resolved: sums.resolved,
    handlingMs: Number(sums.handlingMs),
    overdue: row.overdue,
    overdueCount: sums.overdueCount,
    rated: sums.rated,
  });
  sums.onTime.forEach(([decided, met], index) => Object.assign(totals.onTime[index], { decided, met }));
  for (const combination of row.counts) {
    const count = combination[REPORT_DIMENSIONS.length] as number;
    REPORT_DIMENSIONS.forEach((dimension, index) => {
      const key = combination[index] as string | null;
      if (key !== null) totals.counts[dimension].set(key, (totals.counts[dimension].get(key) ?? 0) + count);
    });
  }
  for (const [department, cases, amount, kpiPoints] of row.penalties) {
    totals.penalties.set(department, { cases, amount: Number(amount), kpiPoints });
  }
  for (const key of RATING_KEYS) totals.ratingSums[key] = sums[key];
  return totals;
}

/**
 * CMP-13: the report of a business month — final from the 1st of the next month, provisional
 * month-to-date for the current one; a future month is refused (422 naming CMP-13). The database
 * sums the month in one statement (`REPORT_SQL`); the policy formats the figures.
 */
@Injectable()
export class MonthlyReportHandler {
  async execute(
    manager: EntityManager,
    caller: Caller,
    input: ComplaintMonthlyReportQuery,
    now = new Date(),
  ): Promise<ComplaintMonthlyReport> {
    requireRole(caller, ComplaintOperations.monthlyReport);
    if (input.month > businessMonth(now)) throw ComplaintException.rule('CMP-13', `${input.month} has not begun yet`);
    const { start, end } = monthRange(input.month);
    const [row]: ReportRow[] = await manager.query(REPORT_SQL, [start, end, now, OPEN_STATUSES]);
    return formatMonthlyReport(input.month, now, totalsOf(row));
  }
}
