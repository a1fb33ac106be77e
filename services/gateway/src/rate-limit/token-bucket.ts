export interface TakeResult {
  allowed: boolean;
  /** When refused: how long until one token is back, in ms. */
  retryAfterMs: number;
}

/**
 * GW-4: a token bucket holding up to one second's worth of requests (`ratePerSecond` tokens),
 * refilled continuously. A burst of `ratePerSecond` passes at once; the sustained rate is capped.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly ratePerSecond: number,
    now: number,
  ) {
    this.tokens = ratePerSecond;
    this.updatedAt = now;
  }

  take(now: number): TakeResult {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true, retryAfterMs: 0 };
    }
    return { allowed: false, retryAfterMs: Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000) };
  }

  /** Whether a `take` now would be refused, without taking anything. */
  isEmpty(now: number): boolean {
    this.refill(now);
    return this.tokens < 1;
  }

  /** Full again: the bucket can be forgotten without changing anyone's limit. */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.ratePerSecond;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.ratePerSecond, this.tokens + elapsed * this.ratePerSecond);
    this.updatedAt = now;
  }
}
