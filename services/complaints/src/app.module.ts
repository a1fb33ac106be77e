import { type DynamicModule, Module } from '@nestjs/common';
import { ComplaintCaseModule } from './complaint/complaint-case.module';
import type { ComplaintSettings } from './complaints.config';
import { ServiceRequestModule } from './service-request/service-request.module';

/** The complaints service: complaints (CMP-1..CMP-14) and the after-sales service desk (SRV-1..SRV-6); see services/complaints/README.md. */
@Module({})
export class ComplaintsAppModule {
  static with(core: DynamicModule, settings: ComplaintSettings): DynamicModule {
    const serviceDesk = ServiceRequestModule.withSettings({
      holidays: settings.holidays,
      makeUpWorkingDays: settings.makeUpWorkingDays,
      cashLimitFen: settings.serviceCashLimitFen,
    });
    return { module: ComplaintsAppModule, imports: [core, ComplaintCaseModule.withSettings(settings), serviceDesk] };
  }
}
