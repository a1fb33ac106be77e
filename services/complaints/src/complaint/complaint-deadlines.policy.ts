import type { ComplaintKind } from '@crm/contracts';
import { HOUR_MS, WorkingCalendar } from '@crm/calendar';
import type { ComplaintSettings } from '../complaints.config';
import { type ComplaintSlaSettings, type SlaSubject, slaFor } from './complaint-sla-profile.policy';

export interface ComplaintDueTimes {
  acknowledge: Date;
  firstProposal: Date;
  investigationReport: Date;
  resolution: Date;
  followUp: Date;
}

/** CMP-9 warnings: when 75 % of a due time's time is used up. */
export const WARNING_SHARE = 0.75;

/**
 * CMP-9: every due time on the working-day calendar (libs/calendar: holidays and make-up days from
 * configuration, business hours 09:00–18:00 Asia/Shanghai), with the deadlines configured for the
 * record's kind, category and severity (`slaFor`). All are computed at registration so an open
 * record always shows them; acceptance, which may set the severity, re-plans those not yet due
 * (`replanAtAcceptance`); the follow-up is due `followUpDays` after the resolution — planned from
 * the resolution's due time at registration, re-planned from the actual resolution (and from the
 * extended resolution due time, CMP-9 extension).
 */
export class ComplaintDeadlines {
  readonly calendar: WorkingCalendar;

  constructor(private readonly settings: Pick<ComplaintSettings, 'holidays' | 'makeUpWorkingDays' | 'sla' | 'slaOverrides'>) {
    this.calendar = new WorkingCalendar({ holidays: settings.holidays, makeUpWorkingDays: settings.makeUpWorkingDays });
  }

  /** CMP-9 "configurable per kind, category and severity": the deadlines that apply to a record. */
  slaOf(subject: SlaSubject): ComplaintSlaSettings {
    return slaFor(subject, this.settings.sla, this.settings.slaOverrides);
  }

  atRegistration(registeredAt: Date, subject: SlaSubject): ComplaintDueTimes {
    const sla = this.slaOf(subject);
    const resolution = this.resolutionDue(registeredAt, subject, false);
    return {
      acknowledge: this.calendar.addWorkingMinutes(registeredAt, sla.acknowledgeMinutes),
      firstProposal: this.calendar.addWorkingDays(registeredAt, sla.firstProposalDays),
      investigationReport: this.calendar.addWorkingDays(registeredAt, sla.investigationReportDays),
      resolution,
      followUp: this.followUpDue(resolution, subject),
    };
  }

  /**
   * CMP-9 at acceptance, which may set the severity: the first proposal, investigation report,
   * resolution and follow-up due times again from registration with the deadlines of the record
   * as it now is (unchanged unless a severity override applies). Acknowledgement is done by then.
   */
  replanAtAcceptance(record: {
    createdAt: Date;
    kind: ComplaintKind;
    category: string;
    severity: string | null;
    extension: unknown;
    firstProposalDueAt: Date;
    investigationDueAt: Date;
    resolutionDueAt: Date;
    followUpDueAt: Date;
  }): void {
    const planned = this.atRegistration(record.createdAt, record);
    record.firstProposalDueAt = planned.firstProposal;
    record.investigationDueAt = planned.investigationReport;
    record.resolutionDueAt = this.resolutionDue(record.createdAt, record, !!record.extension);
    record.followUpDueAt = this.followUpDue(record.resolutionDueAt, record);
  }

  /**
   * CMP-9: resolution within 3 working days, 7 once extended; inquiries are answered within 24
   * (wall-clock) hours — SPEC says hours, not working hours, for them.
   */
  resolutionDue(registeredAt: Date, subject: SlaSubject, extended: boolean): Date {
    const sla = this.slaOf(subject);
    if (subject.kind === 'inquiry' && !extended) return new Date(registeredAt.getTime() + sla.inquiryAnswerHours * HOUR_MS);
    return this.calendar.addWorkingDays(registeredAt, extended ? sla.extendedResolutionDays : sla.resolutionDays);
  }

  /**
   * CMP-9: the instant 75 % of the time from `start` to `due` is used up — working time on the
   * calendar (the same currency as the due time), wall-clock for an inquiry's 24 hours.
   */
  warnAt(start: Date, due: Date, wallClock = false): Date {
    if (wallClock) return new Date(start.getTime() + Math.ceil(WARNING_SHARE * (due.getTime() - start.getTime())));
    return this.calendar.addWorkingTime(start, Math.ceil(WARNING_SHARE * this.calendar.workingTimeBetween(start, due)));
  }

  /** The warning instants of every due time of a record (`resolvedAt` for the follow-up once resolved). */
  warnings(
    record: { createdAt: Date; kind: ComplaintKind; resolvedAt: Date | null; extended: boolean },
    due: ComplaintDueTimes,
  ): ComplaintDueTimes {
    const start = record.createdAt;
    return {
      acknowledge: this.warnAt(start, due.acknowledge),
      firstProposal: this.warnAt(start, due.firstProposal),
      investigationReport: this.warnAt(start, due.investigationReport),
      resolution: this.warnAt(start, due.resolution, record.kind === 'inquiry' && !record.extended),
      followUp: this.warnAt(record.resolvedAt ?? due.resolution, due.followUp),
    };
  }

  /** Sets every due time's warning instant on a record from its current due times. */
  applyWarnings(record: {
    createdAt: Date;
    kind: ComplaintKind;
    resolvedAt: Date | null;
    extension: unknown;
    acknowledgeDueAt: Date;
    firstProposalDueAt: Date;
    investigationDueAt: Date;
    resolutionDueAt: Date;
    followUpDueAt: Date;
    acknowledgeWarnAt: Date | null;
    firstProposalWarnAt: Date | null;
    investigationWarnAt: Date | null;
    resolutionWarnAt: Date | null;
    followUpWarnAt: Date | null;
  }): void {
    const warnings = this.warnings(
      { createdAt: record.createdAt, kind: record.kind, resolvedAt: record.resolvedAt, extended: !!record.extension },
      {
        acknowledge: record.acknowledgeDueAt,
        firstProposal: record.firstProposalDueAt,
        investigationReport: record.investigationDueAt,
        resolution: record.resolutionDueAt,
        followUp: record.followUpDueAt,
      },
    );
    record.acknowledgeWarnAt = warnings.acknowledge;
    record.firstProposalWarnAt = warnings.firstProposal;
    record.investigationWarnAt = warnings.investigationReport;
    record.resolutionWarnAt = warnings.resolution;
    record.followUpWarnAt = warnings.followUp;
  }

  /** CMP-9: follow-up within 1 working day of the resolution. */
  followUpDue(resolvedAt: Date, subject: SlaSubject): Date {
    return this.calendar.addWorkingDays(resolvedAt, this.slaOf(subject).followUpDays);
  }
}
