import { addBusinessMonths, businessInstant } from '@crm/calendar';
import type { ComplaintCount, ComplaintMonthlyReport, ComplaintOnTimeRate, ComplaintRatings, SatisfactionLevel } from '@crm/contracts';
import { type ComplaintClock, type ComplaintDeadline, missedDeadlines } from '../complaint-sla.policy';

/** CMP-13: the business month `YYYY-MM` as [start, end) instants in Asia/Shanghai. */
export function monthRange(month: string): { start: Date; end: Date } {
  const start = businessInstant(`${month}-01`);
  return { start, end: addBusinessMonths(start, 1) };
}

export const SCORES: Record<SatisfactionLevel, number> = { very_satisfied: 4, satisfied: 3, average: 2, poor: 1 };
export const OVERDUE_LIST_LIMIT = 100;
export type RatingKey = 'attitude' | 'skill' | 'timeliness' | 'promiseKept';
export const RATING_KEYS: readonly RatingKey[] = ['attitude', 'skill', 'timeliness', 'promiseKept'];

/**
 * What CMP-13 needs of one record — a `Complaint` is one; the handler selects only these columns
 * (and only these parts of the jsonb records), never the content.
 */
export interface MonthlyReportRecord extends ComplaintClock {
  id: string;
  number: string;
  kind: string;
  channel: string;
  category: string;
  severity: string | null;
  invalidReason: string | null;
  malicious: boolean | null;
  createdAt: Date;
  assignment: { department: string } | null;
  findings: { penalty: { department: string; amount: { amount: number }; kpiPoints: number } | null } | null;
  followUps: { at: string; ratings: ComplaintRatings | null }[];
}

/** When each deadline's step was done (CMP-9), or null while it is not. */
function doneAt(record: MonthlyReportRecord, deadline: ComplaintDeadline): Date | null {
  switch (deadline) {
    case 'acknowledge':
      return record.acknowledgedAt;
    case 'firstProposal':
    case 'investigationReport':
      return record.firstProposalAt;
    case 'resolution':
      return record.resolvedAt;
    case 'followUp':
      return record.followUps.length ? new Date(record.followUps[0].at) : null;
  }
}

function dueAt(record: MonthlyReportRecord, deadline: ComplaintDeadline): Date {
  return {
    acknowledge: record.acknowledgeDueAt,
    firstProposal: record.firstProposalDueAt,
    investigationReport: record.investigationDueAt,
    resolution: record.resolutionDueAt,
    followUp: record.followUpDueAt,
  }[deadline];
}

export const DEADLINES: readonly ComplaintDeadline[] = ['acknowledge', 'firstProposal', 'investigationReport', 'resolution', 'followUp'];

type Tally = Map<string, number>;

function bump(tally: Tally, key: string): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

