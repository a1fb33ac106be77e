import type { MigrationInterface } from 'typeorm';

/** The complaints service's own migrations, in order (the messaging tables come from @crm/messaging). */
export const complaintsMigrations: (new () => MigrationInterface)[] = [];
