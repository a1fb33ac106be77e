import type { MigrationInterface } from 'typeorm';

/** The loyalty service's own migrations, in order (the messaging tables come from @crm/messaging). */
export const loyaltyMigrations: (new () => MigrationInterface)[] = [];
