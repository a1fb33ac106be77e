import { bootstrapDomainService, type RunningService } from '@crm/service-kit';
import { ComplaintsAppModule } from './app.module';
import type { ComplaintsConfig } from './complaints.config';
import { complaintsMigrations } from './migrations';

/** Boots the complaints service with the given configuration (used by main.ts and by tests). */
export function startComplaintsService(config: ComplaintsConfig): Promise<RunningService> {
  return bootstrapDomainService(config, {
    module: (core) => ComplaintsAppModule.with(core),
    entities: [],
    migrations: complaintsMigrations,
  });
}
