import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type Caller,
  CreditInvestigationPayload,
  CustomerIdPayload,
  CustomerVisitsPayload,
  DailyVisitsQuery,
  DesignateVisitorPayload,
  DevelopmentApplicationPayload,
  DevelopmentOperations as ops,
  KeyCustomersQuery,
  OverdueVisitsQuery,
  ReasonPayload,
  SalesFiguresPayload,
  UrgentReportsQuery,
  VisitMonthlyReportQuery,
  VisitReportPayload,
} from '@crm/contracts';
import { CurrentCaller, TransactionRunner } from '@crm/service-kit';
import { DesignateVisitorHandler } from './designate-visitor/designate-visitor.handler';
import { DevelopmentStepsHandler } from './development-steps/development-steps.handler';
import { KeyCustomersHandler } from './key-customers/key-customers.handler';
import { ReadVisitsHandler } from './read-visits/read-visits.handler';
import { RecordCreditInvestigationHandler } from './record-credit-investigation/record-credit-investigation.handler';
import { RecordVisitHandler } from './record-visit/record-visit.handler';
import { PutSalesFiguresHandler } from './sales-figures/put-sales-figures.handler';
import { VisitMonthlyReportHandler } from './visit-monthly-report/visit-monthly-report.handler';

/**
 * The RPC edge of the development-and-visits context (DEV-1..DEV-5): the global pipe validates
 * each payload with its contract class, one transaction per command (STYLE rule 3), reads in
 * `tx.read`. No business rule lives here.
 */
@Controller()
export class DevelopmentController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly steps: DevelopmentStepsHandler,
    private readonly investigations: RecordCreditInvestigationHandler,
    private readonly designate: DesignateVisitorHandler,
    private readonly visits: RecordVisitHandler,
    private readonly reads: ReadVisitsHandler,
    private readonly monthly: VisitMonthlyReportHandler,
    private readonly figures: PutSalesFiguresHandler,
    private readonly keyCustomersReport: KeyCustomersHandler,
  ) {}

  @MessagePattern(ops.apply.pattern)
  apply(@Payload() payload: DevelopmentApplicationPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.apply(manager, caller, payload));
  }

  @MessagePattern(ops.approve.pattern)
  approve(@Payload() payload: CustomerIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.approve(manager, caller, payload));
  }

  @MessagePattern(ops.halt.pattern)
  halt(@Payload() payload: ReasonPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.halt(manager, caller, payload));
  }

  @MessagePattern(ops.resume.pattern)
  resume(@Payload() payload: CustomerIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.resume(manager, caller, payload));
  }

  @MessagePattern(ops.investigate.pattern)
  investigate(@Payload() payload: CreditInvestigationPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.investigations.execute(manager, caller, payload));
  }

  @MessagePattern(ops.designateVisitor.pattern)
  designateVisitor(@Payload() payload: DesignateVisitorPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.designate.execute(manager, caller, payload));
  }

  @MessagePattern(ops.recordVisit.pattern)
  recordVisit(@Payload() payload: VisitReportPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.visits.execute(manager, caller, payload));
  }

  @MessagePattern(ops.listVisits.pattern)
  async listVisits(@Payload() payload: CustomerVisitsPayload, @CurrentCaller() caller: Caller) {
    // CUS-7: the access entry commits with this transaction; a refusal is thrown only afterwards.
    const outcome = await this.tx.run(
      (manager) => this.reads.forCustomer(manager, caller, payload),
      (read) => (read.granted ? { ok: true, data: read.value } : { ok: false, error: read.refusal.toPayload() }),
    );
    if (!outcome.granted) throw outcome.refusal;
    return outcome.value;
  }

  @MessagePattern(ops.daily.pattern)
  daily(@Payload() payload: DailyVisitsQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.daily(manager, caller, payload));
  }

  @MessagePattern(ops.overdue.pattern)
  overdue(@Payload() payload: OverdueVisitsQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.overdue(manager, caller, payload));
  }

  @MessagePattern(ops.urgent.pattern)
  urgent(@Payload() payload: UrgentReportsQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.urgent(manager, caller, payload));
  }

  @MessagePattern(ops.monthlyReport.pattern)
  monthlyReport(@Payload() payload: VisitMonthlyReportQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.monthly.execute(manager, caller, payload));
  }

  @MessagePattern(ops.putSalesFigures.pattern)
  putSalesFigures(@Payload() payload: SalesFiguresPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.figures.execute(manager, caller, payload));
  }

  @MessagePattern(ops.keyCustomers.pattern)
  keyCustomers(@Payload() payload: KeyCustomersQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.keyCustomersReport.execute(manager, caller, payload));
  }
}
