import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Caller,
  type CustomerVisitsPayload,
  type DailyVisitReport,
  type DailyVisitsQuery,
  DevelopmentOperations as ops,
  type OverdueVisitPage,
  type OverdueVisitsQuery,
  type UrgentKind,
  type UrgentReportsQuery,
  type UrgentVisitReportPage,
  type VisitKind,
  type VisitReportPage,
} from '@crm/contracts';
import { PageCursor, toPage } from '@crm/persistence';
import { ArchiveReadCheck, type ReadOutcome } from '../../access-register/archive-read.check';
import { CustomerException, CustomerExceptionCode } from '../../archive/customer.exception';
import { goneError } from '../../archive/customer.loader';
import { requireRole } from '../../archive/customer.policy';
import { seqPage } from '../development.paging';
import { toVisitReport } from '../development.view';
import { VisitRecord } from '../visit.entity';

/** DEV-2 overdue list: longest overdue first, then by archive id. */
const overdueCursor = new PageCursor({ dueAt: 'timestamp', id: 'uuid' });

/** DEV-3/DEV-4 reads: an archive's visit reports (CUS-6/CUS-7), a visitor's day, the overdue and urgent lists. */
@Injectable()
export class ReadVisitsHandler {
  constructor(private readonly reads: ArchiveReadCheck) {}

  /**
   * Visit reports are part of the archive: the same purpose (CUS-7), role and clearance (CUS-6)
   * as reading the archive, and every attempt on an existing archive — granted or denied — is
   * recorded in the borrowing register; a denial is returned so the entry commits before it is thrown.
   */
  async forCustomer(
    manager: EntityManager,
    caller: Caller,
    input: CustomerVisitsPayload,
    now = new Date(),
  ): Promise<ReadOutcome<VisitReportPage>> {
    const { limit, after } = seqPage(input);
    const read = await this.reads.check(manager, caller, input, ops.listVisits, 'visit reports', now);
    if (!read.granted) return read;
    const customer = read.value;
    if (customer.status === 'destroyed') throw goneError(customer);
    const query = manager.createQueryBuilder(VisitRecord, 'v').where('v.customerId = :id', { id: customer.id });
    if (after) query.andWhere('v.seq < :after', { after });
    const rows = await query
      .orderBy('v.seq', 'DESC')
      .limit(limit + 1)
      .getMany();
    return { granted: true, value: toPage(rows, limit, toVisitReport) };
  }

  /** DEV-3: the visits of one visitor on one business date (Asia/Shanghai), oldest first — where and when, not the content. */
  async daily(manager: EntityManager, caller: Caller, input: DailyVisitsQuery): Promise<DailyVisitReport> {
    requireRole(caller, ops.daily);
    const rows: {
      id: string;
      customer_id: string;
      code: string | null;
      name: string | null;
      kind: VisitKind;
      visited_at: Date;
      urgent_kind: UrgentKind | null;
    }[] = await manager.query(
      `SELECT v.id, v.customer_id, c.code, c.name, v.kind, v.visited_at, v.urgent_kind
           FROM customer_visits v JOIN customers c ON c.id = v.customer_id
          WHERE v.visitor = $1 AND v.business_date = $2
          ORDER BY v.visited_at, v.seq`,
      [input.visitor.trim(), input.date],
    );
    return {
      visitor: input.visitor.trim(),
      date: input.date,
      items: rows.map((row) => ({
        visitId: row.id,
        customerId: row.customer_id,
        code: row.code,
        name: row.name ?? '',
        kind: row.kind,
        visitedAt: new Date(row.visited_at).toISOString(),
        urgentKind: row.urgent_kind,
      })),
    };
  }

  /** DEV-2: active archives whose next visit is past due, per visitor (all visitors without the filter). */
  async overdue(manager: EntityManager, caller: Caller, input: OverdueVisitsQuery, now = new Date()): Promise<OverdueVisitPage> {
    requireRole(caller, ops.overdue);
    const { limit } = seqPage({ limit: input.limit });
    const position = input.cursor === undefined ? undefined : overdueCursor.decode(input.cursor);
    if (position === null) throw new CustomerException(CustomerExceptionCode.InvalidCursor, 'The cursor is not valid for this list');
    const params: unknown[] = [now];
    let where = `c.status = 'active' AND p.visitor IS NOT NULL AND p.next_visit_due_at < $1`;
    if (input.visitor !== undefined) {
      params.push(input.visitor.trim());
      where += ` AND p.visitor = $${params.length}`;
    }
    if (position) {
      params.push(position.dueAt, position.id);
      where += ` AND (p.next_visit_due_at, p.customer_id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
    const rows: {
      customer_id: string;
      code: string | null;
      name: string | null;
      grade: string | null;
      visitor: string;
      last_visited_at: Date | null;
      next_visit_due_at: Date;
    }[] = await manager.query(
      `SELECT p.customer_id, c.code, c.name, c.grade, p.visitor, p.last_visited_at, p.next_visit_due_at
           FROM customer_visit_programmes p JOIN customers c ON c.id = p.customer_id
          WHERE ${where}
          ORDER BY p.next_visit_due_at, p.customer_id
          LIMIT $${params.length}`,
      params,
    );
    return overdueCursor.page(
      rows,
      limit,
      (row) => ({ dueAt: new Date(row.next_visit_due_at).toISOString(), id: row.customer_id }),
      (row) => ({
        customerId: row.customer_id,
        code: row.code,
        name: row.name ?? '',
        grade: row.grade as OverdueVisitPage['items'][number]['grade'],
        visitor: row.visitor,
        lastVisitedAt: row.last_visited_at ? new Date(row.last_visited_at).toISOString() : null,
        nextVisitDueAt: new Date(row.next_visit_due_at).toISOString(),
      }),
    );
  }

  /** DEV-4: urgent reports for managers, newest first, optionally those of visits within [from, to). */
  async urgent(manager: EntityManager, caller: Caller, input: UrgentReportsQuery): Promise<UrgentVisitReportPage> {
    requireRole(caller, ops.urgent);
    const { limit, after } = seqPage(input);
    const params: unknown[] = [];
    const where = ['v.urgent_kind IS NOT NULL'];
    const bind = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (input.from) bind('v.visited_at >= ?', input.from);
    if (input.to) bind('v.visited_at < ?', input.to);
    if (after) bind('v.seq < ?', after);
    params.push(limit + 1);
    const rows: UrgentRow[] = await manager.query(
      `SELECT v.id, v.seq::text AS seq, v.customer_id, c.code, c.name, v.urgent_kind, v.urgent_summary, v.urgent_sku, v.urgent_batch_no,
              v.visitor, v.visited_at
         FROM customer_visits v JOIN customers c ON c.id = v.customer_id
        WHERE ${where.join(' AND ')}
        ORDER BY v.seq DESC
        LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, limit, (row) => ({
      visitId: row.id,
      customerId: row.customer_id,
      code: row.code,
      name: row.name ?? '',
      kind: row.urgent_kind,
      summary: row.urgent_summary,
      ...(row.urgent_sku ? { sku: row.urgent_sku } : {}),
      ...(row.urgent_batch_no ? { batchNo: row.urgent_batch_no } : {}),
      visitor: row.visitor,
      visitedAt: new Date(row.visited_at).toISOString(),
    }));
  }
}

interface UrgentRow {
  id: string;
  seq: string;
  customer_id: string;
  code: string | null;
  name: string | null;
  urgent_kind: UrgentKind;
  urgent_summary: string;
  urgent_sku: string | null;
  urgent_batch_no: string | null;
  visitor: string;
  visited_at: Date;
}
