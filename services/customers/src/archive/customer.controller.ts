import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CustomerPattern } from '@crm/contracts';
import { AmqpContext } from '@crm/messaging';
import { TransactionRunner } from '@crm/service-kit';
import { ApproveCustomerHandler } from './approve-customer/approve-customer.handler';
import { ApproveDestructionHandler } from './approve-destruction/approve-destruction.handler';
import { CustomerIdDto } from './customer-command.dto';
import { requireCaller } from './customer.policy';
import { GetCustomerDto } from './get-customer/get-customer.dto';
import { GetCustomerHandler } from './get-customer/get-customer.handler';
import { GradeCustomerDto } from './grade-customer/grade-customer.dto';
import { GradeCustomerHandler } from './grade-customer/grade-customer.handler';
import { ListCustomersDto } from './list-customers/list-customers.dto';
import { ListCustomersHandler } from './list-customers/list-customers.handler';
import { MarkCustomerDormantDto } from './mark-customer-dormant/mark-customer-dormant.dto';
import { MarkCustomerDormantHandler } from './mark-customer-dormant/mark-customer-dormant.handler';
import { RegisterCustomerDto } from './register-customer/register-customer.dto';
import { RegisterCustomerHandler } from './register-customer/register-customer.handler';
import { RejectCustomerDto } from './reject-customer/reject-customer.dto';
import { RejectCustomerHandler } from './reject-customer/reject-customer.handler';
import { ReviewCustomerDto } from './review-customer/review-customer.dto';
import { ReviewCustomerHandler } from './review-customer/review-customer.handler';
import { SubmitCustomerDto } from './submit-customer/submit-customer.dto';
import { SubmitCustomerHandler } from './submit-customer/submit-customer.handler';
import { UpdateCustomerDto } from './update-customer/update-customer.dto';
import { UpdateCustomerHandler } from './update-customer/update-customer.handler';

/**
 * The RPC edge of the archive context: the global pipe validates the payload, this resolves the
 * caller, opens one transaction per command (STYLE rule 3) and hands both to the use-case
 * handler. No business rule lives here.
 */
@Controller()
export class CustomerController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly registerCustomer: RegisterCustomerHandler,
    private readonly getCustomer: GetCustomerHandler,
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

  @MessagePattern(CustomerPattern.Register)
  register(@Payload() payload: RegisterCustomerDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    return this.tx.run((manager) => this.registerCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(CustomerPattern.Get)
  async get(@Payload() payload: GetCustomerDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    // CUS-7: the access entry commits with this transaction; a refusal is thrown only afterwards,
    // so denied attempts stay recorded.
    const outcome = await this.tx.run((manager) => this.getCustomer.execute(manager, caller, payload));
    if (!outcome.granted) throw outcome.refusal;
    return outcome.value;
  }

  @MessagePattern(CustomerPattern.List)
  list(@Payload() payload: ListCustomersDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    return this.tx.read((manager) => this.listCustomers.execute(manager, caller, payload));
  }

  @MessagePattern(CustomerPattern.Update)
  update(@Payload() payload: UpdateCustomerDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    return this.tx.run((manager) => this.updateCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(CustomerPattern.Submit)
  submit(@Payload() payload: SubmitCustomerDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    return this.tx.run((manager) => this.submitCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(CustomerPattern.Approve)
  approve(@Payload() payload: CustomerIdDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    return this.tx.run((manager) => this.approveCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(CustomerPattern.Reject)
  reject(@Payload() payload: RejectCustomerDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    return this.tx.run((manager) => this.rejectCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(CustomerPattern.Grade)
  grade(@Payload() payload: GradeCustomerDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    return this.tx.run((manager) => this.gradeCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(CustomerPattern.Review)
  review(@Payload() payload: ReviewCustomerDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    return this.tx.run((manager) => this.reviewCustomer.execute(manager, caller, payload));
  }

  @MessagePattern(CustomerPattern.MarkDormant)
  dormant(@Payload() payload: MarkCustomerDormantDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    return this.tx.run((manager) => this.markDormant.execute(manager, caller, payload));
  }

  @MessagePattern(CustomerPattern.ApproveDestruction)
  destructionApproval(@Payload() payload: CustomerIdDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    return this.tx.run((manager) => this.approveDestruction.execute(manager, caller, payload));
  }
}
