import { MAX_MONEY_AMOUNT, PHONE_PATTERN, PHONE_RULE } from '@crm/contracts';

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
/** Phone numbers: the one rule shared with the gateway (libs/contracts `PHONE_PATTERN`). */
export { PHONE_PATTERN };
export const PHONE_MESSAGE = `phone must be ${PHONE_RULE}`;
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

export function isPhone(value: unknown): boolean {
  return typeof value === 'string' && PHONE_PATTERN.test(value);
}

const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The length of a string in characters: Unicode code points (`[...value].length`), not UTF-16
 * units, so 𝒳 is one character — as the gateway's class-validator `@MaxLength` counts, and as
 * PostgreSQL counts `varchar(n)`. Every limit of this service is checked with it. (validator.js
 * additionally skips a U+FE0E/U+FE0F presentation selector after a character; we count it, or a
 * value could pass here and overflow a `varchar(200)` column — see README "Length".)
 */
export function characterCount(value: string): number {
  return value.length - (value.match(SURROGATE_PAIRS)?.length ?? 0);
}

/** `value` cut to at most `max` characters without splitting a surrogate pair (a code point). */
export function truncateCharacters(value: string, max: number): string {
  return characterCount(value) <= max ? value : Array.from(value).slice(0, max).join('');
}

/** Same as `String.prototype.isWellFormed` (ES2024, not in this project's `lib`): no lone surrogate. */
export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/**
 * Strings PostgreSQL cannot store are refused as invalid (400) instead of failing the insert
 * (500): U+0000, which text and jsonb refuse, and strings that are not well-formed UTF-16 (a lone
 * surrogate such as "a\uD800b", which jsonb refuses as `\ud800`). Walks nested objects and lists.
 */
export function unstorableStringErrors(value: unknown, path = ''): { field: string; message: string }[] {
  if (typeof value === 'string') {
    const name = path || 'value';
    if (value.includes('\u0000')) return [{ field: path, message: `${name} must not contain NUL characters` }];
    if (!isWellFormed(value)) return [{ field: path, message: `${name} must be well-formed Unicode text (no lone surrogates)` }];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableStringErrors(item, path ? `${path}.${index}` : String(index)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, nested]) => unstorableStringErrors(nested, path ? `${path}.${key}` : key));
  }
  return [];
}
