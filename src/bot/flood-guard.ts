/**
 * Slows down a member who sends more than `maxPerMinute` messages in a sliding minute: the
 * first message over the limit gets one notice, the rest are dropped until the rate falls.
 */
export type FloodVerdict = 'ok' | 'notify' | 'drop';

export class FloodGuard {
  private readonly recent = new Map<string, number[]>();
  private readonly notified = new Set<string>();

  constructor(private readonly maxPerMinute: number) {}

  check(sender: string, now: number): FloodVerdict {
    const times = (this.recent.get(sender) ?? []).filter((t) => t > now - 60_000);
    times.push(now);
    this.recent.set(sender, times);
    if (times.length <= this.maxPerMinute) {
      this.notified.delete(sender);
      return 'ok';
    }
    if (this.notified.has(sender)) return 'drop';
    this.notified.add(sender);
    return 'notify';
  }

  /** Forgets idle senders so the map does not grow without bound. */
  sweep(now: number): void {
    for (const [sender, times] of this.recent) {
      if (!times.length || times[times.length - 1] <= now - 60_000) {
        this.recent.delete(sender);
        this.notified.delete(sender);
      }
    }
  }
}
