import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Caller,
  type ComplaintIdPayload,
  type ComplaintSummary,
  type ComplaintView,
  type ListComplaintsQuery,
  type Page,
  ComplaintOperations,
  DEFAULT_PAGE_LIMIT,
} from '@crm/contracts';
import { decodeCursor, toPage } from '@crm/persistence';
import { Complaint } from '../complaint.entity';
import { ComplaintException, ComplaintExceptionCode } from '../complaint.exception';
import { requireRole } from '../complaint.policy';
import { toSummary, toView } from '../complaint.view';

/** CMP-9 `overdue`, as SQL: the same rule as `isOverdue` in complaint.view.ts. */
const OVERDUE = `(c.status NOT IN ('closed', 'rejected', 'superseded') AND (
  (c.acknowledgedAt IS NULL AND c.acknowledgeDueAt < :now)
  OR (c.firstProposalAt IS NULL AND (c.firstProposalDueAt < :now OR c.investigationDueAt < :now))
  OR (c.resolvedAt IS NULL AND c.resolutionDueAt < :now)
  OR (c.status = 'resolved' AND c.followUpDueAt < :now)))`;

/** Reads for every staff role: one complaint, and lists newest first with cursor pages. */
@Injectable()
export class ReadComplaintsHandler {
  async get(manager: EntityManager, caller: Caller, input: ComplaintIdPayload, now = new Date()): Promise<ComplaintView> {
    requireRole(caller, ComplaintOperations.get);
    const complaint = await manager.findOne(Complaint, { where: { id: input.id } });
    if (!complaint) throw ComplaintException.notFound(input.id);
    return toView(complaint, now);
  }

  async list(manager: EntityManager, caller: Caller, filter: ListComplaintsQuery, now = new Date()): Promise<Page<ComplaintSummary>> {
    requireRole(caller, ComplaintOperations.list);
    const limit = filter.limit ?? DEFAULT_PAGE_LIMIT;
    const after = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
    if (after === null) throw new ComplaintException(ComplaintExceptionCode.InvalidCursor, 'The cursor is not valid for this list');

    const query = manager.createQueryBuilder(Complaint, 'c');
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.category) query.andWhere('c.category = :category', { category: filter.category });
    if (filter.customerId) query.andWhere('c.customerId = :customerId', { customerId: filter.customerId });
    if (filter.from) query.andWhere('c.createdAt >= :from', { from: new Date(filter.from) });
    if (filter.to) query.andWhere('c.createdAt < :to', { to: new Date(filter.to) });
    if (filter.overdue !== undefined) query.andWhere(filter.overdue ? OVERDUE : `NOT ${OVERDUE}`, { now });
    if (after) query.andWhere('c.seq < :after', { after });
    const rows = await query
      .orderBy('c.seq', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, (row) => toSummary(row, now));
  }
}
