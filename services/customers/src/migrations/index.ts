import type { MigrationInterface } from 'typeorm';
import { CustomerArchives1764000000000 } from './1764000000000-customer-archives.migration';
import { CustomerListSearch1765000000000 } from './1765000000000-customer-list-search.migration';

/** The customers service's own migrations, in order (the messaging tables come from @crm/messaging). */
export const customersMigrations: (new () => MigrationInterface)[] = [CustomerArchives1764000000000, CustomerListSearch1765000000000];
