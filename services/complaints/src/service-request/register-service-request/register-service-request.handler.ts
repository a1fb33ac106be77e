import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkingCalendar, businessDate } from '@crm/calendar';
import {
  type Caller,
  type RegisterServiceRequestBody,
  ServiceRequestEventType,
  ServiceRequestOperations,
  type ServiceRequestView,
} from '@crm/contracts';
import type { FieldError } from '@crm/errors';
import { OutboxWriter } from '@crm/messaging';
import { actorOf } from '../../complaint/complaint.view';
import { recordServiceRequestEvent } from '../events/service-request.event';
import { registrationFee } from '../service-request-charges.policy';
import { ServiceRequest } from '../service-request.entity';
import { ServiceRequestException, ServiceRequestExceptionCode } from '../service-request.exception';
import { allocateServiceRequestNumber } from '../service-request-number.policy';
import { requireServiceRole } from '../service-request.policy';
import { queueDateOf } from '../service-request-queue.policy';
import { SERVICE_REQUEST_SETTINGS, type ServiceRequestSettings } from '../service-request-settings';
import { toServiceRequestView } from '../service-request.view';

/** SRV-1: what a class cannot express — names and the problem not blank, the purchase not in the future. */
export function registrationErrors(input: RegisterServiceRequestBody, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.contact.name.trim()) errors.push({ field: 'contact.name', message: 'SRV-1: the contact has a name' });
  if (!input.contact.address.trim()) errors.push({ field: 'contact.address', message: 'SRV-1: the contact has an address' });
  if (!input.product.model.trim()) errors.push({ field: 'product.model', message: 'SRV-1: the product model is named' });
  if (!input.problem.trim()) errors.push({ field: 'problem', message: 'SRV-1: the problem is described' });
  if (input.product.purchasedAt && input.product.purchasedAt > businessDate(now)) {
    errors.push({ field: 'product.purchasedAt', message: 'SRV-1: the purchase date cannot be in the future' });
  }
  return errors;
}

/**
 * SRV-1: a request of one of the four kinds enters the service register at once, numbered
 * `SR-YYYYMM-NNNN`, in the dispatch queue of its working day (SRV-2); fees by SRV-1/SRV-5.
 */
@Injectable()
export class RegisterServiceRequestHandler {
  private readonly calendar: WorkingCalendar;

  constructor(
    private readonly outbox: OutboxWriter,
    @Inject(SERVICE_REQUEST_SETTINGS) settings: ServiceRequestSettings,
  ) {
    this.calendar = new WorkingCalendar({ holidays: settings.holidays, makeUpWorkingDays: settings.makeUpWorkingDays });
  }

  async execute(manager: EntityManager, caller: Caller, input: RegisterServiceRequestBody, now = new Date()): Promise<ServiceRequestView> {
    requireServiceRole(caller, ServiceRequestOperations.register);
    const errors = registrationErrors(input, now);
    if (errors.length) {
      throw new ServiceRequestException(ServiceRequestExceptionCode.InvalidInput, errors.map((e) => e.message).join('; '), 'SRV-1', errors);
    }
    const feeFen = registrationFee(input);
    const request = new ServiceRequest();
    request.id = randomUUID();
    request.kind = input.kind;
    request.site = input.site;
    request.status = 'registered';
    request.customerId = input.customerId ?? null;
    request.contractNo = input.contractNo ?? null;
    request.feeFen = feeFen;
    request.details = { contact: { ...input.contact }, product: { ...input.product }, problem: input.problem };
    request.queueDate = queueDateOf(this.calendar, now); // SRV-2
    request.technician = null;
    request.promisedDate = null;
    request.dispatch = null;
    request.dispatchedAt = null;
    request.offSiteApplication = null;
    request.startedAt = null;
    request.voucher = null;
    request.voucherNumber = null;
    request.voucherAt = null;
    request.workStartedAt = null;
    request.countersignedAt = null;
    request.customerSignedAt = null;
    request.completedAt = null;
    request.serviceCostFen = null;
    request.opinion = null;
    request.attitudeScore = null;
    request.skillScore = null;
    request.arrivalScore = null;
    request.promiseKeptScore = null;
    request.grievanceSerious = null;
    request.createdBy = actorOf(caller);
    request.createdAt = now;
    request.updatedAt = now;
    request.version = 1;
    request.number = await allocateServiceRequestNumber(manager, now); // last: the counter row stays locked until commit
    await manager.insert(ServiceRequest, request);
    await recordServiceRequestEvent(this.outbox, manager, ServiceRequestEventType.Registered, request);
    return toServiceRequestView(request, now);
  }
}
