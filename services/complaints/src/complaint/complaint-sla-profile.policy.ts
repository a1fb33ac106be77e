import { COMPLAINT_CATEGORIES, COMPLAINT_KINDS, COMPLAINT_SEVERITIES } from '@crm/contracts';

/** CMP-9 deadlines of one record; the SPEC values are the defaults. */
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

/** The SPEC's CMP-9 defaults. */
export const SPEC_SLA: ComplaintSlaSettings = {
  acknowledgeMinutes: 30,
  inquiryAnswerHours: 24,
  firstProposalDays: 1,
  investigationReportDays: 3,
  resolutionDays: 3,
  extendedResolutionDays: 7,
  followUpDays: 1,
};

/** Allowed range of each setting (business minutes, hours or working days). */
export const SLA_SETTING_RANGES: Record<keyof ComplaintSlaSettings, { min: number; max: number }> = {
  acknowledgeMinutes: { min: 1, max: 10_000 },
  inquiryAnswerHours: { min: 1, max: 1_000 },
  firstProposalDays: { min: 1, max: 60 },
  investigationReportDays: { min: 1, max: 60 },
  resolutionDays: { min: 1, max: 60 },
  extendedResolutionDays: { min: 1, max: 60 },
  followUpDays: { min: 1, max: 60 },
};

/** What a record's deadlines depend on (CMP-9 "configurable per kind, category and severity"). */
export interface SlaSubject {
  kind: string;
  category: string;
  /** Unknown (`null`) until given at registration or acceptance. */
  severity: string | null;
}

/** One configured exception: the settings in `set` apply to the records matching every field of `when`. */
export interface ComplaintSlaOverride {
  when: Partial<Record<'kind' | 'category' | 'severity', string>>;
  set: Partial<ComplaintSlaSettings>;
}

/**
 * CMP-9: the deadlines of a record — the defaults, then every override that matches it, the less
 * specific first (fewer fields in `when`), in configured order among equals; so the most specific
 * override decides each setting it names. A `severity` override applies once the severity is known.
 */
export function slaFor(
  subject: SlaSubject,
  defaults: ComplaintSlaSettings,
  overrides: readonly ComplaintSlaOverride[],
): ComplaintSlaSettings {
  const matching = overrides
    .map((override, order) => ({ override, order, specificity: Object.keys(override.when).length }))
    .filter(({ override }) => Object.entries(override.when).every(([field, value]) => subject[field as keyof SlaSubject] === value))
    .sort((a, b) => a.specificity - b.specificity || a.order - b.order);
  return matching.reduce<ComplaintSlaSettings>((sla, { override }) => ({ ...sla, ...override.set }), { ...defaults });
}

const WHEN_VALUES: Record<keyof ComplaintSlaOverride['when'], readonly string[]> = {
  kind: COMPLAINT_KINDS,
  category: COMPLAINT_CATEGORIES,
  severity: COMPLAINT_SEVERITIES,
};

/**
 * Reads `COMPLAINT_SLA_OVERRIDES`: a JSON array of `{when: {kind?, category?, severity?}, set:
 * {<setting>: <integer>, …}}`. Throws a message naming the entry and field that is wrong — an
 * unknown field or value, a setting out of its range — so the service refuses to start with it.
 */
export function parseSlaOverrides(raw: string): ComplaintSlaOverride[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('must be a JSON array of {"when": {...}, "set": {...}}');
  }
  if (!Array.isArray(parsed)) throw new Error('must be a JSON array of {"when": {...}, "set": {...}}');
  return parsed.map((entry: unknown, index) => {
    const at = `entry ${index}`;
    if (!isObject(entry) || !isObject(entry.when) || !isObject(entry.set)) throw new Error(`${at}: needs objects "when" and "set"`);
    const extra = Object.keys(entry).filter((key) => key !== 'when' && key !== 'set');
    if (extra.length) throw new Error(`${at}: unknown field ${extra[0]}`);
    const when: ComplaintSlaOverride['when'] = {};
    for (const [field, value] of Object.entries(entry.when)) {
      const allowed = WHEN_VALUES[field as keyof typeof WHEN_VALUES];
      if (!allowed) throw new Error(`${at}: "when" may name kind, category and severity, not ${field}`);
      if (typeof value !== 'string' || !allowed.includes(value))
        throw new Error(`${at}: when.${field} must be one of ${allowed.join(', ')}`);
      when[field as keyof typeof WHEN_VALUES] = value;
    }
    if (!Object.keys(when).length) throw new Error(`${at}: an empty "when" would change the defaults; set COMPLAINT_SLA_* instead`);
    const set: Partial<ComplaintSlaSettings> = {};
    for (const [setting, value] of Object.entries(entry.set)) {
      const range = SLA_SETTING_RANGES[setting as keyof ComplaintSlaSettings];
      if (!range) throw new Error(`${at}: unknown setting ${setting} (one of ${Object.keys(SLA_SETTING_RANGES).join(', ')})`);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
        throw new Error(`${at}: set.${setting} must be an integer from ${range.min} to ${range.max}`);
      }
      set[setting as keyof ComplaintSlaSettings] = value;
    }
    if (!Object.keys(set).length) throw new Error(`${at}: "set" names no setting`);
    return { when, set };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
