import { MAX_MONEY_AMOUNT } from '@crm/contracts';

/** SPEC "Conventions" field limits, shared by the DTOs and the domain checks. */
export const STRING_MAX = 200;
export const TEXT_MAX = 10_000;
export const LIST_MAX = 100;
export const MONEY_MAX = MAX_MONEY_AMOUNT;

/**
 * Free-text fields (≤ 10,000): notes, comments, survey findings, and the narrative parts of
 * CUS-1 (business status, credit information) and reasons given for decisions. Every other string
 * is ≤ 200.
 */
export const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set([
  'notes',
  'organisationNotes',
  'salesHistorySummary',
  'cooperationAttitude',
  'investigationSummary',
  'paymentBehaviour',
  'generalSurvey',
  'fieldSurvey',
  'reason',
  'description',
  'comment',
]);

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** Digits with an optional leading `+`, spaces, dashes and brackets; 5–20 digits. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{3,28}[0-9]$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** ISO-8601 instant with an explicit offset (`Z` or `±hh:mm`): never a floating local time. */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isInstant(value: string): boolean {
  return INSTANT_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
}

export function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE_PATTERN.test(value) && digits >= 5 && digits <= 20;
}

/**
 * PostgreSQL cannot store U+0000 in text or jsonb; such input is refused as invalid (400) instead
 * of failing the insert (500). Walks nested objects and lists.
 */
export function nulCharacterErrors(value: unknown, path = ''): { field: string; message: string }[] {
  if (typeof value === 'string')
    return value.includes('\u0000') ? [{ field: path, message: `${path || 'value'} must not contain NUL characters` }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulCharacterErrors(item, path ? `${path}.${index}` : String(index)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, nested]) => nulCharacterErrors(nested, path ? `${path}.${key}` : key));
  }
  return [];
}
