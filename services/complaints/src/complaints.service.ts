import type { BaseServiceConfig } from '@crm/config';
import { bootstrapDomainService, type RunningService } from '@crm/service-kit';
import { ComplaintsAppModule } from './app.module';
import { Complaint } from './complaint/complaint.entity';
import { type ComplaintSettings, DEFAULT_COMPLAINT_SETTINGS } from './complaints.config';
import { complaintsMigrations } from './migrations';
import { ServiceRequest } from './service-request/service-request.entity';

/**
 * Boots the complaints service with the given configuration (used by main.ts and by tests). Without
 * `complaints` settings (the suite's generic starters) the SPEC defaults apply.
 */
export function startComplaintsService(config: BaseServiceConfig & { complaints?: ComplaintSettings }): Promise<RunningService> {
  const settings = config.complaints ?? DEFAULT_COMPLAINT_SETTINGS;
  return bootstrapDomainService(config, {
    module: (core) => ComplaintsAppModule.with(core, settings),
    entities: [Complaint, ServiceRequest],
    migrations: complaintsMigrations,
  });
}
