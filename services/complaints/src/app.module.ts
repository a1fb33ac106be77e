import { type DynamicModule, Module } from '@nestjs/common';
import { ComplaintCaseModule } from './complaint/complaint-case.module';
import type { ComplaintSettings } from './complaints.config';

/** The complaints service (CMP-1..CMP-14; see services/complaints/README.md for what is built). */
@Module({})
export class ComplaintsAppModule {
  static with(core: DynamicModule, settings: ComplaintSettings): DynamicModule {
    return { module: ComplaintsAppModule, imports: [core, ComplaintCaseModule.withSettings(settings)] };
  }
}
