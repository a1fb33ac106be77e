import { addBusinessMonths, businessInstant } from '@crm/calendar';
import type { ComplaintCount, ComplaintMonthlyReport, ComplaintOnTimeRate, ComplaintRatings, SatisfactionLevel } from '@crm/contracts';
import { type ComplaintClock, type ComplaintDeadline, missedDeadlines } from '../complaint-sla.policy';

/** CMP-13: the business month `YYYY-MM` as [start, end) instants in Asia/Shanghai. */
export function monthRange(month: string): { start: Date; end: Date } {
  const start = businessInstant(`${month}-01`);
  return { start, end: addBusinessMonths(start, 1) };
}

const SCORES: Record<SatisfactionLevel, number> = { very_satisfied: 4, satisfied: 3, average: 2, poor: 1 };
const OVERDUE_LIST_LIMIT = 100;
type RatingKey = 'attitude' | 'skill' | 'timeliness' | 'promiseKept';
const RATING_KEYS: readonly RatingKey[] = ['attitude', 'skill', 'timeliness', 'promiseKept'];

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

const DEADLINES: readonly ComplaintDeadline[] = ['acknowledge', 'firstProposal', 'investigationReport', 'resolution', 'followUp'];

class Counter {
  private readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  result(): ComplaintCount[] {
    return [...this.counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
}

/**
 * CMP-13 over the records registered in `month`, one record at a time (`add` them in `seq` order,
 * then `result()`): counts by kind, category, channel, severity, department and validity (each
 * invalid reason); the on-time rate per deadline (decided = done, or its due time passed; rejected
 * records count for acknowledge only); the average time from registration to resolution; the
 * records overdue now; penalties per department (CMP-11); satisfaction averages (CMP-12, 4 = very
 * satisfied … 1 = poor). Pure: the handler feeds the month's records in batches, so memory stays
 * flat however many there are. Every figure is defined here and only here.
 */
export class MonthlyReportBuilder {
  private readonly end: Date;
  private total = 0;
  private readonly byKind = new Counter();
  private readonly byCategory = new Counter();
  private readonly byChannel = new Counter();
  private readonly bySeverity = new Counter();
  private readonly byDepartment = new Counter();
  private readonly byInvalidReason = new Counter();
  private valid = 0;
  private invalid = 0;
  private pending = 0;
  private malicious = 0;
  private readonly onTime = DEADLINES.map((deadline) => ({ deadline, decided: 0, met: 0 }));
  private resolved = 0;
  private handlingMs = 0;
  private readonly overdue: ComplaintMonthlyReport['overdue'] = [];
  private overdueCount = 0;
  private readonly penalties = new Map<string, { cases: number; amount: number; kpiPoints: number }>();
  private rated = 0;
  private readonly ratingSums: Record<RatingKey, number> = { attitude: 0, skill: 0, timeliness: 0, promiseKept: 0 };

  constructor(
    private readonly month: string,
    private readonly now: Date,
  ) {
    this.end = monthRange(month).end;
  }

  add(record: MonthlyReportRecord): void {
    const now = this.now.getTime();
    this.total += 1;
    this.byKind.add(record.kind);
    this.byCategory.add(record.category);
    this.byChannel.add(record.channel);
    this.bySeverity.add(record.severity ?? 'unset');
    this.byDepartment.add(record.assignment?.department ?? 'unassigned');

    if (record.invalidReason) {
      this.invalid += 1;
      if (record.malicious) this.malicious += 1;
      this.byInvalidReason.add(record.invalidReason);
    } else if (record.acknowledgedAt) this.valid += 1;
    else this.pending += 1;

    for (const entry of this.onTime) {
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
      this.resolved += 1;
      this.handlingMs += record.resolvedAt.getTime() - record.createdAt.getTime();
    }

    const missed = missedDeadlines(record, this.now).map((entry) => entry.deadline);
    if (missed.length) {
      this.overdueCount += 1;
      if (this.overdue.length < OVERDUE_LIST_LIMIT) {
        this.overdue.push({ id: record.id, number: record.number, status: record.status, missed });
      }
    }

    const penalty = record.findings?.penalty;
    if (penalty) {
      const entry = this.penalties.get(penalty.department) ?? { cases: 0, amount: 0, kpiPoints: 0 };
      entry.cases += 1;
      entry.amount += penalty.amount.amount;
      entry.kpiPoints += penalty.kpiPoints;
      this.penalties.set(penalty.department, entry);
    }

    for (const followUp of record.followUps) {
      if (!followUp.ratings) continue;
      this.rated += 1;
      for (const key of RATING_KEYS) this.ratingSums[key] += SCORES[followUp.ratings[key]];
    }
  }

  result(): ComplaintMonthlyReport {
    const average = (key: RatingKey) => (this.rated ? (this.ratingSums[key] / this.rated).toFixed(2) : null);
    return {
      month: this.month,
      final: this.now.getTime() >= this.end.getTime(),
      generatedAt: this.now.toISOString(),
      total: this.total,
      byKind: this.byKind.result(),
      byCategory: this.byCategory.result(),
      byChannel: this.byChannel.result(),
      bySeverity: this.bySeverity.result(),
      byDepartment: this.byDepartment.result(),
      validity: {
        valid: this.valid,
        invalid: this.invalid,
        pending: this.pending,
        malicious: this.malicious,
        byInvalidReason: this.byInvalidReason.result(),
      },
      onTime: this.onTime.map(({ deadline, decided, met }): ComplaintOnTimeRate => ({
        deadline,
        decided,
        onTime: met,
        rate: decided ? (met / decided).toFixed(4) : null,
      })),
      averageHandlingHours: this.resolved ? (this.handlingMs / this.resolved / 3_600_000).toFixed(1) : null,
      overdue: [...this.overdue],
      overdueCount: this.overdueCount,
      penaltiesByDepartment: [...this.penalties]
        .map(([department, entry]) => ({
          department,
          cases: entry.cases,
          amount: { amount: entry.amount, currency: 'CNY' },
          kpiPoints: entry.kpiPoints,
        }))
        .sort((a, b) => a.department.localeCompare(b.department)),
      satisfaction: {
        ratedFollowUps: this.rated,
        attitude: average('attitude'),
        skill: average('skill'),
        timeliness: average('timeliness'),
        promiseKept: average('promiseKept'),
      },
    };
  }
}

/** CMP-13 over a whole array of the month's records (in `seq` order): the builder, fed at once. */
export function monthlyReport(records: readonly MonthlyReportRecord[], month: string, now: Date): ComplaintMonthlyReport {
  const builder = new MonthlyReportBuilder(month, now);
  for (const record of records) builder.add(record);
  return builder.result();
}
