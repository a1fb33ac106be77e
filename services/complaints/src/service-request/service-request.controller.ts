import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type Caller,
  CustomerSignaturePayload,
  DispatchQueueQuery,
  DispatchServiceRequestPayload,
  GrievanceAnswerPayload,
  ListServiceRequestsQuery,
  OffSiteApplicationPayload,
  RegisterCheckQuery,
  RegisterServiceRequestBody,
  ServiceOpinionPayload,
  ServiceRequestIdPayload,
  ServiceRequestOperations as ops,
  ServiceVoucherPayload,
  TechnicianScorecardQuery,
} from '@crm/contracts';
import { CurrentCaller, TransactionRunner } from '@crm/service-kit';
import { ReadServiceRequestsHandler } from './read-service-requests/read-service-requests.handler';
import { RegisterServiceRequestHandler } from './register-service-request/register-service-request.handler';
import { ServiceRequestStepsHandler } from './service-request-steps/service-request-steps.handler';
import { TechnicianScorecardHandler } from './technician-scorecard/technician-scorecard.handler';

/**
 * The RPC edge of the service desk: the global pipe validates the payload with the operation's
 * contract class, `@CurrentCaller()` resolves who asks, one transaction per command (STYLE rule 3).
 */
@Controller()
export class ServiceRequestController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly registration: RegisterServiceRequestHandler,
    private readonly reads: ReadServiceRequestsHandler,
    private readonly steps: ServiceRequestStepsHandler,
    private readonly scorecard: TechnicianScorecardHandler,
  ) {}

  @MessagePattern(ops.register.pattern)
  register(@Payload() payload: RegisterServiceRequestBody, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.registration.execute(manager, caller, payload));
  }

  @MessagePattern(ops.get.pattern)
  get(@Payload() payload: ServiceRequestIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.get(manager, caller, payload));
  }

  @MessagePattern(ops.list.pattern)
  list(@Payload() payload: ListServiceRequestsQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.list(manager, caller, payload));
  }

  @MessagePattern(ops.dispatchQueue.pattern)
  dispatchQueue(@Payload() payload: DispatchQueueQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.dispatchQueue(manager, caller, payload));
  }

  @MessagePattern(ops.registerCheck.pattern)
  registerCheck(@Payload() payload: RegisterCheckQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.registerCheck(manager, caller, payload));
  }

  @MessagePattern(ops.technicianScorecard.pattern)
  technicianScorecard(@Payload() payload: TechnicianScorecardQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.scorecard.execute(manager, caller, payload));
  }

  @MessagePattern(ops.dispatch.pattern)
  dispatch(@Payload() payload: DispatchServiceRequestPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.dispatch(manager, caller, payload));
  }

  @MessagePattern(ops.applyOffSite.pattern)
  applyOffSite(@Payload() payload: OffSiteApplicationPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.applyOffSite(manager, caller, payload));
  }

  @MessagePattern(ops.approveOffSite.pattern)
  approveOffSite(@Payload() payload: ServiceRequestIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.approveOffSite(manager, caller, payload));
  }

  @MessagePattern(ops.start.pattern)
  start(@Payload() payload: ServiceRequestIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.start(manager, caller, payload));
  }

  @MessagePattern(ops.voucher.pattern)
  voucher(@Payload() payload: ServiceVoucherPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.voucher(manager, caller, payload));
  }

  @MessagePattern(ops.countersign.pattern)
  countersign(@Payload() payload: ServiceRequestIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.countersign(manager, caller, payload));
  }

  @MessagePattern(ops.customerSignature.pattern)
  customerSignature(@Payload() payload: CustomerSignaturePayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.customerSignature(manager, caller, payload));
  }

  @MessagePattern(ops.opinion.pattern)
  opinion(@Payload() payload: ServiceOpinionPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.opinion(manager, caller, payload));
  }

  @MessagePattern(ops.answerGrievance.pattern)
  answerGrievance(@Payload() payload: GrievanceAnswerPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.answerGrievance(manager, caller, payload));
  }
}
