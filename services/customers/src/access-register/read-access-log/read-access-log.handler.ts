import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AccessLogEntry, type AccessLogPayload, type Caller, type Page, CustomerOperations } from '@crm/contracts';
import { Customer } from '../../archive/customer.entity';
import { CustomerException, CustomerExceptionCode } from '../../archive/customer.exception';
import { requireRole } from '../../archive/customer.policy';
import { decodeCursor, toPage } from '@crm/persistence';
import { pageLimit } from '../../common/page-limit';
import { AccessEntry } from '../access-entry.entity';

export function toAccessLogEntry(entry: AccessEntry): AccessLogEntry {
  return {
    at: entry.at.toISOString(),
    caller: entry.callerName,
    callerKeyId: entry.callerKeyId,
    purpose: entry.purpose,
    outcome: entry.outcome,
    ...(entry.reason ? { reason: entry.reason } : {}),
  };
}

/**
 * CUS-7: the borrowing register of one archive, newest first, for auditors and admins — whatever
 * the archive's level (no clearance check) and also after destruction (the register outlives it).
 */
@Injectable()
export class ReadAccessLogHandler {
  async execute(manager: EntityManager, caller: Caller, input: AccessLogPayload): Promise<Page<AccessLogEntry>> {
    requireRole(caller, CustomerOperations.accessLog);
    const limit = pageLimit(input.limit);
    if (limit === null) throw CustomerException.invalid(undefined, [{ field: 'limit', message: 'limit must be between 1 and 200' }]);
    const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    if (after === null) throw new CustomerException(CustomerExceptionCode.InvalidCursor, 'The cursor is not valid for this list');
    if (!(await manager.exists(Customer, { where: { id: input.id } }))) throw CustomerException.notFound(input.id);

    const query = manager.createQueryBuilder(AccessEntry, 'e').where('e.customerId = :id', { id: input.id });
    if (after) query.andWhere('e.seq < :after', { after });
    const rows = await query
      .orderBy('e.seq', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toAccessLogEntry);
  }
}
