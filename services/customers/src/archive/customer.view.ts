import type {
  Actor,
  Caller,
  CreditInvestigation,
  CustomerArchive,
  CustomerStatusView,
  CustomerSummary,
  CustomerTombstone,
} from '@crm/contracts';
import type { Customer } from './customer.entity';
import { isReviewOverdue } from './customer-schedule.policy';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function actorOf(caller: Caller): Actor {
  return { keyId: caller.keyId, name: caller.name };
}

/** CUS-6: what every staff role may see of any archive, whatever its level. */
export function toSummary(customer: Customer): CustomerSummary {
  return {
    id: customer.id,
    code: customer.code,
    // CUS-9: a destroyed archive has no name any more; the contract keeps `name` a string.
    name: customer.name ?? '',
    type: customer.type,
    grade: customer.grade,
    creditRating: customer.creditRating,
    status: customer.status,
    confidentiality: customer.confidentiality,
  };
}

/** What commands answer: workflow and concurrency fields, never the content (CUS-6/CUS-7). */
export function toStatusView(customer: Customer, now: Date): CustomerStatusView {
  return {
    ...toSummary(customer),
    createdAt: customer.createdAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
    version: customer.version,
    firstContactAt: iso(customer.firstContactAt),
    archiveDueBy: iso(customer.archiveDueBy),
    createdLate: customer.createdLate,
    approvedAt: iso(customer.approvedAt),
    lastReviewedAt: iso(customer.lastReviewedAt),
    nextReviewDueAt: iso(customer.nextReviewDueAt),
    reviewOverdue: isReviewOverdue(customer.status, customer.nextReviewDueAt, now),
    dormantAt: iso(customer.dormantAt),
    destructionApprovals: customer.destructionApprovals,
    destroyedAt: iso(customer.destroyedAt),
  };
}

/** DEV-1/DEV-2: what the development context keeps on an archive (read with it, CUS-6/CUS-7). */
export interface ArchiveDevelopmentFields {
  visitor: string | null;
  lastVisitedAt: string | null;
  nextVisitDueAt: string | null;
  creditInvestigations: CreditInvestigation[];
}

export const NO_DEVELOPMENT: ArchiveDevelopmentFields = {
  visitor: null,
  lastVisitedAt: null,
  nextVisitDueAt: null,
  creditInvestigations: [],
};

/** CUS-1: the full archive; only for callers CUS-6 admits, and only through a recorded read (CUS-7). */
export function toArchive(customer: Customer, now: Date, development: ArchiveDevelopmentFields = NO_DEVELOPMENT): CustomerArchive {
  const content = customer.content ?? { contacts: [] };
  return {
    ...content,
    contacts: content.contacts ?? [],
    ...toSummary(customer),
    createdAt: customer.createdAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
    version: customer.version,
    createdBy: customer.createdBy ?? { keyId: '', name: '' },
    firstContactAt: iso(customer.firstContactAt),
    archiveDueBy: iso(customer.archiveDueBy),
    createdLate: customer.createdLate,
    survey: customer.survey,
    rejectionReason: customer.rejectionReason,
    approvedBy: customer.approvedBy,
    approvedAt: iso(customer.approvedAt),
    lastReviewedAt: iso(customer.lastReviewedAt),
    nextReviewDueAt: iso(customer.nextReviewDueAt),
    reviewOverdue: isReviewOverdue(customer.status, customer.nextReviewDueAt, now),
    gradeHistory: customer.gradeHistory,
    reviews: customer.reviews,
    dormantAt: iso(customer.dormantAt),
    destructionApprovals: customer.destructionApprovals,
    ...development,
  };
}

/** CUS-9: what remains of a destroyed archive. */
export function toTombstone(customer: Customer): CustomerTombstone {
  return {
    id: customer.id,
    code: customer.code,
    status: 'destroyed',
    destroyedAt: (customer.destroyedAt ?? customer.updatedAt).toISOString(),
    approvers: customer.destructionApprovals,
  };
}
