import type { ComplaintKind } from '@crm/contracts';
import { HOUR_MS, WorkingCalendar } from '@crm/calendar';
import type { ComplaintSettings } from '../complaints.config';

export interface ComplaintDueTimes {
  acknowledge: Date;
  firstProposal: Date;
  investigationReport: Date;
  resolution: Date;
  followUp: Date;
}

/**
 * CMP-9: every due time on the working-day calendar (libs/calendar: holidays and make-up days from
 * configuration, business hours 09:00–18:00 Asia/Shanghai). All are computed at registration so an
 * open record always shows them; the follow-up is due `followUpDays` after the resolution — planned
 * from the resolution's due time at registration, re-planned from the actual resolution (and from
 * the extended resolution due time, CMP-9 extension).
 */
export class ComplaintDeadlines {
  readonly calendar: WorkingCalendar;

  constructor(private readonly settings: Pick<ComplaintSettings, 'holidays' | 'makeUpWorkingDays' | 'sla'>) {
    this.calendar = new WorkingCalendar({ holidays: settings.holidays, makeUpWorkingDays: settings.makeUpWorkingDays });
  }

  atRegistration(registeredAt: Date, kind: ComplaintKind): ComplaintDueTimes {
    const { sla } = this.settings;
    const resolution = this.resolutionDue(registeredAt, kind, false);
    return {
      acknowledge: this.calendar.addWorkingMinutes(registeredAt, sla.acknowledgeMinutes),
      firstProposal: this.calendar.addWorkingDays(registeredAt, sla.firstProposalDays),
      investigationReport: this.calendar.addWorkingDays(registeredAt, sla.investigationReportDays),
      resolution,
      followUp: this.followUpDue(resolution),
    };
  }

  /**
   * CMP-9: resolution within 3 working days, 7 once extended; inquiries are answered within 24
   * (wall-clock) hours — SPEC says hours, not working hours, for them.
   */
  resolutionDue(registeredAt: Date, kind: ComplaintKind, extended: boolean): Date {
    const { sla } = this.settings;
    if (kind === 'inquiry' && !extended) return new Date(registeredAt.getTime() + sla.inquiryAnswerHours * HOUR_MS);
    return this.calendar.addWorkingDays(registeredAt, extended ? sla.extendedResolutionDays : sla.resolutionDays);
  }

  /** CMP-9: follow-up within 1 working day of the resolution. */
  followUpDue(resolvedAt: Date): Date {
    return this.calendar.addWorkingDays(resolvedAt, this.settings.sla.followUpDays);
  }
}
