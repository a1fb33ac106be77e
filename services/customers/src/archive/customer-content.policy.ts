import type { CustomerArchiveInput, CustomerChanges } from '@crm/contracts';
import type { FieldError } from '@crm/errors';
import type { CustomerContent } from './customer.entity';

/*
 * CUS-1 content rules a contract class cannot express. Shapes, formats and limits are the
 * contract's (`CustomerArchiveInput`, `CustomerChanges` in libs/contracts), validated by the
 * gateway on HTTP and by this service on every RPC payload (STYLE rule 8).
 */

/** Archive fields as commands receive them: Update sends any subset, `null` clears an optional field. */
export type ArchiveFields = CustomerChanges;

/** First contact may be stamped by a slightly fast clock elsewhere; more than this is a mistake. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Returns every problem of an archive input that depends on meaning or time, not on shape. */
export function validateArchiveInput(input: ArchiveFields | CustomerArchiveInput, options: { now: Date }): FieldError[] {
  const errors: FieldError[] = [];
  // CUS-1: an archive is found by its name; whitespace is no name.
  if (typeof input.name === 'string' && input.name.trim() === '') errors.push({ field: 'name', message: 'name must not be blank' });
  input.contacts?.forEach((contact, index) => {
    if (contact.name.trim() === '') errors.push({ field: `contacts.${index}.name`, message: 'contact name must not be blank' });
  });
  if (input.firstContactAt && Date.parse(input.firstContactAt) > options.now.getTime() + CLOCK_SKEW_MS) {
    errors.push({ field: 'firstContactAt', message: 'CUS-3: firstContactAt must not be in the future' });
  }
  return errors;
}

/** A required decision text (reason, survey finding) must say something; the contract bounds its length. */
export function requireText(field: string, value: string, rule: string): FieldError[] {
  return value.trim() === '' ? [{ field, message: `${rule}: ${field} must not be blank` }] : [];
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
 * Copies only the known content fields into a plain object (no class prototypes, no unknown keys);
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
