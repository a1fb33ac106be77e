import type { EntityManager } from 'typeorm';
import {
  type ServiceRequestChargedEventData,
  type ServiceRequestEventData,
  ServiceRequestEventType,
  type ServiceRequestGrievanceEventData,
} from '@crm/contracts';
import type { OutboxWriter } from '@crm/messaging';
import { fenToMoney } from '../service-request-charges.policy';
import type { ServiceRequest } from '../service-request.entity';

type LifecycleType =
  typeof ServiceRequestEventType.Registered | typeof ServiceRequestEventType.Dispatched | typeof ServiceRequestEventType.Completed;

/** Built field by field — ids, numbers and classification; never the contact's name, phone or address. */
export function serviceRequestEventData(request: ServiceRequest): ServiceRequestEventData {
  return {
    serviceRequestId: request.id,
    number: request.number,
    kind: request.kind,
    site: request.site,
    status: request.status,
    customerId: request.customerId,
    technician: request.technician,
    promisedDate: request.promisedDate,
    ...(request.voucherNumber ? { voucherNumber: request.voucherNumber } : {}),
    ...(request.serviceCostFen !== null ? { serviceCost: fenToMoney(request.serviceCostFen) } : {}),
  };
}

/** STYLE rule 5: every event goes to the outbox in the command's own transaction. */
export function recordServiceRequestEvent(
  outbox: OutboxWriter,
  manager: EntityManager,
  type: LifecycleType,
  request: ServiceRequest,
): Promise<unknown> {
  return outbox.record(manager, { type, aggregateId: request.id, data: serviceRequestEventData(request) });
}

/** SRV-5: everything finance needs to book a paid request's fee without calling back. */
export function chargedEventData(request: ServiceRequest): ServiceRequestChargedEventData {
  if (request.feeFen === null || !request.voucher?.payment || !request.voucherNumber || !request.completedAt) {
    throw new Error(`Service request ${request.number} is not a completed paid request`);
  }
  return {
    serviceRequestId: request.id,
    number: request.number,
    voucherNumber: request.voucherNumber,
    customerId: request.customerId,
    contractNo: request.contractNo,
    fee: fenToMoney(request.feeFen),
    method: request.voucher.payment,
    serviceCost: fenToMoney(request.serviceCostFen ?? 0),
    completedAt: request.completedAt.toISOString(),
  };
}

export function recordCharged(outbox: OutboxWriter, manager: EntityManager, request: ServiceRequest): Promise<unknown> {
  return outbox.record(manager, { type: ServiceRequestEventType.Charged, aggregateId: request.id, data: chargedEventData(request) });
}

/** SRV-6: a serious grievance escalates to an executive at once; the text stays in the record. */
export function grievanceEventData(request: ServiceRequest): ServiceRequestGrievanceEventData {
  return {
    serviceRequestId: request.id,
    number: request.number,
    customerId: request.customerId,
    technician: request.technician,
    serious: true,
    escalatedTo: 'executive',
  };
}

export function recordGrievanceEscalated(outbox: OutboxWriter, manager: EntityManager, request: ServiceRequest): Promise<unknown> {
  return outbox.record(manager, {
    type: ServiceRequestEventType.GrievanceEscalated,
    aggregateId: request.id,
    data: grievanceEventData(request),
  });
}
