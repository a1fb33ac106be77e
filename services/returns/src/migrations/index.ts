import type { MigrationInterface } from 'typeorm';
import { DocumentNumberCounters1763950000000 } from '@crm/persistence';
import { KnownCustomers1797100000000 } from '@crm/service-kit';
import { Returns1797400000000 } from './1797400000000-returns.migration';

/**
 * The returns service's own migrations (the messaging tables come from @crm/messaging), in timestamp
 * order: the shared counters (RT/CN/PZ numbers) and the CUS-2 read model first.
 */
export const returnsMigrations: (new () => MigrationInterface)[] = [
  DocumentNumberCounters1763950000000,
  KnownCustomers1797100000000,
  Returns1797400000000,
];