function countsOf(tally: Tally): ComplaintCount[] {
  return [...tally].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export const REPORT_DIMENSIONS = ['kind', 'category', 'channel', 'severity', 'department', 'invalidReason'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/**
 * CMP-13's sums over a month's records — everything the report is computed from. Two producers
 * fill it: `MonthlyReportBuilder.add`, one record at a time (the definition of every figure, in
 * TypeScript), and the handler's one grouped SQL statement (the fast path on 100,000 records);
 * an integration test holds them equal on a varied month. `formatMonthlyReport` turns either into
 * the answer.
 */
export interface MonthlyReportTotals {
  total: number;
  /** Per dimension, key → records: severity `unset` before acceptance, department `unassigned`. */
  counts: Record<ReportDimension, Tally>;
  valid: number;
  invalid: number;
  pending: number;
  malicious: number;
  onTime: { deadline: ComplaintDeadline; decided: number; met: number }[];
  resolved: number;
  /** Σ (resolved − registered) in milliseconds over the resolved records. */
  handlingMs: number;
  /** The first `OVERDUE_LIST_LIMIT` overdue records in registration (`seq`) order. */
  overdue: ComplaintMonthlyReport['overdue'];
  overdueCount: number;
  penalties: Map<string, { cases: number; amount: number; kpiPoints: number }>;
  rated: number;
  ratingSums: Record<RatingKey, number>;
}

export function emptyTotals(): MonthlyReportTotals {
  return {
    total: 0,
    counts: Object.fromEntries(REPORT_DIMENSIONS.map((dimension) => [dimension, new Map()])) as Record<ReportDimension, Tally>,
    valid: 0,
    invalid: 0,
    pending: 0,
    malicious: 0,
    onTime: DEADLINES.map((deadline) => ({ deadline, decided: 0, met: 0 })),
    resolved: 0,
    handlingMs: 0,
    overdue: [],
    overdueCount: 0,
    penalties: new Map(),
    rated: 0,
    ratingSums: { attitude: 0, skill: 0, timeliness: 0, promiseKept: 0 },
  };
}

/**
 * CMP-13 over the records registered in `month`, one record at a time (`add` them in `seq` order,
 * then `result()`): counts by kind, category, channel, severity, department and validity (each
 * invalid reason); the on-time rate per deadline (decided = done, or its due time passed; rejected
 * records count for acknowledge only); the average time from registration to resolution; the
 * records overdue now; penalties per department (CMP-11); satisfaction averages (CMP-12, 4 = very
 * satisfied … 1 = poor). Pure: this is where every figure is defined; the handler's SQL computes
 * the same totals in the database (see `MonthlyReportTotals`).
 */
export class MonthlyReportBuilder {
  private readonly totals = emptyTotals();

  constructor(
    private readonly month: string,
    private readonly now: Date,
  ) {}

  add(record: MonthlyReportRecord): void {
    const totals = this.totals;
    const now = this.now.getTime();
    totals.total += 1;
    bump(totals.counts.kind, record.kind);
    bump(totals.counts.category, record.category);
    bump(totals.counts.channel, record.channel);
    bump(totals.counts.severity, record.severity ?? 'unset');
    bump(totals.counts.department, record.assignment?.department ?? 'unassigned');

    if (record.invalidReason) {
      totals.invalid += 1;
      if (record.malicious) totals.malicious += 1;
      bump(totals.counts.invalidReason, record.invalidReason);
    } else if (record.acknowledgedAt) totals.valid += 1;
    else totals.pending += 1;

    for (const entry of totals.onTime) {
      const { deadline } = entry;
      if (record.status === 'rejected' && deadline !== 'acknowledge') continue;
      const done = doneAt(record, deadline);
      const due = dueAt(record, deadline);
      if (done) {
        entry.decided += 1;
        if (done.getTime() <= due.getTime()) entry.met += 1;
      } else if (due.getTime() < now && (deadline !== 'followUp' || record.status === 'resolved')) {
        entry.decided += 1;
      }
    }

    if (record.resolvedAt) {
      totals.resolved += 1;
      totals.handlingMs += record.resolvedAt.getTime() - record.createdAt.getTime();
    }

    const missed = missedDeadlines(record, this.now).map((entry) => entry.deadline);
    if (missed.length) {
      totals.overdueCount += 1;
      if (totals.overdue.length < OVERDUE_LIST_LIMIT) {
        totals.overdue.push({ id: record.id, number: record.number, status: record.status, missed });
      }
    }

    const penalty = record.findings?.penalty;
    if (penalty) {
      const entry = totals.penalties.get(penalty.department) ?? { cases: 0, amount: 0, kpiPoints: 0 };
      entry.cases += 1;
      entry.amount += penalty.amount.amount;
      entry.kpiPoints += penalty.kpiPoints;
      totals.penalties.set(penalty.department, entry);
    }

    for (const followUp of record.followUps) {
      if (!followUp.ratings) continue;
      totals.rated += 1;
      for (const key of RATING_KEYS) totals.ratingSums[key] += SCORES[followUp.ratings[key]];
    }
  }

  result(): ComplaintMonthlyReport {
    return formatMonthlyReport(this.month, this.now, this.totals);
  }
}

/** CMP-13: the answer from a month's totals — final from the 1st of the next month (Asia/Shanghai). */
export function formatMonthlyReport(month: string, now: Date, totals: MonthlyReportTotals): ComplaintMonthlyReport {
  const average = (key: RatingKey) => (totals.rated ? (totals.ratingSums[key] / totals.rated).toFixed(2) : null);
  return {
    month,
    final: now.getTime() >= monthRange(month).end.getTime(),
    generatedAt: now.toISOString(),
    total: totals.total,
    byKind: countsOf(totals.counts.kind),
    byCategory: countsOf(totals.counts.category),
    byChannel: countsOf(totals.counts.channel),
    bySeverity: countsOf(totals.counts.severity),
    byDepartment: countsOf(totals.counts.department),
    validity: {
      valid: totals.valid,
      invalid: totals.invalid,
      pending: totals.pending,
      malicious: totals.malicious,
      byInvalidReason: countsOf(totals.counts.invalidReason),
    },
    onTime: totals.onTime.map(({ deadline, decided, met }): ComplaintOnTimeRate => ({
      deadline,
      decided,
      onTime: met,
      rate: decided ? (met / decided).toFixed(4) : null,
    })),
    averageHandlingHours: totals.resolved ? (totals.handlingMs / totals.resolved / 3_600_000).toFixed(1) : null,
    overdue: [...totals.overdue],
    overdueCount: totals.overdueCount,
    penaltiesByDepartment: [...totals.penalties]
      .map(([department, entry]) => ({
        department,
        cases: entry.cases,
        amount: { amount: entry.amount, currency: 'CNY' },
        kpiPoints: entry.kpiPoints,
      }))
      .sort((a, b) => a.department.localeCompare(b.department)),
    satisfaction: {
      ratedFollowUps: totals.rated,
      attitude: average('attitude'),
      skill: average('skill'),
      timeliness: average('timeliness'),
      promiseKept: average('promiseKept'),
    },
  };
}

/** CMP-13 over a whole array of the month's records (in `seq` order): the builder, fed at once. */
export function monthlyReport(records: readonly MonthlyReportRecord[], month: string, now: Date): ComplaintMonthlyReport {
  const builder = new MonthlyReportBuilder(month, now);
  for (const record of records) builder.add(record);
  return builder.result();
}
