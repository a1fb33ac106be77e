import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptComplaintPayload,
  AssignComplaintPayload,
  type Caller,
  ComplaintFindingsPayload,
  ComplaintFollowUpPayload,
  ComplaintIdPayload,
  ComplaintMonthlyReportQuery,
  ComplaintOperations as ops,
  ComplaintProposalPayload,
  ExtendComplaintPayload,
  ListComplaintsQuery,
  RegisterComplaintBody,
  RejectComplaintPayload,
  ResolveComplaintPayload,
} from '@crm/contracts';
import { CurrentCaller, TransactionRunner } from '@crm/service-kit';
import { ComplaintStepsHandler } from './complaint-steps/complaint-steps.handler';
import { MonthlyReportHandler } from './monthly-report/monthly-report.handler';
import { ReadComplaintsHandler } from './read-complaints/read-complaints.handler';
import { RegisterComplaintHandler } from './register-complaint/register-complaint.handler';

/**
 * The RPC edge of the complaints context: the global pipe validates the payload with the
 * operation's contract class, `@CurrentCaller()` resolves who asks, and one transaction per
 * command is opened here (STYLE rule 3). No business rule lives here.
 */
@Controller()
export class ComplaintController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly registerComplaint: RegisterComplaintHandler,
    private readonly reads: ReadComplaintsHandler,
    private readonly steps: ComplaintStepsHandler,
    private readonly report: MonthlyReportHandler,
  ) {}

  @MessagePattern(ops.monthlyReport.pattern)
  monthlyReport(@Payload() payload: ComplaintMonthlyReportQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.report.execute(manager, caller, payload));
  }

  @MessagePattern(ops.register.pattern)
  register(@Payload() payload: RegisterComplaintBody, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.registerComplaint.execute(manager, caller, payload));
  }

  @MessagePattern(ops.get.pattern)
  get(@Payload() payload: ComplaintIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.get(manager, caller, payload));
  }

  @MessagePattern(ops.list.pattern)
  list(@Payload() payload: ListComplaintsQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.list(manager, caller, payload));
  }

  @MessagePattern(ops.accept.pattern)
  accept(@Payload() payload: AcceptComplaintPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.accept(manager, caller, payload));
  }

  @MessagePattern(ops.reject.pattern)
  reject(@Payload() payload: RejectComplaintPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.reject(manager, caller, payload));
  }

  @MessagePattern(ops.assign.pattern)
  assign(@Payload() payload: AssignComplaintPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.assign(manager, caller, payload));
  }

  @MessagePattern(ops.findings.pattern)
  findings(@Payload() payload: ComplaintFindingsPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.findings(manager, caller, payload));
  }

  @MessagePattern(ops.propose.pattern)
  propose(@Payload() payload: ComplaintProposalPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.propose(manager, caller, payload));
  }

  @MessagePattern(ops.approve.pattern)
  approve(@Payload() payload: ComplaintIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.approve(manager, caller, payload));
  }

  @MessagePattern(ops.resolve.pattern)
  resolve(@Payload() payload: ResolveComplaintPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.resolve(manager, caller, payload));
  }

  @MessagePattern(ops.followUp.pattern)
  followUp(@Payload() payload: ComplaintFollowUpPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.followUp(manager, caller, payload));
  }

  @MessagePattern(ops.extend.pattern)
  extend(@Payload() payload: ExtendComplaintPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.extend(manager, caller, payload));
  }
}
