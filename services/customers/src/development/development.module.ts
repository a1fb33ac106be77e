import { Module } from '@nestjs/common';
import { AccessRegisterModule } from '../access-register/access-register.module';
import { DesignateVisitorHandler } from './designate-visitor/designate-visitor.handler';
import { DevelopmentArchiveReader } from './development-archive.reader';
import { DevelopmentController } from './development.controller';
import { DevelopmentErasure } from './development-erasure';
import { DevelopmentGate } from './development-gate';
import { DevelopmentStepsHandler } from './development-steps/development-steps.handler';
import { KeyCustomersHandler } from './key-customers/key-customers.handler';
import { ReadVisitsHandler } from './read-visits/read-visits.handler';
import { RecordCreditInvestigationHandler } from './record-credit-investigation/record-credit-investigation.handler';
import { RecordVisitHandler } from './record-visit/record-visit.handler';
import { PutSalesFiguresHandler } from './sales-figures/put-sales-figures.handler';
import { VisitMonthlyReportHandler } from './visit-monthly-report/visit-monthly-report.handler';
import { VisitScheduler } from './visit-scheduler';

/**
 * The development-and-visits bounded context (DEV-1..DEV-5). It exports what the archive context
 * asks of it inside the archive's own transactions: the DEV-1 halt check for CUS-2 submission, the
 * DEV-2 rescheduling on a CUS-5 grade change and the erasure on CUS-9 destruction. The settings
 * (DEVELOPMENT_SETTINGS) are provided globally by the app module.
 */
@Module({
  imports: [AccessRegisterModule],
  controllers: [DevelopmentController],
  providers: [
    VisitScheduler,
    DevelopmentGate,
    DevelopmentErasure,
    DevelopmentArchiveReader,
    DevelopmentStepsHandler,
    RecordCreditInvestigationHandler,
    DesignateVisitorHandler,
    RecordVisitHandler,
    ReadVisitsHandler,
    VisitMonthlyReportHandler,
    PutSalesFiguresHandler,
    KeyCustomersHandler,
  ],
  exports: [VisitScheduler, DevelopmentGate, DevelopmentErasure, DevelopmentArchiveReader],
})
export class DevelopmentModule {}
