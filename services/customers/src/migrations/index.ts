import type { MigrationInterface } from 'typeorm';

/** The customers service's own migrations, in order (the messaging tables come from @crm/messaging). */
export const customersMigrations: (new () => MigrationInterface)[] = [];
