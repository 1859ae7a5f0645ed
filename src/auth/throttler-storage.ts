import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * The throttler's counts in fixed windows (rate-limiter-flexible), a constant cost a request.
 * The throttler's own store keeps every hit's time per client and filters them on each request:
 * behind one carrier NAT or proxy address, thousands of phones make that cost grow with the
 * traffic itself, just when a round opens.
 */
export class WindowThrottlerStorage implements ThrottlerStorage {
  private readonly limiters = new Map<string, RateLimiterMemory>();

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const limiter = this.limiterFor(ttl, limit, blockDuration, throttlerName);
    try {
      const res = await limiter.consume(key);
      return { totalHits: res.consumedPoints, timeToExpire: seconds(res.msBeforeNext), isBlocked: false, timeToBlockExpire: 0 };
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const wait = seconds(res.msBeforeNext);
      return { totalHits: res.consumedPoints, timeToExpire: wait, isBlocked: true, timeToBlockExpire: wait };
    }
  }

  private limiterFor(ttl: number, limit: number, blockDuration: number, throttlerName: string): RateLimiterMemory {
    const id = `${throttlerName}:${ttl}:${limit}:${blockDuration}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterMemory({
        keyPrefix: id,
        points: limit,
        duration: Math.max(1, Math.ceil(ttl / 1000)),
        blockDuration: Math.max(0, Math.ceil(blockDuration / 1000)),
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));
