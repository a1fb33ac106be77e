import type { MigrationInterface } from 'typeorm';

/** The returns service's own migrations, in order (the messaging tables come from @crm/messaging). */
export const returnsMigrations: (new () => MigrationInterface)[] = [];
