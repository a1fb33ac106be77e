import { canonicalJson, pointsFor, purchaseHash } from './earning.policy';

describe('LOY-4 earning', () => {
  it('earns 1 point per full 100.00 CNY paid', () => {
    expect(pointsFor(0)).toBe(0);
    expect(pointsFor(9_999)).toBe(0);
    expect(pointsFor(10_000)).toBe(1);
    expect(pointsFor(129_999)).toBe(12);
    expect(pointsFor(1_000_000_000_000)).toBe(100_000_000);
  });

  it('hashes the same body the same whatever the key order, and any changed value differently', () => {
    const body = { storeId: 'S1', transactionId: 'T1', paid: { amount: 100, currency: 'CNY' }, lines: [{ sku: 'a', quantity: 1 }] };
    const reordered = { lines: [{ quantity: 1, sku: 'a' }], paid: { currency: 'CNY', amount: 100 }, transactionId: 'T1', storeId: 'S1' };
    expect(purchaseHash(reordered)).toBe(purchaseHash(body));
    expect(purchaseHash({ ...body, phone: undefined })).toBe(purchaseHash(body));
    expect(purchaseHash({ ...body, paid: { amount: 101, currency: 'CNY' } })).not.toBe(purchaseHash(body));
    expect(purchaseHash({ ...body, lines: [{ sku: 'a', quantity: 2 }] })).not.toBe(purchaseHash(body));
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
  });
});
