import { lockKeyFor } from './outbox.relay';

/** The relay's advisory lock key: stable across processes and replicas, distinct per service. */
describe('lockKeyFor', () => {
  it('is the Java-style 31 hash of the name, as a signed 32-bit integer', () => {
    expect(lockKeyFor('')).toBe(0);
    expect(lockKeyFor('a')).toBe(97);
    expect(lockKeyFor('ab')).toBe(97 * 31 + 98);
    // "hello".hashCode() in Java; pins the algorithm so replicas of different builds agree.
    expect(lockKeyFor('hello')).toBe(99162322);
  });

  it('stays within PostgreSQL int4 range for long names (wraps, never grows)', () => {
    const key = lockKeyFor(`outbox:${'x'.repeat(500)}`);
    expect(Number.isInteger(key)).toBe(true);
    expect(key).toBeGreaterThanOrEqual(-(2 ** 31));
    expect(key).toBeLessThan(2 ** 31);
  });

  it('is deterministic and differs between services', () => {
    const services = ['customers', 'complaints', 'returns', 'loyalty', 'gateway'].map((s) => lockKeyFor(`outbox:${s}`));
    expect(new Set(services).size).toBe(services.length);
    expect(lockKeyFor('outbox:customers')).toBe(services[0]);
  });
});
