import { contentOf, requireText, validateArchiveInput } from './customer-content.policy';

const now = new Date('2026-06-01T00:00:00Z');
const valid = { type: 'dealer', name: 'Canal Dealers', contacts: [{ name: 'Zhang Min' }] } as const;
const fields = (input: Record<string, unknown>) => validateArchiveInput(input as never, { now }).map((error) => error.field);

/** CUS-1/CUS-3 rules that depend on meaning or time; shapes and limits are the contract's (libs/contracts). */
describe('validateArchiveInput', () => {
  it('accepts a valid archive and an empty change set', () => {
    expect(fields(valid)).toEqual([]);
    expect(fields({})).toEqual([]);
  });

  it('refuses blank names of the archive and its contacts', () => {
    expect(fields({ ...valid, name: '   ', contacts: [{ name: ' ' }] })).toEqual(['name', 'contacts.0.name']);
  });

  it('CUS-3: refuses a first contact in the future, beyond clock skew', () => {
    expect(fields({ ...valid, firstContactAt: '2026-06-02T00:00:00Z' })).toEqual(['firstContactAt']);
    expect(fields({ ...valid, firstContactAt: '2026-06-01T00:04:00Z' })).toEqual([]);
    expect(fields({ ...valid, firstContactAt: '2026-05-01T08:00:00+08:00' })).toEqual([]);
  });
});

describe('requireText', () => {
  it('refuses a blank decision text naming the rule', () => {
    expect(requireText('reason', '  ', 'CUS-2')[0].message).toContain('CUS-2');
    expect(requireText('reason', 'fine', 'CUS-2')).toEqual([]);
  });
});

describe('contentOf', () => {
  it('keeps only known content fields, as plain data', () => {
    const content = contentOf({ ...valid, industry: null, notes: 'n', status: 'active', grade: 'A' } as never);
    expect(content).toEqual({ contacts: valid.contacts, notes: 'n' });
  });
});
