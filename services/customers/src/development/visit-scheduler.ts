import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Customer } from '../archive/customer.entity';
import { DEVELOPMENT_SETTINGS, type DevelopmentSettings } from './development-settings';
import { VisitProgrammeRecord } from './visit-programme.entity';
import { latestVisit, nextVisitDue, visitIntervalDays } from './visit-schedule.policy';

/**
 * DEV-2: keeps an archive's visit programme in step — on designation, on every programme visit and
 * on every grade change (CUS-5), always in the caller's transaction with the archive row locked.
 */
@Injectable()
export class VisitScheduler {
  constructor(@Inject(DEVELOPMENT_SETTINGS) private readonly settings: DevelopmentSettings) {}

  /** The archive's programme, created (without a visitor) if it has none yet. Not saved. */
  async programmeOf(manager: EntityManager, customer: Customer, now: Date): Promise<VisitProgrammeRecord> {
    const existing = await manager.findOne(VisitProgrammeRecord, { where: { customerId: customer.id } });
    if (existing) return existing;
    const programme = manager.create(VisitProgrammeRecord, {
      customerId: customer.id,
      visitor: null,
      lastVisitedAt: null,
      designatedBy: null,
      designatedAt: null,
    });
    this.reschedule(customer, programme, now);
    return programme;
  }

  /** DEV-2: interval of the archive's grade; next visit = last visit (or programme start) + interval. */
  reschedule(customer: Customer, programme: VisitProgrammeRecord, now: Date): void {
    programme.intervalDays = visitIntervalDays(customer.grade, this.settings.visitIntervalDays);
    const start = customer.approvedAt ?? programme.designatedAt ?? now;
    programme.nextVisitDueAt = nextVisitDue(programme.lastVisitedAt, start, programme.intervalDays);
    programme.updatedAt = now;
  }

  /** DEV-2: a programme visit moves the last visit (never backwards) and the next due date. */
  async recordVisit(manager: EntityManager, customer: Customer, visitedAt: Date, now: Date): Promise<VisitProgrammeRecord> {
    const programme = await this.programmeOf(manager, customer, now);
    programme.lastVisitedAt = latestVisit(programme.lastVisitedAt, visitedAt);
    this.reschedule(customer, programme, now);
    return manager.save(programme);
  }

  /** CUS-5 → DEV-2: a grade change changes the interval, so the next due date is recomputed. */
  async regrade(manager: EntityManager, customer: Customer, now: Date): Promise<void> {
    const programme = await manager.findOne(VisitProgrammeRecord, { where: { customerId: customer.id } });
    if (!programme) return;
    this.reschedule(customer, programme, now);
    await manager.save(programme);
  }
}
