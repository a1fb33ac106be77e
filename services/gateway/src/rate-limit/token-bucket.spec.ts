import { RateLimiter } from './rate-limiter';
import { TokenBucket } from './token-bucket';

describe('TokenBucket (GW-4)', () => {
  it('lets a burst of one second worth through, then refuses with the wait for one token', () => {
    const bucket = new TokenBucket(5, 0);
    for (let i = 0; i < 5; i++) expect(bucket.take(0).allowed).toBe(true);
    expect(bucket.take(0)).toEqual({ allowed: false, retryAfterMs: 200 });
  });

  it('refills continuously at the rate', () => {
    const bucket = new TokenBucket(10, 0);
    for (let i = 0; i < 10; i++) bucket.take(0);
    expect(bucket.take(50).allowed).toBe(false);
    expect(bucket.take(100).allowed).toBe(true);
    expect(bucket.take(100).allowed).toBe(false);
  });

  it('never holds more than its capacity', () => {
    const bucket = new TokenBucket(2, 0);
    expect(bucket.isFull(10_000)).toBe(true);
    expect(bucket.take(10_000).allowed).toBe(true);
    expect(bucket.take(10_000).allowed).toBe(true);
    expect(bucket.take(10_000).allowed).toBe(false);
  });

  it('reports a retry time of at least one ms for slow rates', () => {
    const bucket = new TokenBucket(1, 0);
    bucket.take(0);
    expect(bucket.take(0).retryAfterMs).toBe(1000);
  });
});

describe('RateLimiter', () => {
  it('keeps one bucket per key', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    expect(limiter.take('a', 1).allowed).toBe(true);
    expect(limiter.take('a', 1).allowed).toBe(false);
    expect(limiter.take('b', 1).allowed).toBe(true);
    now = 1000;
    expect(limiter.take('a', 1).allowed).toBe(true);
  });

  it('forgets idle keys', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    limiter.take('a', 10);
    now = 120_000;
    limiter.take('b', 10);
    expect(limiter.size).toBe(1);
  });
});

describe('RateLimiter.isExhausted (failed-authentication limit, GW-4)', () => {
  it('reports exhaustion without taking tokens, and recovers with time', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    expect(limiter.isExhausted('ip', 2)).toBe(false); // never seen: full
    limiter.take('ip', 2);
    expect(limiter.isExhausted('ip', 2)).toBe(false);
    limiter.take('ip', 2);
    expect(limiter.isExhausted('ip', 2)).toBe(true);
    expect(limiter.isExhausted('ip', 2)).toBe(true); // peeking took nothing
    now += 500;
    expect(limiter.isExhausted('ip', 2)).toBe(false);
  });
});
