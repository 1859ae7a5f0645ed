/**
 * Remembers keys claimed within the last `windowMs`: a second claim of the same key inside the
 * window is refused. Bounded: old claims are forgotten as new ones arrive.
 */
export class RecentClaims<K = number | string> {
  private readonly claimedAt = new Map<K, number>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** True when `key` was not claimed within the window (and claims it now). */
  claim(key: K, now: number): boolean {
    const last = this.claimedAt.get(key);
    if (last !== undefined && now - last < this.windowMs) return false;
    this.claimedAt.delete(key);
    this.claimedAt.set(key, now);
    for (const [oldest, at] of this.claimedAt) {
      if (this.claimedAt.size <= this.maxKeys && now - at < this.windowMs) break;
      this.claimedAt.delete(oldest);
    }
    return true;
  }
}
