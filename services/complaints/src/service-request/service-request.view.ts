import type { ServiceRequestSummary, ServiceRequestView } from '@crm/contracts';
import { fenToMoney } from './service-request-charges.policy';
import type { ServiceRequest } from './service-request.entity';
import { isCarriedOver } from './service-request-queue.policy';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toServiceRequestSummary(request: ServiceRequest, now: Date): ServiceRequestSummary {
  return {
    id: request.id,
    number: request.number,
    kind: request.kind,
    site: request.site,
    status: request.status,
    customerId: request.customerId,
    technician: request.technician,
    promisedDate: request.promisedDate,
    queueDate: request.queueDate,
    carriedOver: isCarriedOver(request.queueDate, request.dispatchedAt !== null, now),
    createdAt: request.createdAt.toISOString(),
  };
}

/** The whole record; built field by field (never the entity itself). */
export function toServiceRequestView(request: ServiceRequest, now: Date): ServiceRequestView {
  const { details } = request;
  return {
    ...toServiceRequestSummary(request, now),
    updatedAt: request.updatedAt.toISOString(),
    version: request.version,
    contact: details.contact,
    product: details.product,
    problem: details.problem,
    contractNo: request.contractNo,
    fee: request.feeFen === null ? null : fenToMoney(request.feeFen),
    dispatch: request.dispatch,
    offSiteApplication: request.offSiteApplication,
    startedAt: iso(request.startedAt),
    voucher: request.voucher,
    completedAt: iso(request.completedAt),
    serviceCost: request.serviceCostFen === null ? null : fenToMoney(request.serviceCostFen),
    opinion: request.opinion,
    createdBy: request.createdBy,
  };
}
