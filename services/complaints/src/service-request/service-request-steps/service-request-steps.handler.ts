import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { businessDate } from '@crm/calendar';
import {
  type Caller,
  type CustomerSignaturePayload,
  type DispatchServiceRequestPayload,
  type GrievanceAnswerPayload,
  type OffSiteApplicationPayload,
  type Operation,
  type ServiceOpinionPayload,
  type ServiceRequestIdPayload,
  ServiceRequestEventType,
  ServiceRequestOperations as ops,
  type ServiceRequestView,
  type ServiceVoucherPayload,
} from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { actorOf } from '../../complaint/complaint.view';
import { recordCharged, recordGrievanceEscalated, recordServiceRequestEvent } from '../events/service-request.event';
import { paymentMethodOf } from '../service-request-charges.policy';
import { ServiceRequest } from '../service-request.entity';
import { ServiceRequestException } from '../service-request.exception';
import { type ServiceRequestStep, nextServiceStatus } from '../service-request-lifecycle.policy';
import { loadServiceRequestForCommand } from '../service-request.loader';
import { allocateVoucherNumber } from '../service-request-number.policy';
import { assertMayAnswerGrievance, grievanceAnswerer, scoresOf } from '../service-request-opinion.policy';
import { requireServiceRole } from '../service-request.policy';
import { SERVICE_REQUEST_SETTINGS, type ServiceRequestSettings } from '../service-request-settings';
import { checkVoucherTimes } from '../service-request-voucher.policy';
import { toServiceRequestView } from '../service-request.view';

/**
 * The workflow steps of one service request (SRV-2..SRV-6). Every step has the same shape — role
 * check (GW-3, before the lookup: 403 before 404), row lock, the transition from the one state
 * machine (`SERVICE_REQUEST_LIFECYCLE`), the step's own rules, save with `version` + 1, its events in
 * the outbox of the same transaction — so they share `step()`.
 */
@Injectable()
export class ServiceRequestStepsHandler {
  constructor(
    private readonly outbox: OutboxWriter,
    @Inject(SERVICE_REQUEST_SETTINGS) private readonly settings: ServiceRequestSettings,
  ) {}

  private async step(
    manager: EntityManager,
    caller: Caller,
    operation: Operation,
    id: string,
    step: ServiceRequestStep,
    now: Date,
    apply: (request: ServiceRequest) => void | Promise<void>,
  ): Promise<ServiceRequest> {
    requireServiceRole(caller, operation);
    const request = await loadServiceRequestForCommand(manager, id);
    const next = nextServiceStatus(request.status, step);
    await apply(request);
    request.status = next;
    request.version += 1;
    request.updatedAt = now;
    return request;
  }

  private async saved(manager: EntityManager, request: ServiceRequest, now: Date): Promise<ServiceRequestView> {
    await manager.save(request);
    return toServiceRequestView(request, now);
  }

  /** SRV-2: the service manager dispatches to a technician, promising a day not already past. */
  async dispatch(
    manager: EntityManager,
    caller: Caller,
    input: DispatchServiceRequestPayload,
    now = new Date(),
  ): Promise<ServiceRequestView> {
    const request = await this.step(manager, caller, ops.dispatch, input.id, 'dispatch', now, (r) => {
      if (!input.technician.trim()) {
        throw ServiceRequestException.rule('SRV-2', 'a request is dispatched to a named technician', [
          { field: 'technician', message: 'blank' },
        ]);
      }
      if (input.promisedDate < businessDate(now)) {
        throw ServiceRequestException.rule('SRV-2', 'the promised day cannot be in the past', [
          { field: 'promisedDate', message: `before today (${businessDate(now)})` },
        ]);
      }
      r.technician = input.technician;
      r.promisedDate = input.promisedDate;
      r.dispatch = { technician: input.technician, promisedDate: input.promisedDate, at: now.toISOString(), by: actorOf(caller) };
      r.dispatchedAt ??= now;
    });
    const view = await this.saved(manager, request, now);
    await recordServiceRequestEvent(this.outbox, manager, ServiceRequestEventType.Dispatched, request);
    return view;
  }

