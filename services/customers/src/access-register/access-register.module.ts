import { Module } from '@nestjs/common';
import { AccessRegisterController } from './access-register.controller';
import { AccessRegister } from './access-register';
import { ReadAccessLogHandler } from './read-access-log/read-access-log.handler';

/** The borrowing register (CUS-7): recording reads, and reading the register. */
@Module({
  controllers: [AccessRegisterController],
  providers: [AccessRegister, ReadAccessLogHandler],
  exports: [AccessRegister],
})
export class AccessRegisterModule {}
