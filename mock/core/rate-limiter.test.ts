import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('takes memory for the calls made, not for the configured limit (limits in the millions)', () => {
    const limiter = new RateLimiter();
    const before = process.memoryUsage().arrayBuffers;
    for (let key = 0; key < 100; key++) {
      // 100 keys × 100,000,000 slots would be 80 GB if memory followed the limit.
      expect(limiter.take(`key-${key}`, [{ limit: 100_000_000, windowSeconds: 3600 }], 0)).toEqual({
        admitted: true,
      });
    }
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(10 * 1024 * 1024);
  });

  it('admits exactly limit calls per sliding window and frees the ones that left it', () => {
    const limiter = new RateLimiter();
    const window = [{ limit: 3, windowSeconds: 60 }];
    for (const t of [0, 1_000, 2_000]) expect(limiter.take('k', window, t).admitted).toBe(true);
    expect(limiter.take('k', window, 59_999)).toMatchObject({ admitted: false, retryAfterSeconds: 1 });
    expect(limiter.take('k', window, 60_000).admitted).toBe(true); // the first call left the window
    expect(limiter.take('k', window, 60_500)).toMatchObject({ admitted: false, retryAfterSeconds: 1 });
    expect(limiter.take('k', window, 62_000).admitted).toBe(true);
  });

  it('grows past its first buffer without losing order (1000 calls under a limit of 1000)', () => {
    const limiter = new RateLimiter();
    const window = [{ limit: 1000, windowSeconds: 60 }];
    for (let i = 0; i < 1000; i++) expect(limiter.take('k', window, i).admitted).toBe(true);
    expect(limiter.take('k', window, 1000)).toMatchObject({ admitted: false, retryAfterSeconds: 59 });
    expect(limiter.take('k', window, 60_000).admitted).toBe(true); // call 0 left: one slot
    expect(limiter.take('k', window, 60_000).admitted).toBe(false);
  });
});

describe('RateLimiter with load-test limits (bucketed above 10,000)', () => {
  it('admits exactly the limit within a window and never earlier than Retry-After says', () => {
    const limiter = new RateLimiter();
    const window = [{ limit: 20_000, windowSeconds: 60 }];
    let now = 1_000_000;
    for (let i = 0; i < 20_000; i++) {
      expect(limiter.take('k', window, now).admitted).toBe(true);
      now += 1; // 20 s of calls, one per ms
    }
    const refused = limiter.take('k', window, now);
    expect(refused.admitted).toBe(false);
    if (refused.admitted) return;
    // The first calls leave the window about 60 s after they were made (at most one 30 ms bucket late).
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(40);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(41);
    expect(limiter.take('k', window, now + refused.retryAfterSeconds * 1000).admitted).toBe(true);
    expect(limiter.take('k', window, now + refused.retryAfterSeconds * 1000).admitted).toBe(true);
  });

  it('keeps constant memory per key however many calls a window holds', () => {
    const limiter = new RateLimiter();
    const window = [{ limit: 50_000_000, windowSeconds: 3600 }];
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 2_000_000; i++) limiter.take('k', window, i);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1024 * 1024);
  });
});
