import { bearerToken, generateSecret, hashSecret, sameHash } from './api-key.secret';

describe('API key secrets (GW-2)', () => {
  it('generates distinct, prefixed secrets', () => {
    const a = generateSecret();
    expect(a).toMatch(/^csk_[A-Za-z0-9_-]{43}$/);
    expect(generateSecret()).not.toBe(a);
  });

  it('hashes with SHA-256 hex', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sameHash(hashSecret('abc'), hashSecret('abc'))).toBe(true);
    expect(sameHash(hashSecret('abc'), hashSecret('abd'))).toBe(false);
  });

  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc ', 'abc'],
    [['Bearer x', 'Bearer y'], 'x'],
  ])('reads %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([undefined, '', 'Basic abc', 'Bearer', 'Bearer a b', 'abc', `Bearer ${'x'.repeat(1000)}`])('refuses %j', (header) => {
    expect(bearerToken(header)).toBeUndefined();
  });
});
