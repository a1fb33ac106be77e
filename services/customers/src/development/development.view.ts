import type { CreditInvestigation, DevelopmentView, VisitProgramme, VisitReport } from '@crm/contracts';
import type { Customer } from '../archive/customer.entity';
import type { CreditInvestigationRecord } from './credit-investigation.entity';
import type { CustomerDevelopment } from './customer-development.entity';
import type { VisitProgrammeRecord } from './visit-programme.entity';
import { isVisitOverdue } from './visit-schedule.policy';
import type { VisitRecord } from './visit.entity';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toDevelopmentView(development: CustomerDevelopment): DevelopmentView {
  return {
    id: development.id,
    customerId: development.customerId,
    status: development.status,
    target: development.target,
    approach: development.approach,
    expectedAnnualVolume: development.expectedAnnualVolume,
    appliedBy: development.appliedBy,
    approvedBy: development.approvedBy,
    approvedAt: iso(development.approvedAt),
    halted: development.halted,
    haltReason: development.haltReason,
    haltHistory: development.haltHistory,
    createdAt: development.createdAt.toISOString(),
    updatedAt: development.updatedAt.toISOString(),
    version: development.version,
  };
}

export function toCreditInvestigation(record: CreditInvestigationRecord): CreditInvestigation {
  return {
    id: record.id,
    customerId: record.customerId,
    paymentHabits: record.paymentHabits,
    ...(record.bank !== null ? { bank: record.bank } : {}),
    ...(record.guarantees !== null ? { guarantees: record.guarantees } : {}),
    conclusion: record.conclusion,
    highestCreditLevel: record.highestCreditLevel,
    investigatedBy: record.investigatedBy,
    createdAt: record.createdAt.toISOString(),
  };
}

export function toVisitProgramme(customer: Customer, programme: VisitProgrammeRecord, now: Date): VisitProgramme {
  return {
    customerId: customer.id,
    code: customer.code,
    name: customer.name ?? '',
    grade: customer.grade,
    visitor: programme.visitor,
    intervalDays: programme.intervalDays,
    lastVisitedAt: iso(programme.lastVisitedAt),
    nextVisitDueAt: programme.nextVisitDueAt.toISOString(),
    overdue: isVisitOverdue(programme.nextVisitDueAt, now),
  };
}

/** DEV-3: the full visit report — archive content, only through a CUS-6/CUS-7 read or to its author. */
export function toVisitReport(visit: VisitRecord): VisitReport {
  const { matters, ...texts } = visit.report;
  return {
    id: visit.id,
    customerId: visit.customerId,
    kind: visit.kind,
    visitor: visit.visitor,
    visitedAt: visit.visitedAt.toISOString(),
    businessDate: visit.businessDate,
    ...texts,
    matters: matters ?? [],
    urgent:
      visit.urgentKind && visit.urgentSummary !== null
        ? {
            kind: visit.urgentKind,
            summary: visit.urgentSummary,
            ...(visit.urgentSku ? { sku: visit.urgentSku } : {}),
            ...(visit.urgentBatchNo ? { batchNo: visit.urgentBatchNo } : {}),
          }
        : null,
    recordedBy: visit.recordedBy,
    createdAt: visit.createdAt.toISOString(),
  };
}
