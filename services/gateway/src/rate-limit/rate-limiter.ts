import { TokenBucket, type TakeResult } from './token-bucket';

/**
 * One token bucket per API key (GW-4), in this replica's memory: with N replicas behind a
 * load balancer a key gets up to N × its rate in the worst case (documented trade-off; the
 * limit protects the services, it is not billing).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private lastSweep: number;

  constructor(private readonly clock: () => number = () => performance.now()) {
    this.lastSweep = clock();
  }

  take(keyId: string, ratePerSecond: number): TakeResult {
    const now = this.clock();
    this.sweep(now);
    let bucket = this.buckets.get(keyId);
    if (!bucket || bucket.ratePerSecond !== ratePerSecond) {
      bucket = new TokenBucket(ratePerSecond, now);
      this.buckets.set(keyId, bucket);
    }
    return bucket.take(now);
  }

  /** Whether `take` would refuse now, without taking a token (a bucket never seen is full). */
  isExhausted(keyId: string, ratePerSecond: number): boolean {
    const bucket = this.buckets.get(keyId);
    return bucket !== undefined && bucket.ratePerSecond === ratePerSecond && bucket.isEmpty(this.clock());
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Drops full buckets now and then, so idle keys do not hold memory. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [keyId, bucket] of this.buckets) if (bucket.isFull(now)) this.buckets.delete(keyId);
  }
}
