import { canonicalJson, isSaneIdempotencyKey, requestHash } from './request-hash';

describe('requestHash (GW-6)', () => {
  it('ignores the order of object keys, at every level', () => {
    const a = requestHash('POST', '/api/v1/customers', { name: 'Acme', contacts: [{ name: 'Li', phone: '123' }] });
    const b = requestHash('post', '/api/v1/customers', { contacts: [{ phone: '123', name: 'Li' }], name: 'Acme' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when the body, the path or the method differs', () => {
    const base = requestHash('POST', '/api/v1/customers', { name: 'Acme' });
    expect(requestHash('POST', '/api/v1/customers', { name: 'Acme Ltd' })).not.toBe(base);
    expect(requestHash('POST', '/api/v1/customers?x=1', { name: 'Acme' })).not.toBe(base);
    expect(requestHash('PUT', '/api/v1/customers', { name: 'Acme' })).not.toBe(base);
  });

  it('keeps array order significant and treats no body as null', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('accepts sane keys only', () => {
    expect(isSaneIdempotencyKey('till-7:tx-000123')).toBe(true);
    expect(isSaneIdempotencyKey('')).toBe(false);
    expect(isSaneIdempotencyKey('has space')).toBe(false);
    expect(isSaneIdempotencyKey('k'.repeat(201))).toBe(false);
  });
});
