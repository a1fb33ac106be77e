import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { ComplaintEventType, type ComplaintSlaBreachedEventData } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { withTransaction } from '@crm/persistence';
import { LOGGER } from '@crm/service-kit';
import { COMPLAINT_SETTINGS, type ComplaintSettings } from '../complaint-settings';
import { Complaint } from '../complaint.entity';
import { escalateOneLevel, missedDeadlines, warningsDue } from '../complaint-sla.policy';

/** Records scanned per transaction; the rest wait for the next round. */
const BATCH = 100;

/**
 * CMP-9 `missedDeadlines` as SQL, minus the breaches already recorded: a record stays a candidate
 * only while it has a missed due time nobody recorded yet — so old, known breaches never fill the
 * batch and hide new ones. Due times are compared at millisecond precision, as the breach rows get
 * them from JavaScript dates.
 */
const PENDING: readonly [deadline: string, due: string, warn: string, pending: string][] = [
  ['acknowledge', 'c.acknowledgeDueAt', 'c.acknowledgeWarnAt', 'c.acknowledgedAt IS NULL'],
  ['firstProposal', 'c.firstProposalDueAt', 'c.firstProposalWarnAt', 'c.firstProposalAt IS NULL'],
  ['investigationReport', 'c.investigationDueAt', 'c.investigationWarnAt', 'c.firstProposalAt IS NULL'],
  ['resolution', 'c.resolutionDueAt', 'c.resolutionWarnAt', 'c.resolvedAt IS NULL'],
  ['followUp', 'c.followUpDueAt', 'c.followUpWarnAt', `c.status = 'resolved'`],
];
const UNRECORDED_BREACH = PENDING.map(
  ([deadline, due, , pending]) =>
    `(${pending} AND ${due} < :now AND NOT EXISTS (SELECT 1 FROM complaint_sla_breaches b
       WHERE b.complaint_id = c.id AND b.deadline = '${deadline}' AND b.due_at = date_trunc('milliseconds', ${due})))`,
).join(' OR ');

/** `warningsDue` as SQL, minus the warnings already given (CMP-9, 75 %). */
const UNGIVEN_WARNING = PENDING.map(
  ([deadline, due, warn, pending]) =>
    `(${pending} AND ${warn} <= :now AND ${due} >= :now AND NOT EXISTS (SELECT 1 FROM complaint_sla_warnings w
       WHERE w.complaint_id = c.id AND w.deadline = '${deadline}' AND w.due_at = date_trunc('milliseconds', ${due})))`,
).join(' OR ');

/**
 * CMP-9: finds open records past a due time, and for each breach — exactly once, even with several
 * replicas scanning — records it, escalates the record one level and publishes
 * `complaints.complaint.sla-breached`, all in one transaction. Exactly once is the database's:
 * `complaint_sla_breaches` has the breach as its primary key, so a replica that lost the race
 * inserts nothing and writes nothing else; `FOR UPDATE SKIP LOCKED` keeps replicas off each
 * other's rows so they rarely race at all. Every replica runs it (no leader needed).
 */
@Injectable()
export class SlaScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(COMPLAINT_SETTINGS) private readonly settings: ComplaintSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.settings.slaScanIntervalMs;
    if (every > 0) this.timer = setInterval(() => void this.tick(), every).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.scanOnce();
    try {
      const breaches = await this.running;
      if (breaches) this.logger.info({ breaches }, 'CMP-9: SLA breaches recorded');
    } catch (error) {
      this.logger.warn({ err: error }, 'CMP-9: SLA scan failed; retried next round');
    } finally {
      this.running = undefined;
    }
  }

  /** One round: the number of breaches this replica recorded (and the warnings it gave, CMP-9 75 %). */
  async scanOnce(now = new Date(), batch = BATCH): Promise<number> {
    const breaches = await withTransaction(this.dataSource, (manager) => this.scan(manager, now, batch));
    await this.warnOnce(now, batch);
    return breaches;
  }

  /** One round of 75 % warnings: the number this replica gave. Each warning once per due time. */
  warnOnce(now = new Date(), batch = BATCH): Promise<number> {
    return withTransaction(this.dataSource, async (manager) => {
      const candidates = await manager
        .createQueryBuilder(Complaint, 'c')
        .where(`c.status NOT IN ('closed', 'rejected', 'superseded')`)
        .andWhere(`(${UNGIVEN_WARNING})`, { now })
        .orderBy('c.seq', 'ASC')
        .limit(batch)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let given = 0;
      for (const complaint of candidates) {
        for (const warning of warningsDue(complaint, now)) {
          const inserted: unknown[] = await manager.query(
            `INSERT INTO complaint_sla_warnings (complaint_id, deadline, due_at, warned_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING RETURNING complaint_id`,
            [complaint.id, warning.deadline, warning.dueAt, now],
          );
          if (!inserted.length) continue;
          given += 1;
          const data: ComplaintSlaBreachedEventData = {
            complaintId: complaint.id,
            number: complaint.number,
            deadline: warning.deadline,
            dueAt: warning.dueAt.toISOString(),
            status: complaint.status,
          };
          await this.outbox.record(manager, { type: ComplaintEventType.SlaWarning, aggregateId: complaint.id, data });
        }
      }
      return given;
    });
  }

  private async scan(manager: EntityManager, now: Date, batch: number): Promise<number> {
    const candidates = await manager
      .createQueryBuilder(Complaint, 'c')
      .where(`c.status NOT IN ('closed', 'rejected', 'superseded')`)
      .andWhere(`(${UNRECORDED_BREACH})`, { now })
      .orderBy('c.seq', 'ASC')
      .limit(batch)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    let recorded = 0;
    for (const complaint of candidates) {
      let changed = false;
      for (const missed of missedDeadlines(complaint, now)) {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO complaint_sla_breaches (complaint_id, deadline, due_at, detected_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING complaint_id`,
          [complaint.id, missed.deadline, missed.dueAt, now],
        );
        if (!inserted.length) continue;
        complaint.escalationLevel = escalateOneLevel(complaint.escalationLevel);
        changed = true;
        recorded += 1;
        const data: ComplaintSlaBreachedEventData = {
          complaintId: complaint.id,
          number: complaint.number,
          deadline: missed.deadline,
          dueAt: missed.dueAt.toISOString(),
          status: complaint.status,
        };
        await this.outbox.record(manager, { type: ComplaintEventType.SlaBreached, aggregateId: complaint.id, data });
      }
      if (changed) {
        complaint.version += 1;
        complaint.updatedAt = now;
        await manager.save(complaint);
      }
    }
    return recorded;
  }
}
