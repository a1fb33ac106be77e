import { WorkingCalendar, parseDateList } from '@crm/calendar';
import { type BaseServiceConfig, ConfigError, EnvReader, readBaseConfig } from '@crm/config';

/** CMP-9 default deadlines (SPEC), each configurable. */
export interface ComplaintSlaSettings {
  /** Acknowledge (accept or reject) within this many business minutes. */
  acknowledgeMinutes: number;
  /** Inquiries are answered (resolution due) within this many hours (wall-clock). */
  inquiryAnswerHours: number;
  firstProposalDays: number;
  investigationReportDays: number;
  resolutionDays: number;
  /** CMP-9: the one extension moves the resolution due time to this many working days. */
  extendedResolutionDays: number;
  /** Follow-up within this many working days of the resolution. */
  followUpDays: number;
}

/** The complaints domain's own settings (SPEC CMP-8, CMP-9, CMP-11, "Conventions" calendar). */
export interface ComplaintSettings {
  /** Public holidays, `YYYY-MM-DD` (ships empty: the operator configures each year's schedule). */
  holidays: string[];
  /** Make-up working days (a Saturday or Sunday that is worked). */
  makeUpWorkingDays: string[];
  /** CMP-8: a manager approves resolutions worth up to this many fen (CNY); an executive above. */
  managerApprovalLimitFen: number;
  sla: ComplaintSlaSettings;
  /** CMP-9: how often each replica scans for missed due times (ms); 0 switches the scanner off. */
  slaScanIntervalMs: number;
}

export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = {
  holidays: [],
  makeUpWorkingDays: [],
  managerApprovalLimitFen: 500_000,
  slaScanIntervalMs: 30_000,
  sla: {
    acknowledgeMinutes: 30,
    inquiryAnswerHours: 24,
    firstProposalDays: 1,
    investigationReportDays: 3,
    resolutionDays: 3,
    extendedResolutionDays: 7,
    followUpDays: 1,
  },
};

/** Typed, validated configuration of the complaints service (OPS-2); fails fast naming the variable. */
export interface ComplaintsConfig extends BaseServiceConfig {
  complaints: ComplaintSettings;
}

function dateList(reader: EnvReader, name: string, problems: ConfigError[]): string[] {
  const raw = reader.optionalString(name);
  if (raw === undefined) return [];
  try {
    return parseDateList(raw);
  } catch (error) {
    problems.push(new ConfigError(name, `must be a list of YYYY-MM-DD dates or ranges: ${(error as Error).message}`));
    return [];
  }
}

export function loadComplaintsConfig(env: NodeJS.ProcessEnv = process.env): ComplaintsConfig {
  const reader = new EnvReader(env);
  const base = readBaseConfig(reader, 'complaints', { httpPort: 3102 });
  const defaults = DEFAULT_COMPLAINT_SETTINGS.sla;
  const days = (name: string, fallback: number) => reader.int(name, fallback, { min: 1, max: 60 });
  const problems: ConfigError[] = [];
  const complaints: ComplaintSettings = {
    holidays: dateList(reader, 'BUSINESS_HOLIDAYS', problems),
    makeUpWorkingDays: dateList(reader, 'BUSINESS_MAKEUP_DAYS', problems),
    managerApprovalLimitFen: reader.int('COMPLAINT_MANAGER_APPROVAL_LIMIT_FEN', DEFAULT_COMPLAINT_SETTINGS.managerApprovalLimitFen, {
      min: 0,
      max: 1_000_000_000_000,
    }),
    slaScanIntervalMs: reader.int('COMPLAINT_SLA_SCAN_MS', DEFAULT_COMPLAINT_SETTINGS.slaScanIntervalMs, { min: 0, max: 3_600_000 }),
    sla: {
      acknowledgeMinutes: reader.int('COMPLAINT_SLA_ACKNOWLEDGE_MINUTES', defaults.acknowledgeMinutes, { min: 1, max: 10_000 }),
      inquiryAnswerHours: reader.int('COMPLAINT_SLA_INQUIRY_HOURS', defaults.inquiryAnswerHours, { min: 1, max: 1000 }),
      firstProposalDays: days('COMPLAINT_SLA_FIRST_PROPOSAL_DAYS', defaults.firstProposalDays),
      investigationReportDays: days('COMPLAINT_SLA_INVESTIGATION_DAYS', defaults.investigationReportDays),
      resolutionDays: days('COMPLAINT_SLA_RESOLUTION_DAYS', defaults.resolutionDays),
      extendedResolutionDays: days('COMPLAINT_SLA_EXTENDED_RESOLUTION_DAYS', defaults.extendedResolutionDays),
      followUpDays: days('COMPLAINT_SLA_FOLLOW_UP_DAYS', defaults.followUpDays),
    },
  };
  reader.done();
  if (!problems.length) {
    try {
      new WorkingCalendar({ holidays: complaints.holidays, makeUpWorkingDays: complaints.makeUpWorkingDays });
    } catch (error) {
      problems.push(new ConfigError('BUSINESS_MAKEUP_DAYS', (error as Error).message));
    }
  }
  if (problems.length) throw problems[0];
  return { ...base, complaints };
}
