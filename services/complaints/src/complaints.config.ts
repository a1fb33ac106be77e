import { WorkingCalendar, parseDateList } from '@crm/calendar';
import { type BaseServiceConfig, ConfigError, EnvReader, readBaseConfig } from '@crm/config';
import {
  type ComplaintSlaOverride,
  type ComplaintSlaSettings,
  SLA_SETTING_RANGES,
  SPEC_SLA,
  parseSlaOverrides,
} from './complaint/complaint-sla-profile.policy';
import { DEFAULT_SERVICE_CASH_LIMIT_FEN } from './service-request/service-request-settings';

export type { ComplaintSlaOverride, ComplaintSlaSettings };

/** The complaints domain's own settings (SPEC CMP-8, CMP-9, CMP-11, "Conventions" calendar). */
export interface ComplaintSettings {
  /** Public holidays, `YYYY-MM-DD` (ships empty: the operator configures each year's schedule). */
  holidays: string[];
  /** Make-up working days (a Saturday or Sunday that is worked). */
  makeUpWorkingDays: string[];
  /** CMP-8: a manager approves resolutions worth up to this many fen (CNY); an executive above. */
  managerApprovalLimitFen: number;
  /** CMP-9 defaults (SPEC values unless configured). */
  sla: ComplaintSlaSettings;
  /** CMP-9 per kind, category and severity (`COMPLAINT_SLA_OVERRIDES`; the most specific wins). */
  slaOverrides: ComplaintSlaOverride[];
  /** CMP-9: how often each replica scans for missed due times (ms); 0 switches the scanner off. */
  slaScanIntervalMs: number;
  /** SRV-5: the largest fee (fen, CNY) a technician may collect on site in cash (`SERVICE_CASH_LIMIT_FEN`). */
  serviceCashLimitFen: number;
}

export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = {
  holidays: [],
  makeUpWorkingDays: [],
  managerApprovalLimitFen: 500_000,
  slaScanIntervalMs: 30_000,
  serviceCashLimitFen: DEFAULT_SERVICE_CASH_LIMIT_FEN,
  sla: SPEC_SLA,
  slaOverrides: [],
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

function slaOverrides(reader: EnvReader, problems: ConfigError[]): ComplaintSlaOverride[] {
  const raw = reader.optionalString('COMPLAINT_SLA_OVERRIDES');
  if (raw === undefined || !raw.trim()) return [];
  try {
    return parseSlaOverrides(raw);
  } catch (error) {
    problems.push(new ConfigError('COMPLAINT_SLA_OVERRIDES', (error as Error).message));
    return [];
  }
}

export function loadComplaintsConfig(env: NodeJS.ProcessEnv = process.env): ComplaintsConfig {
  const reader = new EnvReader(env);
  const base = readBaseConfig(reader, 'complaints', { httpPort: 3102 });
  const defaults = DEFAULT_COMPLAINT_SETTINGS.sla;
  const setting = (name: string, key: keyof ComplaintSlaSettings) => reader.int(name, defaults[key], SLA_SETTING_RANGES[key]);
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
      acknowledgeMinutes: setting('COMPLAINT_SLA_ACKNOWLEDGE_MINUTES', 'acknowledgeMinutes'),
      inquiryAnswerHours: setting('COMPLAINT_SLA_INQUIRY_HOURS', 'inquiryAnswerHours'),
      firstProposalDays: setting('COMPLAINT_SLA_FIRST_PROPOSAL_DAYS', 'firstProposalDays'),
      investigationReportDays: setting('COMPLAINT_SLA_INVESTIGATION_DAYS', 'investigationReportDays'),
      resolutionDays: setting('COMPLAINT_SLA_RESOLUTION_DAYS', 'resolutionDays'),
      extendedResolutionDays: setting('COMPLAINT_SLA_EXTENDED_RESOLUTION_DAYS', 'extendedResolutionDays'),
      followUpDays: setting('COMPLAINT_SLA_FOLLOW_UP_DAYS', 'followUpDays'),
    },
    slaOverrides: slaOverrides(reader, problems),
    serviceCashLimitFen: reader.int('SERVICE_CASH_LIMIT_FEN', DEFAULT_SERVICE_CASH_LIMIT_FEN, { min: 0, max: 1_000_000_000_000 }),
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
