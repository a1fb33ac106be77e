import { Injectable } from '@nestjs/common';
import { Brackets, type EntityManager } from 'typeorm';
import { type Caller, type CustomerSummary, type ListCustomersQuery, type Page, CustomerOperations } from '@crm/contracts';
import { decodeCursor, toPage } from '@crm/persistence';
import { likeContains, pageLimit } from '../../common/page-limit';
import { Customer } from '../customer.entity';
import { CustomerException, CustomerExceptionCode } from '../customer.exception';
import { requireRole } from '../customer.policy';
import { toSummary } from '../customer.view';

const SUMMARY_COLUMNS = ['id', 'seq', 'code', 'name', 'type', 'grade', 'creditRating', 'status', 'confidentiality'] as const;

/**
 * CUS-6: summaries of archives for every staff role, whatever their level; newest first, cursor
 * paginated. Destroyed archives (CUS-9) are left out unless `status=destroyed` asks for them,
 * and then show no name.
 */
@Injectable()
export class ListCustomersHandler {
  async execute(manager: EntityManager, caller: Caller, filter: ListCustomersQuery, now = new Date()): Promise<Page<CustomerSummary>> {
    requireRole(caller, CustomerOperations.list);
    const limit = pageLimit(filter.limit);
    if (limit === null) throw CustomerException.invalid(undefined, [{ field: 'limit', message: 'limit must be between 1 and 200' }]);
    const after = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
    if (after === null) throw new CustomerException(CustomerExceptionCode.InvalidCursor, 'The cursor is not valid for this list');

    // Only what a summary shows (and `seq` for the cursor): never the jsonb content and workflow record.
    const query = manager.createQueryBuilder(Customer, 'c').select(SUMMARY_COLUMNS.map((column) => `c.${column}`));
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    else query.andWhere(`c.status <> 'destroyed'`);
    if (filter.grade) query.andWhere('c.grade = :grade', { grade: filter.grade });
    if (filter.confidentiality) query.andWhere('c.confidentiality = :confidentiality', { confidentiality: filter.confidentiality });
    if (filter.q !== undefined && filter.q !== '') {
      // API.md: case-insensitive substring of name or code; wildcards in `q` match literally.
      // `ILIKE '%term%'` is served by the trigram indexes (migration 1765000000000) for terms of
      // 3 characters or more; shorter terms have no trigram and are matched by a scan.
      const pattern = likeContains(filter.q);
      query.andWhere(
        new Brackets((or) => {
          or.where(`c.name ILIKE :pattern ESCAPE '\\'`, { pattern }).orWhere(`c.code ILIKE :pattern ESCAPE '\\'`, { pattern });
        }),
      );
    }
    if (filter.reviewOverdue !== undefined) {
      // CUS-8: overdue = active and past its next review date (same rule as isReviewOverdue).
      const overdue = `(c.status = 'active' AND c.nextReviewDueAt IS NOT NULL AND c.nextReviewDueAt < :now)`;
      query.andWhere(filter.reviewOverdue ? overdue : `NOT ${overdue}`, { now });
    }
    if (filter.createdLate !== undefined) query.andWhere('c.createdLate = :createdLate', { createdLate: filter.createdLate }); // CUS-3
    if (after) query.andWhere('c.seq < :after', { after });

    const rows = await query
      .orderBy('c.seq', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toSummary);
  }
}
