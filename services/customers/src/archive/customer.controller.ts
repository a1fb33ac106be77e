import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type Caller,
  CustomerArchiveInput,
  CustomerIdPayload,
  CustomerOperations as ops,
  CustomerQueries,
  GetCustomerPayload,
  GradeCustomerPayload,
  ListCustomersQuery,
  ReasonPayload,
  ReviewCustomerPayload,
  SubmitCustomerPayload,
  UpdateCustomerPayload,
} from '@crm/contracts';
import { CurrentCaller, TransactionRunner } from '@crm/service-kit';
import { ApproveCustomerHandler } from './approve-customer/approve-customer.handler';
import { ApproveDestructionHandler } from './approve-destruction/approve-destruction.handler';
import { GetCustomerHandler } from './get-customer/get-customer.handler';
import { GetCustomerStatusHandler } from './get-customer-status/get-customer-status.handler';
import { GradeCustomerHandler } from './grade-customer/grade-customer.handler';
import { ListCustomersHandler } from './list-customers/list-customers.handler';
import { MarkCustomerDormantHandler } from './mark-customer-dormant/mark-customer-dormant.handler';
import { RegisterCustomerHandler } from './register-customer/register-customer.handler';
import { RejectCustomerHandler } from './reject-customer/reject-customer.handler';
import { ReviewCustomerHandler } from './review-customer/review-customer.handler';
import { SubmitCustomerHandler } from './submit-customer/submit-customer.handler';
import { UpdateCustomerHandler } from './update-customer/update-customer.handler';

/**
 * The RPC edge of the archive context: the global pipe validates the payload with the operation's
 * contract class (libs/contracts), `@CurrentCaller()` resolves who asks, and one transaction per
 * command is opened here (STYLE rule 3) for the use-case handler. No business rule lives here.
 */
@Controller()
export class CustomerController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly registerCustomer: RegisterCustomerHandler,
    private readonly getCustomer: GetCustomerHandler,
    private readonly getStatus: GetCustomerStatusHandler,
    private readonly listCustomers: ListCustomersHandler,
    private readonly updateCustomer: UpdateCustomerHandler,
    private readonly submitCustomer: SubmitCustomerHandler,
    private readonly approveCustomer: ApproveCustomerHandler,
    private readonly rejectCustomer: RejectCustomerHandler,
    private readonly gradeCustomer: GradeCustomerHandler,
    private readonly reviewCustomer: ReviewCustomerHandler,
    private readonly markDormant: MarkCustomerDormantHandler,
    private readonly approveDestruction: ApproveDestructionHandler,
  ) {}

  @MessagePattern(ops.register.pattern)
  register(@Payload() payload: CustomerArchiveInput, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.registerCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(ops.get.pattern)
  async get(@Payload() payload: GetCustomerPayload, @CurrentCaller() caller: Caller) {
    // CUS-7: the access entry commits with this transaction; a refusal is thrown only afterwards,
    // so denied attempts stay recorded.
    const outcome = await this.tx.run(
      (manager) => this.getCustomer.execute(manager, caller, payload),
      (read) => (read.granted ? { ok: true, data: read.value } : { ok: false, error: read.refusal.toPayload() }),
    );
    if (!outcome.granted) throw outcome.refusal;
    return outcome.value;
  }

  @MessagePattern(CustomerQueries.status.pattern)
  status(@Payload() payload: CustomerIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.getStatus.execute(manager, caller, payload));
  }

  @MessagePattern(ops.list.pattern)
  list(@Payload() payload: ListCustomersQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.listCustomers.execute(manager, caller, payload));
  }

  @MessagePattern(ops.update.pattern)
  update(@Payload() payload: UpdateCustomerPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.updateCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(ops.submit.pattern)
  submit(@Payload() payload: SubmitCustomerPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.submitCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(ops.approve.pattern)
  approve(@Payload() payload: CustomerIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.approveCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(ops.reject.pattern)
  reject(@Payload() payload: ReasonPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.rejectCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(ops.grade.pattern)
  grade(@Payload() payload: GradeCustomerPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.gradeCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(ops.review.pattern)
  review(@Payload() payload: ReviewCustomerPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.reviewCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(ops.markDormant.pattern)
  dormant(@Payload() payload: ReasonPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.markDormant.execute(manager, caller, payload));
  }

  @MessagePattern(ops.approveDestruction.pattern)
  destructionApproval(@Payload() payload: CustomerIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.approveDestruction.execute(manager, caller, payload));
  }
}
