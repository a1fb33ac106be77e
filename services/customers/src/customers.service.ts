import type { BaseServiceConfig } from '@crm/config';
import { bootstrapDomainService, type RunningService } from '@crm/service-kit';
import { AccessEntry } from './access-register/access-entry.entity';
import { CustomersAppModule } from './app.module';
import { Customer } from './archive/customer.entity';
import { DEFAULT_DEVELOPMENT_SETTINGS, type DevelopmentSettings } from './customers.config';
import { CreditInvestigationRecord } from './development/credit-investigation.entity';
import { CustomerDevelopment } from './development/customer-development.entity';
import { SalesFigureRecord } from './development/sales-figure.entity';
import { VisitProgrammeRecord } from './development/visit-programme.entity';
import { VisitRecord } from './development/visit.entity';
import { customersMigrations } from './migrations';

/**
 * Boots the customers service with the given configuration (used by main.ts and by tests). Without
 * `development` settings (the suite's generic starters) the SPEC defaults apply (DEV-2).
 */
export function startCustomersService(config: BaseServiceConfig & { development?: DevelopmentSettings }): Promise<RunningService> {
  return bootstrapDomainService(config, {
    module: (core) => CustomersAppModule.with(core, config.development ?? DEFAULT_DEVELOPMENT_SETTINGS),
    entities: [Customer, AccessEntry, CustomerDevelopment, CreditInvestigationRecord, VisitProgrammeRecord, VisitRecord, SalesFigureRecord],
    migrations: customersMigrations,
  });
}