  /** SRV-3: an off-site request's application (a new one replaces the old and needs approving anew). */
  async applyOffSite(
    manager: EntityManager,
    caller: Caller,
    input: OffSiteApplicationPayload,
    now = new Date(),
  ): Promise<ServiceRequestView> {
    const request = await this.step(manager, caller, ops.applyOffSite, input.id, 'applyOffSite', now, (r) => {
      if (r.site !== 'off_site') throw ServiceRequestException.rule('SRV-3', 'only an off-site request has an off-site application');
      if (input.estimatedCost.currency !== 'CNY') {
        throw ServiceRequestException.rule('SRV-3', 'costs are in CNY', [{ field: 'estimatedCost.currency', message: 'must be CNY' }]);
      }
      if (!input.technician.trim() || !input.destination.trim()) {
        throw ServiceRequestException.rule('SRV-3', 'the application names the technician and the destination');
      }
      r.offSiteApplication = {
        technician: input.technician,
        destination: input.destination,
        days: input.days,
        estimatedCost: { ...input.estimatedCost },
        at: now.toISOString(),
        by: actorOf(caller),
        approval: null,
      };
    });
    return this.saved(manager, request, now);
  }

  /** SRV-3: the service manager approves the pending application. */
  async approveOffSite(
    manager: EntityManager,
    caller: Caller,
    input: ServiceRequestIdPayload,
    now = new Date(),
  ): Promise<ServiceRequestView> {
    const request = await this.step(manager, caller, ops.approveOffSite, input.id, 'approveOffSite', now, (r) => {
      if (!r.offSiteApplication) throw ServiceRequestException.rule('SRV-3', 'there is no off-site application to approve');
      if (r.offSiteApplication.approval) throw ServiceRequestException.alreadyDone('SRV-3', 'the off-site application is already approved');
      r.offSiteApplication = { ...r.offSiteApplication, approval: { at: now.toISOString(), by: actorOf(caller) } };
    });
    return this.saved(manager, request, now);
  }

  /** SRV-3: an off-site request cannot start until its application is approved. */
  async start(manager: EntityManager, caller: Caller, input: ServiceRequestIdPayload, now = new Date()): Promise<ServiceRequestView> {
    const request = await this.step(manager, caller, ops.start, input.id, 'start', now, (r) => {
      if (r.site === 'off_site' && !r.offSiteApplication?.approval) {
        throw ServiceRequestException.rule(
          'SRV-3',
          'an off-site request starts only after the service manager approved its off-site application',
        );
      }
      r.startedAt = now;
    });
    return this.saved(manager, request, now);
  }

  /** SRV-4: the voucher (actual times, work, parts); SRV-5: how the fee is collected. */
  async voucher(manager: EntityManager, caller: Caller, input: ServiceVoucherPayload, now = new Date()): Promise<ServiceRequestView> {
    const startedAt = new Date(input.startedAt);
    const endedAt = new Date(input.endedAt);
    const request = await this.step(manager, caller, ops.voucher, input.id, 'voucher', now, async (r) => {
      checkVoucherTimes(startedAt, endedAt, now);
      const payment = paymentMethodOf(r.kind, r.feeFen, input.payment, this.settings.cashLimitFen);
      const number = await allocateVoucherNumber(manager, now); // last rule check done: the counter row stays locked until commit
      r.voucherNumber = number;
      r.voucherAt = now;
      r.workStartedAt = startedAt;
      r.voucher = {
        number,
        startedAt: startedAt.toISOString(),
        endedAt: endedAt.toISOString(),
        work: input.work,
        parts: (input.parts ?? []).map((part) => ({ sku: part.sku, quantity: part.quantity })),
        payment,
        at: now.toISOString(),
        by: actorOf(caller),
        countersignature: null,
        customerSignature: null,
      };
    });
    return this.saved(manager, request, now);
  }

  /** SRV-4: the service manager countersigns; the request completes once the customer has signed too. */
  async countersign(manager: EntityManager, caller: Caller, input: ServiceRequestIdPayload, now = new Date()): Promise<ServiceRequestView> {
    const request = await this.step(manager, caller, ops.countersign, input.id, 'countersign', now, (r) => {
      if (r.voucher!.countersignature) throw ServiceRequestException.alreadyDone('SRV-4', 'the voucher is already countersigned');
      r.voucher = { ...r.voucher!, countersignature: { at: now.toISOString(), by: actorOf(caller) } };
      r.countersignedAt = now;
    });
    return this.completeIfSigned(manager, request, now);
  }

