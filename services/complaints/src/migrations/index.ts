import type { MigrationInterface } from 'typeorm';
import { DocumentNumberCounters1763950000000 } from '@crm/persistence';
import { KnownCustomers1797100000000 } from '@crm/service-kit';
import { Complaints1797000000000 } from './1797000000000-complaints.migration';
import { ComplaintSlaBreaches1797200000000 } from './1797200000000-complaint-sla-breaches.migration';
import { ComplaintSlaWarnings1797300000000 } from './1797300000000-complaint-sla-warnings.migration';
import { ComplaintReportFacts1797400000000 } from './1797400000000-complaint-report-facts.migration';
import { ComplaintReceivablesNote1797500000000 } from './1797500000000-complaint-receivables-note.migration';
import { ServiceRequests1797600000000 } from './1797600000000-service-requests.migration';

/**
 * The complaints service's own migrations (the messaging tables come from @crm/messaging). TypeORM
 * runs them in timestamp order, so the shared counter table (@crm/persistence, CMP-1 numbers) comes first.
 */
export const complaintsMigrations: (new () => MigrationInterface)[] = [
  DocumentNumberCounters1763950000000,
  Complaints1797000000000,
  KnownCustomers1797100000000,
  ComplaintSlaBreaches1797200000000,
  ComplaintSlaWarnings1797300000000,
  ComplaintReportFacts1797400000000,
  ComplaintReceivablesNote1797500000000,
  ServiceRequests1797600000000,
];
