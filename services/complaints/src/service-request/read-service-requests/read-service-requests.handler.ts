import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DAY_MS, businessInstant } from '@crm/calendar';
import {
  type Caller,
  DEFAULT_PAGE_LIMIT,
  type DispatchQueueQuery,
  type ListServiceRequestsQuery,
  type Page,
  type RegisterCheck,
  type RegisterCheckEntry,
  type RegisterCheckQuery,
  ServiceRequestOperations as ops,
  type ServiceRequestIdPayload,
  type ServiceRequestSummary,
  type ServiceRequestView,
} from '@crm/contracts';
import { decodeCursor, toPage } from '@crm/persistence';
import { ServiceRequest } from '../service-request.entity';
import { ServiceRequestException, ServiceRequestExceptionCode } from '../service-request.exception';
import { requireServiceRole } from '../service-request.policy';
import { toServiceRequestSummary, toServiceRequestView } from '../service-request.view';

function cursorOf(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const seq = decodeCursor(cursor);
  if (seq === null) throw new ServiceRequestException(ServiceRequestExceptionCode.InvalidCursor, 'The cursor is not valid for this list');
  return seq;
}

/**
 * SRV-4: one line of the register check of the business day ending at `end` — a request started
 * before then and not completed by then, with what was missing at that instant.
 */
export function registerCheckEntry(request: ServiceRequest, end: Date): RegisterCheckEntry {
  const before = (at: Date | null) => at !== null && at.getTime() < end.getTime();
  const worked = before(request.voucherAt);
  const missing: RegisterCheckEntry['missing'] = [];
  if (!worked) missing.push('voucher');
  else {
    if (!before(request.countersignedAt)) missing.push('countersignature');
    if (!before(request.customerSignedAt)) missing.push('customerSignature');
  }
  return {
    id: request.id,
    number: request.number,
    technician: request.technician,
    status: worked ? 'worked' : 'in_progress',
    voucherNumber: worked ? request.voucherNumber : null,
    missing,
  };
}

/** Reads for every staff role: one request, the register newest first, the dispatch queue, the register check. */
@Injectable()
export class ReadServiceRequestsHandler {
  async get(manager: EntityManager, caller: Caller, input: ServiceRequestIdPayload, now = new Date()): Promise<ServiceRequestView> {
    requireServiceRole(caller, ops.get);
    const request = await manager.findOne(ServiceRequest, { where: { id: input.id } });
    if (!request) throw ServiceRequestException.notFound(input.id);
    return toServiceRequestView(request, now);
  }

  async list(
    manager: EntityManager,
    caller: Caller,
    filter: ListServiceRequestsQuery,
    now = new Date(),
  ): Promise<Page<ServiceRequestSummary>> {
    requireServiceRole(caller, ops.list);
    const limit = filter.limit ?? DEFAULT_PAGE_LIMIT;
    const after = cursorOf(filter.cursor);
    const query = manager.createQueryBuilder(ServiceRequest, 'r');
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.technician !== undefined) query.andWhere('r.technician = :technician', { technician: filter.technician });
    if (after) query.andWhere('r.seq < :after', { after });
    const rows = await query
      .orderBy('r.seq', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, (row) => toServiceRequestSummary(row, now));
  }

  /**
   * SRV-2: undispatched requests, oldest first (by arrival), so requests carried over from an
   * earlier working day head the queue; each says whether it is `carriedOver`.
   */
  async dispatchQueue(
    manager: EntityManager,
    caller: Caller,
    filter: DispatchQueueQuery,
    now = new Date(),
  ): Promise<Page<ServiceRequestSummary>> {
    requireServiceRole(caller, ops.dispatchQueue);
    const limit = filter.limit ?? DEFAULT_PAGE_LIMIT;
    const after = cursorOf(filter.cursor);
    const query = manager.createQueryBuilder(ServiceRequest, 'r').where("r.status = 'registered'");
    if (after) query.andWhere('r.seq > :after', { after });
    const rows = await query
      .orderBy('r.seq', 'ASC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, (row) => toServiceRequestSummary(row, now));
  }

  /**
   * SRV-4: the register check of a business day (Asia/Shanghai), as of its end: every request whose
   * work had started and that was not completed — work without a voucher, and vouchers missing the
   * countersignature and/or the customer's signature. Oldest first.
   */
  async registerCheck(manager: EntityManager, caller: Caller, input: RegisterCheckQuery): Promise<RegisterCheck> {
    requireServiceRole(caller, ops.registerCheck);
    const end = new Date(businessInstant(input.date).getTime() + DAY_MS);
    const rows = await manager
      .createQueryBuilder(ServiceRequest, 'r')
      .where('r.startedAt < :end', { end })
      .andWhere('(r.completedAt IS NULL OR r.completedAt >= :end)', { end })
      .orderBy('r.seq', 'ASC')
      .getMany();
    return { date: input.date, items: rows.map((row) => registerCheckEntry(row, end)) };
  }
}
