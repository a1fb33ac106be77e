import { type DynamicModule, Module } from '@nestjs/common';
import type { ComplaintSettings } from '../complaints.config';
import { CustomerStatusModule } from '@crm/service-kit';
import { COMPLAINTS_SERVICE_CALLER } from './complaint-customer.policy';
import { ComplaintController } from './complaint.controller';
import { COMPLAINT_SETTINGS } from './complaint-settings';
import { ComplaintStepsHandler } from './complaint-steps/complaint-steps.handler';
import { ReadComplaintsHandler } from './read-complaints/read-complaints.handler';
import { RegisterComplaintHandler } from './register-complaint/register-complaint.handler';
import { SlaScanner } from './sla-scanner/sla-scanner';
import { MonthlyReportHandler } from './monthly-report/monthly-report.handler';

/** The complaint-case bounded context (CMP-1..CMP-12, CMP-14) and its SLA scanner (CMP-9). */
@Module({})
export class ComplaintCaseModule {
  static withSettings(settings: ComplaintSettings): DynamicModule {
    return {
      module: ComplaintCaseModule,
      imports: [CustomerStatusModule.forService({ caller: COMPLAINTS_SERVICE_CALLER, purpose: 'complaints tied to orders' })],
      controllers: [ComplaintController],
      providers: [
        { provide: COMPLAINT_SETTINGS, useValue: settings },
        RegisterComplaintHandler,
        ReadComplaintsHandler,
        ComplaintStepsHandler,
        SlaScanner,
        MonthlyReportHandler,
      ],
    };
  }
}
