import { contentOf, requireText, validateArchiveInput } from './customer-content.policy';

const now = new Date('2026-06-01T00:00:00Z');
const valid = {
  type: 'dealer',
  name: 'Canal Dealers',
  contacts: [{ name: 'Zhang Min', email: 'z@example.cn', phone: '+86 512 6666 8888', birthday: '1980-05-17' }],
} as const;
const fields = (input: Record<string, unknown>, partial = false) =>
  validateArchiveInput(input as never, { partial, now }).map((error) => error.field);

/** CUS-1 content and the SPEC field limits, enforced in the domain (not only by DTOs). */
describe('validateArchiveInput', () => {
  it('accepts a valid archive', () => {
    expect(fields({ ...valid, annualRevenue: { amount: 1_000_000_000_000, currency: 'CNY' } })).toEqual([]);
  });

  it('requires type, name and contacts on create, and forbids clearing them on update', () => {
    expect(fields({})).toEqual(['type', 'name', 'contacts']);
    expect(fields({}, true)).toEqual([]);
    expect(fields({ name: null, contacts: null }, true)).toEqual(['name', 'contacts']);
    expect(fields({ ...valid, name: '   ' })).toEqual(['name']);
  });

  it('checks enums, formats and the first-contact instant', () => {
    expect(fields({ ...valid, type: 'partner', confidentiality: 'public' })).toEqual(['type', 'confidentiality']);
    expect(fields({ ...valid, contacts: [{ name: 'A', email: 'no', phone: 'call me', birthday: '1980-02-30' }] })).toEqual([
      'contacts.0.email',
      'contacts.0.phone',
      'contacts.0.birthday',
    ]);
    expect(fields({ ...valid, firstContactAt: '2026-05-01T08:00:00' })).toEqual(['firstContactAt']);
    expect(fields({ ...valid, firstContactAt: '2026-06-02T00:00:00Z' })).toEqual(['firstContactAt']); // CUS-3: not in the future
    expect(fields({ ...valid, firstContactAt: '2026-05-01T08:00:00+08:00' })).toEqual([]);
  });

  it('applies the SPEC limits: 200 for strings, 10,000 for free text, 100 items, money 0…10^12', () => {
    expect(fields({ ...valid, industry: 'x'.repeat(201), notes: 'x'.repeat(10_000) })).toEqual(['industry']);
    expect(fields({ ...valid, notes: 'x'.repeat(10_001), businessStatus: { salesHistorySummary: 'y'.repeat(10_001) } })).toEqual([
      'notes',
      'businessStatus.salesHistorySummary',
    ]);
    expect(fields({ ...valid, addresses: Array.from({ length: 101 }, () => ({ line: 'a' })) })).toEqual(['addresses']);
    expect(
      fields({
        ...valid,
        annualRevenue: { amount: -1, currency: 'CNY' },
        creditInformation: { creditLimit: { amount: 1.5, currency: 'rmb' } },
      }),
    ).toEqual(['annualRevenue.amount', 'creditInformation.creditLimit.amount', 'creditInformation.creditLimit.currency']);
    expect(fields({ ...valid, notes: 'a\u0000b' })).toEqual(['notes']);
  });

  it('refuses strings that are not well-formed (lone surrogates, which jsonb cannot store), nested ones included', () => {
    expect(
      fields({
        ...valid,
        name: 'a\ud800b',
        contacts: [{ name: 'Zhang\udc00' }],
        address: { line: '1 Road', city: '\ud83d' },
        businessStatus: { salesHistorySummary: 'x\ud800' },
        registration: { taxId: '\udfff' },
      }),
    ).toEqual(['name', 'contacts.0.name', 'address.city', 'businessStatus.salesHistorySummary', 'registration.taxId']);
    expect(fields({ notes: '\ud800' }, true)).toEqual(['notes']);
  });

  it('counts limits in characters (code points) like the gateway, not UTF-16 units', () => {
    const x = '\u{1D4B3}'; // 𝒳
    expect(fields({ ...valid, name: x.repeat(150), industry: x.repeat(200), notes: x.repeat(10_000) })).toEqual([]);
    expect(fields({ ...valid, industry: x.repeat(201), notes: x.repeat(10_001) })).toEqual(['industry', 'notes']);
    expect(fields({ ...valid, contacts: [{ name: x.repeat(200), title: x.repeat(201) }] })).toEqual(['contacts.0.title']);
  });

  it('applies the phone rule to contacts and the emergency contact', () => {
    const phones = (phone: unknown) => fields({ ...valid, contacts: [{ name: 'A', phone }], emergencyContact: { name: 'B', phone } });
    expect(phones('(010) 6552-9988')).toEqual([]);
    expect(phones('+86 (571) 8888-1234')).toEqual([]);
    expect(phones('+++++')).toEqual(['contacts.0.phone', 'emergencyContact.phone']);
    expect(phones('86+5718888')).toEqual(['contacts.0.phone', 'emergencyContact.phone']);
    expect(phones(13800138000)).toEqual(['contacts.0.phone', 'emergencyContact.phone']);
  });

  it('refuses clearing the level on update', () => {
    expect(fields({ confidentiality: null }, true)).toEqual(['confidentiality']);
  });
});

describe('contentOf', () => {
  it('keeps only known content fields, as plain data', () => {
    const content = contentOf({ ...valid, industry: null, notes: 'n', status: 'active', grade: 'A' } as never);
    expect(content).toEqual({ contacts: valid.contacts, notes: 'n' });
  });
});

describe('requireText', () => {
  it('refuses blank, overlong and NUL-bearing text, naming the rule', () => {
    expect(requireText('reason', '  ', 'CUS-2')[0].message).toContain('CUS-2');
    expect(requireText('reason', undefined, 'CUS-2')).toHaveLength(1);
    expect(requireText('reason', 'x'.repeat(10_001), 'CUS-2')).toHaveLength(1);
    expect(requireText('reason', 'a\u0000', 'CUS-2')).toHaveLength(1);
    expect(requireText('reason', 'a\ud800b', 'CUS-2')).toEqual([{ field: 'reason', message: expect.stringContaining('well-formed') }]);
    expect(requireText('reason', '\u{1D4B3}'.repeat(10_000), 'CUS-2')).toEqual([]);
    expect(requireText('reason', '\u{1D4B3}'.repeat(10_001), 'CUS-2')).toHaveLength(1);
    expect(requireText('reason', 'fine', 'CUS-2')).toEqual([]);
  });
});
