import { WindowThrottlerStorage } from './throttler-storage';

describe('WindowThrottlerStorage', () => {
  it('lets a client make its limit of requests in a window, then blocks it and says for how long', async () => {
    const storage = new WindowThrottlerStorage();
    const records = [];
    for (let i = 0; i < 5; i++) records.push(await storage.increment('client-a', 60_000, 3, 60_000, 'public'));
    expect(records.map((r) => r.isBlocked)).toEqual([false, false, false, true, true]);
    expect(records.slice(0, 3).map((r) => r.totalHits)).toEqual([1, 2, 3]);
    expect(records[3].timeToBlockExpire).toBeGreaterThan(55);
    expect(records[3].timeToBlockExpire).toBeLessThanOrEqual(60);
    expect(records[0].timeToExpire).toBeLessThanOrEqual(60);
  });

  it('counts each client, and each limit, on its own', async () => {
    const storage = new WindowThrottlerStorage();
    for (let i = 0; i < 3; i++) await storage.increment('client-a', 60_000, 3, 60_000, 'public');
    expect((await storage.increment('client-a', 60_000, 3, 60_000, 'public')).isBlocked).toBe(true);
    expect((await storage.increment('client-b', 60_000, 3, 60_000, 'public')).isBlocked).toBe(false);
    // A stricter route-level limit keeps its own count for the same client.
    expect((await storage.increment('client-a', 60_000, 10, 60_000, 'public')).totalHits).toBe(1);
  });

  it('opens the window again once it has passed', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z') });
    try {
      const storage = new WindowThrottlerStorage();
      await storage.increment('client-a', 1_000, 1, 1_000, 'public');
      expect((await storage.increment('client-a', 1_000, 1, 1_000, 'public')).isBlocked).toBe(true);
      jest.setSystemTime(new Date('2026-12-01T08:00:02.5Z'));
      expect((await storage.increment('client-a', 1_000, 1, 1_000, 'public')).isBlocked).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });
});
