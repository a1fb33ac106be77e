import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { businessDate } from '@crm/calendar';
import { type Caller, DevelopmentOperations as ops, type VisitReport, type VisitReportPayload } from '@crm/contracts';
import type { FieldError } from '@crm/errors';
import { OutboxWriter } from '@crm/messaging';
import { requireText } from '../../archive/customer-content.policy';
import { loadForCommand } from '../../archive/customer.loader';
import { requireRole } from '../../archive/customer.policy';
import { actorOf } from '../../archive/customer.view';
import { CustomerDevelopment } from '../customer-development.entity';
import { DevelopmentException } from '../development.exception';
import { assertNotOwnerRep, visitKindFor } from '../development.policy';
import { toVisitReport } from '../development.view';
import { recordUrgentReported, recordVisitRecorded } from '../events/development-events.event';
import { VisitScheduler } from '../visit-scheduler';
import { VisitRecord } from '../visit.entity';

/** A visit may be reported a little ahead of the recorder's clock, not later than that. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** DEV-3/DEV-4: what the domain checks beyond the contract's shapes. */
export function visitInputErrors(input: VisitReportPayload, now: Date): FieldError[] {
  const errors: FieldError[] = [...requireText('visitor', input.visitor, 'DEV-3')];
  if (Date.parse(input.visitedAt) > now.getTime() + CLOCK_SKEW_MS) {
    errors.push({ field: 'visitedAt', message: 'DEV-3: a visit cannot be reported before it happened' });
  }
  if (input.urgent) {
    errors.push(...requireText('urgent.summary', input.urgent.summary, 'DEV-4'));
    // DEV-4: a product defect names the product, so the complaints side can act on it.
    if (input.urgent.kind === 'product_defect' && !input.urgent.sku?.trim()) {
      errors.push({ field: 'urgent.sku', message: 'DEV-4: a product_defect report names the product (sku)' });
    }
  }
  return errors;
}

/**
 * DEV-3: records a visit report on the archive. Its kind follows DEV-1/DEV-2; a programme visit
 * (active archive) is never made by the owner sales rep (DEV-2) and moves `nextVisitDueAt`. An
 * urgent report (DEV-4) is listed for managers at once and published with the visit, through the outbox.
 */
@Injectable()
export class RecordVisitHandler {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly scheduler: VisitScheduler,
  ) {}

  async execute(manager: EntityManager, caller: Caller, input: VisitReportPayload, now = new Date()): Promise<VisitReport> {
    requireRole(caller, ops.recordVisit);
    const customer = await loadForCommand(manager, input.id);
    const development = await manager.findOne(CustomerDevelopment, { where: { customerId: customer.id } });
    const kind = visitKindFor(customer.status, development);
    const errors = visitInputErrors(input, now);
    if (errors.length) throw DevelopmentException.invalid(errors.some((e) => e.message.startsWith('DEV-4')) ? 'DEV-4' : 'DEV-3', errors);
    if (kind === 'programme') assertNotOwnerRep(input.visitor, customer.content?.ownerRep);

    const visitedAt = new Date(input.visitedAt);
    const visit = manager.create(VisitRecord, {
      id: randomUUID(),
      customerId: customer.id,
      kind,
      visitor: input.visitor.trim(),
      visitedAt,
      businessDate: businessDate(visitedAt),
      grade: customer.grade,
      report: {
        ...(input.opinions !== undefined ? { opinions: input.opinions } : {}),
        ...(input.suggestions !== undefined ? { suggestions: input.suggestions } : {}),
        ...(input.hopes !== undefined ? { hopes: input.hopes } : {}),
        ...(input.marketInfo !== undefined ? { marketInfo: input.marketInfo } : {}),
        ...(input.competitorInfo !== undefined ? { competitorInfo: input.competitorInfo } : {}),
        ...(input.effect !== undefined ? { effect: input.effect } : {}),
        matters: (input.matters ?? []).map((matter) => ({ subject: matter.subject, outcome: matter.outcome })),
      },
      urgentKind: input.urgent?.kind ?? null,
      urgentSummary: input.urgent?.summary ?? null,
      urgentSku: input.urgent?.sku ?? null,
      urgentBatchNo: input.urgent?.batchNo ?? null,
      recordedBy: actorOf(caller),
      createdAt: now,
    });
    await manager.insert(VisitRecord, visit);

    const programme = kind === 'programme' ? await this.scheduler.recordVisit(manager, customer, visitedAt, now) : null;
    await recordVisitRecorded(this.outbox, manager, customer, visit, programme?.nextVisitDueAt ?? null);
    if (visit.urgentKind) await recordUrgentReported(this.outbox, manager, customer, visit);
    return toVisitReport(visit);
  }
}
