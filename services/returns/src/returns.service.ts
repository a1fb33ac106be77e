import { bootstrapDomainService, type RunningService } from '@crm/service-kit';
import { ReturnsAppModule } from './app.module';
import type { ReturnsConfig } from './returns.config';
import { returnsMigrations } from './migrations';

/** Boots the returns service with the given configuration (used by main.ts and by tests). */
export function startReturnsService(config: ReturnsConfig): Promise<RunningService> {
  return bootstrapDomainService(config, {
    module: (core) => ReturnsAppModule.with(core),
    entities: [],
    migrations: returnsMigrations,
  });
}
