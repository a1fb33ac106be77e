import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Caller,
  DEFAULT_PAGE_LIMIT,
  type ListReturnsQuery,
  type Page,
  type ReturnIdPayload,
  ReturnOperations,
  type ReturnOrderView,
} from '@crm/contracts';
import { decodeCursor, toPage } from '@crm/persistence';
import { ReturnsException, ReturnsExceptionCode } from '../../common/returns.exception';
import { requireRole } from '../../common/returns.policy';
import { ReturnOrder } from '../return-order.entity';
import { toReturnView } from '../return-order.view';

/** Reads: one return order, and lists newest first with cursor pages. */
@Injectable()
export class ReadReturnsHandler {
  async get(manager: EntityManager, caller: Caller, input: ReturnIdPayload): Promise<ReturnOrderView> {
    requireRole(caller, ReturnOperations.get);
    const order = await manager.findOne(ReturnOrder, { where: { id: input.id } });
    if (!order) throw ReturnsException.notFound(ReturnsExceptionCode.ReturnNotFound, 'Return order', input.id);
    return toReturnView(order);
  }

  async list(manager: EntityManager, caller: Caller, filter: ListReturnsQuery): Promise<Page<ReturnOrderView>> {
    requireRole(caller, ReturnOperations.list);
    const limit = filter.limit ?? DEFAULT_PAGE_LIMIT;
    const after = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
    if (after === null) throw new ReturnsException(ReturnsExceptionCode.InvalidCursor, 'The cursor is not valid for this list');
    const query = manager.createQueryBuilder(ReturnOrder, 'r');
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.customerId) query.andWhere('r.customerId = :customerId', { customerId: filter.customerId });
    if (after) query.andWhere('r.seq < :after', { after });
    const rows = await query
      .orderBy('r.seq', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toReturnView);
  }
}
