import type { MigrationInterface } from 'typeorm';
import { Loyalty1798000000000 } from './1798000000000-loyalty.migration';

/** The loyalty service's own migrations, in order (the messaging tables come from @crm/messaging). */
export const loyaltyMigrations: (new () => MigrationInterface)[] = [Loyalty1798000000000];
