import { MAX_JSON_DEPTH, MAX_JSON_ITEMS, MAX_JSON_MEMBERS, inspectJson } from './json-body';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

describe('inspectJson (GW-5)', () => {
  it('accepts ordinary bodies, up to 32 levels deep', () => {
    expect(inspectJson({ name: '年度审查 😀', contacts: [{ name: 'Li', phone: '123' }], n: 1, ok: true, none: null })).toBeNull();
    expect(inspectJson(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(inspectJson('text')).toBeNull();
    expect(inspectJson(null)).toBeNull();
  });

  it('refuses nesting deeper than 32 levels without exhausting the stack', () => {
    expect(inspectJson(nested(MAX_JSON_DEPTH + 1))).toEqual({
      field: expect.any(String),
      message: expect.stringMatching(/deeper than 32/),
    });
    expect(inspectJson(nested(100_000))?.message).toMatch(/deeper than 32/);
  });

  it('refuses NUL and lone surrogates in values and member names, naming the field', () => {
    expect(inspectJson({ name: 'a\u0000b' })).toEqual({ field: 'name', message: 'name must not contain NUL (\\u0000)' });
    expect(inspectJson({ contacts: [{ name: 'x\uD800' }] })).toEqual({
      field: 'contacts.0.name',
      message: 'contacts.0.name must be well-formed Unicode (no lone surrogates)',
    });
    expect(inspectJson({ a: '\uDC00' })?.field).toBe('a');
    expect(inspectJson({ ['k\u0000']: 1 })?.message).toMatch(/member names must not contain NUL/);
    expect(inspectJson('\u0000')?.field).toBe('body');
  });

  it('refuses lists over 100 items and objects over 100 members before validation would check each (issue 11)', () => {
    const items = (count: number) => Array.from({ length: count }, () => ({ sku: 'TEA' }));
    const members = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, 0]));
    expect(inspectJson({ lines: items(MAX_JSON_ITEMS), note: members(MAX_JSON_MEMBERS) })).toBeNull();
    expect(inspectJson({ lines: items(MAX_JSON_ITEMS + 1) })).toEqual({
      field: 'lines',
      message: 'lines must not have more than 100 items',
    });
    expect(inspectJson({ a: { b: new Array(100_000).fill(0) } })).toEqual({
      field: 'a.b',
      message: 'a.b must not have more than 100 items',
    });
    expect(inspectJson(new Array(101).fill(0))?.field).toBe('body');
    expect(inspectJson(members(MAX_JSON_MEMBERS + 1))).toEqual({ field: 'body', message: 'body must not have more than 100 members' });
    expect(inspectJson({ contacts: [members(60_000)] })?.field).toBe('contacts.0');
  });
});
