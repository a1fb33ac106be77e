import { contractErrors } from '@crm/testing';
import { CustomerArchiveInput, CustomerChanges, GetCustomerPayload, ReasonPayload } from './customer-inputs';

const valid = {
  type: 'dealer',
  name: 'Canal Dealers',
  contacts: [{ name: 'Zhang Min', email: 'z@example.cn', phone: '+86 512 6666 8888', birthday: '1980-05-17' }],
};
// Sorted: class-validator reports in declaration order of the class hierarchy, which says nothing.
const fields = (input: Record<string, unknown>) => contractErrors(CustomerArchiveInput, input).sort();
const changes = (input: Record<string, unknown>) => contractErrors(CustomerChanges, input).sort();

/** CUS-1 content and the SPEC "Conventions" limits, as the contract enforces them on HTTP and RPC alike. */
describe('CustomerArchiveInput', () => {
  it('accepts a valid archive', () => {
    expect(fields({ ...valid, annualRevenue: { amount: 1_000_000_000_000, currency: 'CNY' } })).toEqual([]);
  });

  it('requires type, name and contacts on create, and forbids clearing them on update', () => {
    expect(fields({})).toEqual(['contacts', 'name', 'type']);
    expect(changes({})).toEqual([]);
    expect(changes({ name: null, contacts: null, type: null })).toEqual(['contacts', 'name', 'type']);
    expect(changes({ confidentiality: null })).toEqual(['confidentiality']);
    expect(changes({ industry: null, notes: null, address: null })).toEqual([]);
  });

  it('checks enums, formats and instants', () => {
    expect(fields({ ...valid, type: 'partner', confidentiality: 'public' })).toEqual(['confidentiality', 'type']);
    expect(fields({ ...valid, contacts: [{ name: 'A', email: 'no', phone: 'call me', birthday: '1980-02-30' }] })).toEqual([
      'contacts.0.birthday',
      'contacts.0.email',
      'contacts.0.phone',
    ]);
    expect(fields({ ...valid, firstContactAt: '2026-05-01T08:00:00' })).toEqual(['firstContactAt']);
    expect(fields({ ...valid, firstContactAt: '2026-05-01T08:00:00+08:00' })).toEqual([]);
  });

  it('applies the SPEC limits: 200 for strings, 10,000 for free text, 100 items, money 0…10^12 integer fen', () => {
    expect(fields({ ...valid, industry: 'x'.repeat(201), notes: 'x'.repeat(10_000) })).toEqual(['industry']);
    expect(fields({ ...valid, notes: 'x'.repeat(10_001), businessStatus: { salesHistorySummary: 'y'.repeat(10_001) } })).toEqual([
      'businessStatus.salesHistorySummary',
      'notes',
    ]);
    expect(fields({ ...valid, addresses: Array.from({ length: 101 }, () => ({ line: 'a' })) })).toEqual(['addresses']);
    expect(
      fields({
        ...valid,
        annualRevenue: { amount: -1, currency: 'CNY' },
        creditInformation: { creditLimit: { amount: 1.5, currency: 'rmb' } },
      }),
    ).toEqual(['annualRevenue.amount', 'creditInformation.creditLimit.amount', 'creditInformation.creditLimit.currency']);
  });

  it('refuses text PostgreSQL cannot store (NUL, lone surrogates), nested ones included', () => {
    expect(
      fields({
        ...valid,
        name: 'a\ud800b',
        notes: 'a\u0000b',
        contacts: [{ name: 'Zhang\udc00' }],
        address: { line: '1 Road', city: '\ud83d' },
        registration: { taxId: '\udfff' },
      }),
    ).toEqual(['address.city', 'contacts.0.name', 'name', 'notes', 'registration.taxId']);
  });

  it('counts limits in characters (code points), as JSON Schema and PostgreSQL do, not UTF-16 units', () => {
    const x = '\u{1D4B3}'; // 𝒳
    expect(fields({ ...valid, name: x.repeat(200), industry: x.repeat(200), notes: x.repeat(10_000) })).toEqual([]);
    expect(fields({ ...valid, industry: x.repeat(201), notes: x.repeat(10_001) })).toEqual(['industry', 'notes']);
    expect(fields({ ...valid, name: `${'a'.repeat(199)}\u{FE0F}\u{FE0F}` })).toEqual(['name']);
  });

  it('applies the one phone rule to contacts and the emergency contact', () => {
    const phones = (phone: unknown) => fields({ ...valid, contacts: [{ name: 'A', phone }], emergencyContact: { name: 'B', phone } });
    expect(phones('(0571) 8888-6666')).toEqual([]);
    expect(phones('+86 (571) 8888-1234')).toEqual([]);
    expect(phones('+++++')).toEqual(['contacts.0.phone', 'emergencyContact.phone']);
    expect(phones('86+5718888')).toEqual(['contacts.0.phone', 'emergencyContact.phone']);
    expect(phones(13800138000)).toEqual(['contacts.0.phone', 'emergencyContact.phone']);
  });

  it('refuses unknown fields, and a blank required reason', () => {
    expect(fields({ ...valid, status: 'active' })).toEqual(['status']);
    expect(contractErrors(ReasonPayload, { id: '3f1c8a52-7d3e-4c1b-9a7e-2b5d8c9e0f11', reason: '' })).toEqual(['reason']);
    expect(contractErrors(GetCustomerPayload, { id: '3f1c8a52-7d3e-4c1b-9a7e-2b5d8c9e0f11', purpose: 'x'.repeat(201) })).toEqual([
      'purpose',
    ]);
  });
});
