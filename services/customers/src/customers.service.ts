import { bootstrapDomainService, type RunningService } from '@crm/service-kit';
import { AccessEntry } from './access-register/access-entry.entity';
import { CustomersAppModule } from './app.module';
import { Customer } from './archive/customer.entity';
import type { CustomersConfig } from './customers.config';
import { customersMigrations } from './migrations';

/** Boots the customers service with the given configuration (used by main.ts and by tests). */
export function startCustomersService(config: CustomersConfig): Promise<RunningService> {
  return bootstrapDomainService(config, {
    module: (core) => CustomersAppModule.with(core),
    entities: [Customer, AccessEntry],
    migrations: customersMigrations,
  });
}
