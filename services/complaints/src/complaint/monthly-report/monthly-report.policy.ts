import { addBusinessMonths, businessInstant } from '@crm/calendar';
import type { ComplaintCount, ComplaintMonthlyReport, ComplaintOnTimeRate, SatisfactionLevel } from '@crm/contracts';
import type { Complaint } from '../complaint.entity';
import { type ComplaintDeadline, missedDeadlines } from '../complaint-sla.policy';

/** CMP-13: the business month `YYYY-MM` as [start, end) instants in Asia/Shanghai. */
export function monthRange(month: string): { start: Date; end: Date } {
  const start = businessInstant(`${month}-01`);
  return { start, end: addBusinessMonths(start, 1) };
}

const SCORES: Record<SatisfactionLevel, number> = { very_satisfied: 4, satisfied: 3, average: 2, poor: 1 };
const OVERDUE_LIST_LIMIT = 100;

function countBy(records: Complaint[], keyOf: (record: Complaint) => string): ComplaintCount[] {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(keyOf(record), (counts.get(keyOf(record)) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** When each deadline's step was done (CMP-9), or null while it is not. */
function doneAt(record: Complaint, deadline: ComplaintDeadline): Date | null {
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

function dueAt(record: Complaint, deadline: ComplaintDeadline): Date {
  return {
    acknowledge: record.acknowledgeDueAt,
    firstProposal: record.firstProposalDueAt,
    investigationReport: record.investigationDueAt,
    resolution: record.resolutionDueAt,
    followUp: record.followUpDueAt,
  }[deadline];
}

const DEADLINES: readonly ComplaintDeadline[] = ['acknowledge', 'firstProposal', 'investigationReport', 'resolution', 'followUp'];

/**
 * CMP-13 over the records registered in `month`: counts by kind, category, channel, severity,
 * department and validity (each invalid reason); the on-time rate per deadline (decided = done, or
 * its due time passed; rejected records count for acknowledge only); the average time from
 * registration to resolution; the records overdue now; penalties per department (CMP-11);
 * satisfaction averages (CMP-12, 4 = very satisfied … 1 = poor). Pure: the handler loads the month.
 */
export function monthlyReport(records: Complaint[], month: string, now: Date): ComplaintMonthlyReport {
  const { end } = monthRange(month);
  const onTime: ComplaintOnTimeRate[] = DEADLINES.map((deadline) => {
    let decided = 0;
    let met = 0;
    for (const record of records) {
      if (record.status === 'rejected' && deadline !== 'acknowledge') continue;
      const done = doneAt(record, deadline);
      const due = dueAt(record, deadline);
      if (done) {
        decided += 1;
        if (done.getTime() <= due.getTime()) met += 1;
      } else if (due.getTime() < now.getTime() && (deadline !== 'followUp' || record.status === 'resolved')) {
        decided += 1;
      }
    }
    return { deadline, decided, onTime: met, rate: decided ? (met / decided).toFixed(4) : null };
  });

  const resolved = records.filter((record) => record.resolvedAt);
  const handlingMs = resolved.reduce((sum, record) => sum + (record.resolvedAt!.getTime() - record.createdAt.getTime()), 0);

  const overdue = records
    .map((record) => ({ record, missed: missedDeadlines(record, now).map((missed) => missed.deadline) }))
    .filter(({ missed }) => missed.length > 0);

  const penalties = new Map<string, { cases: number; amount: number; kpiPoints: number }>();
  for (const record of records) {
    const penalty = record.findings?.penalty;
    if (!penalty) continue;
    const entry = penalties.get(penalty.department) ?? { cases: 0, amount: 0, kpiPoints: 0 };
    entry.cases += 1;
    entry.amount += penalty.amount.amount;
    entry.kpiPoints += penalty.kpiPoints;
    penalties.set(penalty.department, entry);
  }

  const ratings = records.flatMap((record) => record.followUps.flatMap((followUp) => (followUp.ratings ? [followUp.ratings] : [])));
  const average = (key: 'attitude' | 'skill' | 'timeliness' | 'promiseKept') =>
    ratings.length ? (ratings.reduce((sum, rating) => sum + SCORES[rating[key]], 0) / ratings.length).toFixed(2) : null;

  const invalid = records.filter((record) => record.invalidReason);
  return {
    month,
    final: now.getTime() >= end.getTime(),
    generatedAt: now.toISOString(),
    total: records.length,
    byKind: countBy(records, (record) => record.kind),
    byCategory: countBy(records, (record) => record.category),
    byChannel: countBy(records, (record) => record.channel),
    bySeverity: countBy(records, (record) => record.severity ?? 'unset'),
    byDepartment: countBy(records, (record) => record.assignment?.department ?? 'unassigned'),
    validity: {
      valid: records.filter((record) => record.acknowledgedAt && !record.invalidReason).length,
      invalid: invalid.length,
      pending: records.filter((record) => !record.acknowledgedAt && !record.invalidReason).length,
      malicious: invalid.filter((record) => record.malicious).length,
      byInvalidReason: countBy(invalid, (record) => record.invalidReason!),
    },
    onTime,
    averageHandlingHours: resolved.length ? (handlingMs / resolved.length / 3_600_000).toFixed(1) : null,
    overdue: overdue
      .slice(0, OVERDUE_LIST_LIMIT)
      .map(({ record, missed }) => ({ id: record.id, number: record.number, status: record.status, missed })),
    overdueCount: overdue.length,
    penaltiesByDepartment: [...penalties]
      .map(([department, entry]) => ({
        department,
        cases: entry.cases,
        amount: { amount: entry.amount, currency: 'CNY' },
        kpiPoints: entry.kpiPoints,
      }))
      .sort((a, b) => a.department.localeCompare(b.department)),
    satisfaction: {
      ratedFollowUps: ratings.length,
      attitude: average('attitude'),
      skill: average('skill'),
      timeliness: average('timeliness'),
      promiseKept: average('promiseKept'),
    },
  };
}
