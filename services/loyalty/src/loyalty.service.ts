import { PosPurchaseInput } from '@crm/contracts';
import { bootstrapDomainService, type RunningService } from '@crm/service-kit';
import { LoyaltyAppModule } from './app.module';
import type { LoyaltyConfig } from './loyalty.config';
import { loyaltyMigrations } from './migrations';

/** Boots the loyalty service with the given configuration (used by main.ts and by tests). */
export function startLoyaltyService(config: LoyaltyConfig): Promise<RunningService> {
  return bootstrapDomainService(config, {
    module: (core) => LoyaltyAppModule.with(core),
    entities: [],
    migrations: loyaltyMigrations,
    // API.md "POS input": tills publish purchases to `pos.purchases` (queue `loyalty.pos-purchases`).
    inputs: [PosPurchaseInput],
  });
}
