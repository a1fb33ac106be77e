import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CustomerPattern } from '@crm/contracts';
import { AmqpContext } from '@crm/messaging';
import { TransactionRunner } from '@crm/service-kit';
import { requireCaller } from '../archive/customer.policy';
import { ReadAccessLogDto } from './read-access-log/read-access-log.dto';
import { ReadAccessLogHandler } from './read-access-log/read-access-log.handler';

/** The RPC edge of the borrowing register (CUS-7). */
@Controller()
export class AccessRegisterController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly readAccessLog: ReadAccessLogHandler,
  ) {}

  @MessagePattern(CustomerPattern.AccessLog)
  accessLog(@Payload() payload: ReadAccessLogDto, @Ctx() ctx: AmqpContext) {
    const caller = requireCaller(ctx.caller);
    return this.tx.read((manager) => this.readAccessLog.execute(manager, caller, payload));
  }
}
