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
