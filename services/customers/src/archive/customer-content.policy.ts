import { CONFIDENTIALITY_LEVELS, CUSTOMER_TYPES, type CustomerArchiveInput } from '@crm/contracts';
import type { FieldError } from '@crm/errors';
import type { CustomerContent } from './customer.entity';
import {
  CURRENCY_PATTERN,
  EMAIL_PATTERN,
  FREE_TEXT_FIELDS,
  LIST_MAX,
  MONEY_MAX,
  PHONE_MESSAGE,
  STRING_MAX,
  TEXT_MAX,
  characterCount,
  isCalendarDate,
  isInstant,
  isPhone,
  unstorableStringErrors,
} from '../common/field-limits';

/** Archive fields as commands receive them: Update sends any subset, `null` clears an optional field. */
export type ArchiveFields = { [K in keyof CustomerArchiveInput]?: CustomerArchiveInput[K] | null };

/** What Register needs at least (CUS-1). */
export type NewArchiveInput = ArchiveFields & Pick<CustomerArchiveInput, 'type' | 'name' | 'contacts'>;

/** First contact may be stamped by a slightly fast clock elsewhere; more than this is a mistake. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const MONEY_FIELDS = new Set(['annualRevenue', 'registeredCapital', 'creditLimit']);
const REQUIRED_ON_CREATE = ['type', 'name', 'contacts'] as const;

/**
 * CUS-1 content rules and the SPEC field limits, enforced in the domain whatever the transport
 * validated (STYLE rule 8 validates DTOs; this guards every other way in). Returns every problem.
 * `partial` is an Update's change set: absent fields are untouched, `null` clears an optional field.
 */
export function validateArchiveInput(input: ArchiveFields, options: { partial: boolean; now: Date }): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const record = input as Record<string, unknown>;

  for (const field of REQUIRED_ON_CREATE) {
    const present = field in record && record[field] !== undefined;
    if ((!options.partial && !present) || (present && record[field] === null)) fail(field, `${field} is required`);
  }
  if (input.type != null && !CUSTOMER_TYPES.includes(input.type)) fail('type', `type must be one of ${CUSTOMER_TYPES.join(', ')}`);
  if (input.name != null && (typeof input.name !== 'string' || input.name.trim() === '')) fail('name', 'name must not be blank');
  if (input.confidentiality != null && !CONFIDENTIALITY_LEVELS.includes(input.confidentiality)) {
    fail('confidentiality', `confidentiality must be one of ${CONFIDENTIALITY_LEVELS.join(', ')}`);
  }
  // An archive always has a level (CUS-6): an Update cannot clear it (Register treats null as the default).
  if (options.partial && record.confidentiality === null) fail('confidentiality', 'confidentiality cannot be cleared; name a level');
  if (input.employees != null && (!Number.isInteger(input.employees) || input.employees < 0 || input.employees > 10_000_000)) {
    fail('employees', 'employees must be an integer between 0 and 10000000');
  }
  if (input.firstContactAt != null) {
    if (typeof input.firstContactAt !== 'string' || !isInstant(input.firstContactAt)) {
      fail('firstContactAt', 'firstContactAt must be an ISO-8601 instant with a time zone');
    } else if (Date.parse(input.firstContactAt) > options.now.getTime() + CLOCK_SKEW_MS) {
      fail('firstContactAt', 'CUS-3: firstContactAt must not be in the future');
    }
  }
  if (input.contacts != null) {
    if (!Array.isArray(input.contacts)) fail('contacts', 'contacts must be a list');
    else
      input.contacts.forEach((contact, index) => {
        const path = `contacts.${index}`;
        if (!contact || typeof contact !== 'object') return fail(path, 'contact must be an object');
        if (typeof contact.name !== 'string' || contact.name.trim() === '') fail(`${path}.name`, 'contact name must not be blank');
        if (contact.email != null && (typeof contact.email !== 'string' || !EMAIL_PATTERN.test(contact.email))) {
          fail(`${path}.email`, 'email must be an email address');
        }
        if (contact.phone != null && !isPhone(contact.phone)) {
          fail(`${path}.phone`, PHONE_MESSAGE);
        }
        if (contact.birthday != null && (typeof contact.birthday !== 'string' || !isCalendarDate(contact.birthday))) {
          fail(`${path}.birthday`, 'birthday must be a YYYY-MM-DD date');
        }
      });
  }
  if (input.emergencyContact?.phone != null && !isPhone(input.emergencyContact.phone)) {
    fail('emergencyContact.phone', PHONE_MESSAGE);
  }
  if (input.registration?.registeredOn != null && !isCalendarDate(input.registration.registeredOn)) {
    fail('registration.registeredOn', 'registeredOn must be a YYYY-MM-DD date');
  }
  checkLimits(record, '', fail);
  errors.push(...unstorableStringErrors(record));
  return errors;
}

/** Walks the whole input: every string, list and money amount within the SPEC limits. */
function checkLimits(value: unknown, path: string, fail: (field: string, message: string) => void): void {
  const key = path.split('.').pop() ?? '';
  if (typeof value === 'string') {
    const max = FREE_TEXT_FIELDS.has(key) ? TEXT_MAX : STRING_MAX;
    if (characterCount(value) > max) fail(path, `${path} must be at most ${max} characters`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length > LIST_MAX) fail(path, `${path} must have at most ${LIST_MAX} items`);
    value.forEach((item, index) => checkLimits(item, `${path}.${index}`, fail));
    return;
  }
  if (value && typeof value === 'object') {
    if (MONEY_FIELDS.has(key)) checkMoney(value as Record<string, unknown>, path, fail);
    for (const [child, nested] of Object.entries(value)) checkLimits(nested, path ? `${path}.${child}` : child, fail);
  }
}

function checkMoney(money: Record<string, unknown>, path: string, fail: (field: string, message: string) => void): void {
  const { amount, currency } = money;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount > MONEY_MAX) {
    fail(`${path}.amount`, `amount must be an integer number of minor units between 0 and ${MONEY_MAX}`);
  }
  if (typeof currency !== 'string' || !CURRENCY_PATTERN.test(currency)) fail(`${path}.currency`, 'currency must be a 3-letter ISO code');
}

/** A required free-text decision field (reason, survey finding): present, not blank, within limits. */
export function requireText(field: string, value: unknown, rule: string, max = TEXT_MAX): FieldError[] {
  if (typeof value !== 'string' || value.trim() === '') return [{ field, message: `${rule}: ${field} must not be blank` }];
  if (characterCount(value) > max) return [{ field, message: `${field} must be at most ${max} characters` }];
  return unstorableStringErrors(value, field);
}

/** The CUS-1 fields kept in the `content` jsonb column (everything not filtered or sorted on). */
export const CONTENT_KEYS = [
  'registration',
  'industry',
  'employees',
  'annualRevenue',
  'address',
  'addresses',
  'contacts',
  'organisationNotes',
  'businessStatus',
  'creditInformation',
  'emergencyContact',
  'ownerRep',
  'notes',
] as const satisfies readonly (keyof CustomerContent)[];

/**
 * Copies only the known content fields into a plain object (no DTO prototypes, no unknown keys);
 * `null` and absent fields are left out.
 */
export function contentOf(input: Partial<Record<(typeof CONTENT_KEYS)[number], unknown>>): CustomerContent {
  const content: Record<string, unknown> = { contacts: [] };
  for (const key of CONTENT_KEYS) {
    const value = input[key];
    if (value !== undefined && value !== null) content[key] = JSON.parse(JSON.stringify(value));
  }
  return content as unknown as CustomerContent;
}
