import { Module } from '@nestjs/common';
import { AccessRegisterController } from './access-register.controller';
import { AccessRegister } from './access-register';
import { ArchiveReadCheck } from './archive-read.check';
import { ReadAccessLogHandler } from './read-access-log/read-access-log.handler';

/** The borrowing register (CUS-7): the read check every content read goes through, recording reads, and reading the register. */
@Module({
  controllers: [AccessRegisterController],
  providers: [AccessRegister, ArchiveReadCheck, ReadAccessLogHandler],
  exports: [AccessRegister, ArchiveReadCheck],
})
export class AccessRegisterModule {}
