import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AccessLogPayload, type Caller, CustomerOperations } from '@crm/contracts';
import { CurrentCaller, TransactionRunner } from '@crm/service-kit';
import { ReadAccessLogHandler } from './read-access-log/read-access-log.handler';

/** The RPC edge of the borrowing register (CUS-7). */
@Controller()
export class AccessRegisterController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly readAccessLog: ReadAccessLogHandler,
  ) {}

  @MessagePattern(CustomerOperations.accessLog.pattern)
  accessLog(@Payload() payload: AccessLogPayload, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.readAccessLog.execute(manager, caller, payload));
  }
}
