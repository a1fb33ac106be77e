import type { BaseServiceConfig } from '@crm/config';
import { bootstrapDomainService, type RunningService } from '@crm/service-kit';
import { ReturnsAppModule } from './app.module';
import { CreditNote } from './credit-note/credit-note.entity';
import { KnownComplaint } from './complaint-handoff/known-complaint.entity';
import { returnsMigrations } from './migrations';
import { FranchiseTerms } from './return-order/franchise-terms.entity';
import { ReturnOrder } from './return-order/return-order.entity';
import { DEFAULT_RETURNS_SETTINGS, type ReturnsSettings } from './returns.config';
import { Voucher } from './voucher/voucher.entity';

/**
 * Boots the returns service with the given configuration (used by main.ts and by tests). Without
 * `returns` settings (the suite's generic starters) the SPEC defaults apply.
 */
export function startReturnsService(config: BaseServiceConfig & { returns?: ReturnsSettings }): Promise<RunningService> {
  const settings = config.returns ?? DEFAULT_RETURNS_SETTINGS;
  return bootstrapDomainService(config, {
    module: (core) => ReturnsAppModule.with(core, settings),
    entities: [ReturnOrder, CreditNote, Voucher, FranchiseTerms, KnownComplaint],
    migrations: returnsMigrations,
  });
}
