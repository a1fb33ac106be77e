import type { MigrationInterface } from 'typeorm';
import { DocumentNumberCounters1763950000000 } from '@crm/persistence';
import { CustomerArchives1764000000000 } from './1764000000000-customer-archives.migration';
import { CustomerListSearch1765000000000 } from './1765000000000-customer-list-search.migration';
import { CustomerCodesOnDocumentCounters1796300000000 } from './1796300000000-customer-codes-on-document-counters.migration';
import { CustomerDevelopment1798000000000 } from './1798000000000-customer-development.migration';

/**
 * The customers service's own migrations (the messaging tables come from @crm/messaging). TypeORM
 * runs them in timestamp order, so the shared counter table (@crm/persistence) precedes the archives.
 */
export const customersMigrations: (new () => MigrationInterface)[] = [
  DocumentNumberCounters1763950000000,
  CustomerArchives1764000000000,
  CustomerListSearch1765000000000,
  CustomerCodesOnDocumentCounters1796300000000,
  CustomerDevelopment1798000000000,
];
