import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { businessInstant } from '@crm/calendar';
import {
  type Caller,
  DevelopmentOperations as ops,
  type Grade,
  type GradeVisitCounts,
  type VisitMonthlyReport,
  type VisitMonthlyReportQuery,
  type VisitorVisitCounts,
} from '@crm/contracts';
import { requireRole } from '../../archive/customer.policy';

interface CountRow {
  key: string | null;
  visits: string;
  archives: string;
  urgent: string;
}

/** The first day of the month after `month` (`YYYY-MM`), `YYYY-MM-DD`. */
export function nextMonthStart(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  return index === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${month.slice(0, 4)}-${String(index + 1).padStart(2, '0')}-01`;
}

/**
 * DEV-3: the monthly visit report per visitor and per grade — visits, archives visited and urgent
 * reports among the month's visits (business dates, Asia/Shanghai; grade as it was at the visit),
 * and archives overdue at the end of the month, or now for the running month (programme state:
 * designated visitor, current grade). Visitors and grades with nothing to count are left out.
 */
@Injectable()
export class VisitMonthlyReportHandler {
  async execute(manager: EntityManager, caller: Caller, input: VisitMonthlyReportQuery, now = new Date()): Promise<VisitMonthlyReport> {
    requireRole(caller, ops.monthlyReport);
    const from = `${input.month}-01`;
    const to = nextMonthStart(input.month);
    const monthEnd = businessInstant(to);
    const overdueAt = monthEnd.getTime() < now.getTime() ? monthEnd : now;

    const visits = (key: 'visitor' | 'grade'): Promise<CountRow[]> =>
      manager.query(
        `SELECT ${key} AS key, count(*) AS visits, count(DISTINCT customer_id) AS archives, count(urgent_kind) AS urgent
           FROM customer_visits WHERE business_date >= $1::date AND business_date < $2::date GROUP BY ${key}`,
        [from, to],
      );
    const overdue = (key: 'p.visitor' | 'c.grade'): Promise<{ key: string | null; overdue: string }[]> =>
      manager.query(
        `SELECT ${key} AS key, count(*) AS overdue
           FROM customer_visit_programmes p JOIN customers c ON c.id = p.customer_id
          WHERE c.status = 'active' AND p.visitor IS NOT NULL AND p.next_visit_due_at < $1
          GROUP BY ${key}`,
        [overdueAt],
      );
    // One after the other: the queries share the transaction's connection.
    const byVisitor = await visits('visitor');
    const overdueByVisitor = await overdue('p.visitor');
    const byGrade = await visits('grade');
    const overdueByGrade = await overdue('c.grade');
    return {
      month: input.month,
      overdueAt: overdueAt.toISOString(),
      byVisitor: merge(byVisitor, overdueByVisitor)
        .map(({ key, ...counts }): VisitorVisitCounts => ({ visitor: key as string, ...counts }))
        .sort((a, b) => (a.visitor < b.visitor ? -1 : a.visitor > b.visitor ? 1 : 0)),
      byGrade: merge(byGrade, overdueByGrade)
        .map(({ key, ...counts }): GradeVisitCounts => ({ grade: key as Grade | null, ...counts }))
        .sort((a, b) => (a.grade ?? 'Z').localeCompare(b.grade ?? 'Z')),
    };
  }
}

function merge(visits: CountRow[], overdue: { key: string | null; overdue: string }[]) {
  const lines = new Map<
    string | null,
    { key: string | null; visits: number; archivesVisited: number; archivesOverdue: number; urgentReports: number }
  >();
  const line = (key: string | null) => {
    let found = lines.get(key);
    if (!found) lines.set(key, (found = { key, visits: 0, archivesVisited: 0, archivesOverdue: 0, urgentReports: 0 }));
    return found;
  };
  for (const row of visits)
    Object.assign(line(row.key), { visits: Number(row.visits), archivesVisited: Number(row.archives), urgentReports: Number(row.urgent) });
  for (const row of overdue) line(row.key).archivesOverdue = Number(row.overdue);
  return [...lines.values()];
}