  /** SRV-4: the customer signs (on site or later); the request completes once countersigned too. */
  async customerSignature(
    manager: EntityManager,
    caller: Caller,
    input: CustomerSignaturePayload,
    now = new Date(),
  ): Promise<ServiceRequestView> {
    const request = await this.step(manager, caller, ops.customerSignature, input.id, 'customerSignature', now, (r) => {
      if (r.voucher!.customerSignature) throw ServiceRequestException.alreadyDone('SRV-4', 'the customer has already signed the voucher');
      if (!input.signedBy.trim()) throw ServiceRequestException.rule('SRV-4', 'the customer signs with a name');
      r.voucher = { ...r.voucher!, customerSignature: { signedBy: input.signedBy, at: now.toISOString(), by: actorOf(caller) } };
      r.customerSignedAt = now;
    });
    return this.completeIfSigned(manager, request, now);
  }

  /**
   * SRV-4: `completed` only with both signatures, the voucher filed; SRV-3: the approved off-site
   * cost is booked as service cost (0 for a local request); SRV-5: a paid request is charged.
   */
  private async completeIfSigned(manager: EntityManager, request: ServiceRequest, now: Date): Promise<ServiceRequestView> {
    if (!request.voucher?.countersignature || !request.voucher.customerSignature) return this.saved(manager, request, now);
    request.status = nextServiceStatus(request.status, 'complete');
    request.completedAt = now;
    request.serviceCostFen = request.offSiteApplication?.approval ? request.offSiteApplication.estimatedCost.amount : 0;
    const view = await this.saved(manager, request, now);
    await recordServiceRequestEvent(this.outbox, manager, ServiceRequestEventType.Completed, request);
    if (request.kind === 'paid') await recordCharged(this.outbox, manager, request);
    return view;
  }

  /** SRV-6: the customer's opinion, once, after completion; a serious grievance escalates at once. */
  async opinion(manager: EntityManager, caller: Caller, input: ServiceOpinionPayload, now = new Date()): Promise<ServiceRequestView> {
    const request = await this.step(manager, caller, ops.opinion, input.id, 'opinion', now, (r) => {
      if (r.opinion) throw ServiceRequestException.alreadyDone('SRV-6', "the customer's opinion is already recorded");
      if (input.grievance && !input.grievance.text.trim()) {
        throw ServiceRequestException.rule('SRV-6', 'a grievance has a text', [{ field: 'grievance.text', message: 'blank' }]);
      }
      const scores = scoresOf(input.ratings);
      r.opinion = {
        ratings: { ...input.ratings },
        suggestion: input.suggestion ?? null,
        grievance: input.grievance
          ? {
              text: input.grievance.text,
              serious: input.grievance.serious,
              answeredBy: grievanceAnswerer(input.grievance.serious),
              answer: null,
            }
          : null,
        at: now.toISOString(),
        by: actorOf(caller),
      };
      r.attitudeScore = scores.attitude;
      r.skillScore = scores.skill;
      r.arrivalScore = scores.arrival;
      r.promiseKeptScore = scores.promiseKept;
      r.grievanceSerious = input.grievance ? input.grievance.serious : null;
    });
    const view = await this.saved(manager, request, now);
    if (request.grievanceSerious) await recordGrievanceEscalated(this.outbox, manager, request);
    return view;
  }

  /** SRV-6: the written answer — an executive for a serious grievance, else the service department. */
  async answerGrievance(
    manager: EntityManager,
    caller: Caller,
    input: GrievanceAnswerPayload,
    now = new Date(),
  ): Promise<ServiceRequestView> {
    const request = await this.step(manager, caller, ops.answerGrievance, input.id, 'answerGrievance', now, (r) => {
      const grievance = r.opinion?.grievance;
      if (!grievance) throw ServiceRequestException.rule('SRV-6', 'there is no grievance to answer');
      if (grievance.answer) throw ServiceRequestException.alreadyDone('SRV-6', 'the grievance is already answered');
      assertMayAnswerGrievance(caller, grievance.serious);
      if (!input.answer.trim())
        throw ServiceRequestException.rule('SRV-6', 'the answer is written', [{ field: 'answer', message: 'blank' }]);
      r.opinion = {
        ...r.opinion!,
        grievance: { ...grievance, answer: { answer: input.answer, at: now.toISOString(), by: actorOf(caller) } },
      };
    });
    return this.saved(manager, request, now);
  }
}
