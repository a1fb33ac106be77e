import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { businessMonth } from '@crm/calendar';
import { type Caller, type ComplaintMonthlyReport, type ComplaintMonthlyReportQuery, ComplaintOperations } from '@crm/contracts';
import { ComplaintException } from '../complaint.exception';
import { requireRole } from '../complaint.policy';
import { MonthlyReportBuilder, type MonthlyReportRecord, monthRange } from './monthly-report.policy';

/** Rows per batch: ~2 MB of small objects at a time, whatever the month holds. */
export const MONTHLY_REPORT_BATCH = 5_000;

/**
 * The columns CMP-13 needs and nothing else: no content (`details`), no proposal/approval/
 * resolution records; of the jsonb records only the department, the penalty and each follow-up's
 * time and ratings. Keyset by `seq` over the month (index `complaints_created_at` on the range).
 */
const BATCH_SQL = `
  SELECT c.seq, c.id, c.number, c.kind, c.channel, c.category, c.severity, c.status,
         c.invalid_reason, c.malicious, c.created_at,
         c.acknowledge_due_at, c.first_proposal_due_at, c.investigation_due_at, c.resolution_due_at, c.follow_up_due_at,
         c.acknowledged_at, c.first_proposal_at, c.resolved_at,
         c.assignment->>'department' AS department,
         c.findings->'penalty' AS penalty,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('at', f->'at', 'ratings', f->'ratings') ORDER BY n), '[]'::jsonb)
            FROM jsonb_array_elements(c.follow_ups) WITH ORDINALITY AS e(f, n)) AS follow_ups
    FROM complaints c
   WHERE c.created_at >= $1 AND c.created_at < $2 AND c.seq > $3
   ORDER BY c.seq
   LIMIT $4`;

interface ReportRow {
  seq: string;
  id: string;
  number: string;
  kind: string;
  channel: string;
  category: string;
  severity: string | null;
  status: MonthlyReportRecord['status'];
  invalid_reason: string | null;
  malicious: boolean | null;
  created_at: Date;
  acknowledge_due_at: Date;
  first_proposal_due_at: Date;
  investigation_due_at: Date;
  resolution_due_at: Date;
  follow_up_due_at: Date;
  acknowledged_at: Date | null;
  first_proposal_at: Date | null;
  resolved_at: Date | null;
  department: string | null;
  penalty: NonNullable<MonthlyReportRecord['findings']>['penalty'];
  follow_ups: MonthlyReportRecord['followUps'];
}

function recordOf(row: ReportRow): MonthlyReportRecord {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    channel: row.channel,
    category: row.category,
    severity: row.severity,
    status: row.status,
    invalidReason: row.invalid_reason,
    malicious: row.malicious,
    createdAt: row.created_at,
    acknowledgeDueAt: row.acknowledge_due_at,
    firstProposalDueAt: row.first_proposal_due_at,
    investigationDueAt: row.investigation_due_at,
    resolutionDueAt: row.resolution_due_at,
    followUpDueAt: row.follow_up_due_at,
    acknowledgedAt: row.acknowledged_at,
    firstProposalAt: row.first_proposal_at,
    resolvedAt: row.resolved_at,
    assignment: row.department === null ? null : { department: row.department },
    findings: row.penalty ? { penalty: row.penalty } : null,
    followUps: row.follow_ups,
  };
}

/**
 * CMP-13: the report of a business month — final from the 1st of the next month, provisional
 * month-to-date for the current one; a future month is refused (422 naming CMP-13). The month's
 * records are read in batches of their report columns and folded into `MonthlyReportBuilder`
 * (the pure policy), so 100,000 complaints never sit in memory as entities.
 */
@Injectable()
export class MonthlyReportHandler {
  async execute(
    manager: EntityManager,
    caller: Caller,
    input: ComplaintMonthlyReportQuery,
    now = new Date(),
    batchSize = MONTHLY_REPORT_BATCH,
  ): Promise<ComplaintMonthlyReport> {
    requireRole(caller, ComplaintOperations.monthlyReport);
    if (input.month > businessMonth(now)) throw ComplaintException.rule('CMP-13', `${input.month} has not begun yet`);
    const { start, end } = monthRange(input.month);
    const builder = new MonthlyReportBuilder(input.month, now);
    let after = '0';
    for (;;) {
      const rows: ReportRow[] = await manager.query(BATCH_SQL, [start, end, after, batchSize]);
      for (const row of rows) builder.add(recordOf(row));
      if (rows.length < batchSize) break;
      after = rows[rows.length - 1].seq;
    }
    return builder.result();
  }
}
