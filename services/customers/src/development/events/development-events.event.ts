import type { EntityManager } from 'typeorm';
import {
  DevelopmentEventType,
  type DevelopmentHaltedEventData,
  type UrgentReportedEventData,
  type VisitRecordedEventData,
} from '@crm/contracts';
import type { OutboxWriter } from '@crm/messaging';
import type { Customer } from '../../archive/customer.entity';
import type { CustomerDevelopment } from '../customer-development.entity';
import type { VisitRecord } from '../visit.entity';

/*
 * CUS-10 / DEV-4: event data built field by field — ids, kinds, dates and the urgent summary;
 * never the visit report's content, the halt reason or anything else of the archive. The
 * aggregate is the archive, so an archive's events are published in the order they happened.
 */

export function recordVisitRecorded(
  outbox: OutboxWriter,
  manager: EntityManager,
  customer: Customer,
  visit: VisitRecord,
  nextVisitDueAt: Date | null,
): Promise<unknown> {
  const data: VisitRecordedEventData = {
    visitId: visit.id,
    customerId: customer.id,
    code: customer.code,
    kind: visit.kind,
    visitor: visit.visitor,
    visitedAt: visit.visitedAt.toISOString(),
    nextVisitDueAt: nextVisitDueAt ? nextVisitDueAt.toISOString() : null,
  };
  return outbox.record(manager, { type: DevelopmentEventType.VisitRecorded, aggregateId: customer.id, data });
}

/** DEV-4: published at once (with the visit) so managers and the complaints side can act. */
export function recordUrgentReported(
  outbox: OutboxWriter,
  manager: EntityManager,
  customer: Customer,
  visit: VisitRecord,
): Promise<unknown> {
  const data: UrgentReportedEventData = {
    visitId: visit.id,
    customerId: customer.id,
    code: customer.code,
    kind: visit.urgentKind ?? 'other',
    summary: visit.urgentSummary ?? '',
    ...(visit.urgentSku ? { sku: visit.urgentSku } : {}),
    ...(visit.urgentBatchNo ? { batchNo: visit.urgentBatchNo } : {}),
    visitor: visit.visitor,
    visitedAt: visit.visitedAt.toISOString(),
  };
  return outbox.record(manager, { type: DevelopmentEventType.UrgentReported, aggregateId: customer.id, data });
}

export function recordDevelopmentHalted(
  outbox: OutboxWriter,
  manager: EntityManager,
  customer: Customer,
  development: CustomerDevelopment,
  at: Date,
): Promise<unknown> {
  const data: DevelopmentHaltedEventData = {
    customerId: customer.id,
    developmentId: development.id,
    code: customer.code,
    haltedAt: at.toISOString(),
  };
  return outbox.record(manager, { type: DevelopmentEventType.DevelopmentHalted, aggregateId: customer.id, data });
}
