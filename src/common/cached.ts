/**
 * A value loaded at most once per `ttlMs`; callers arriving while it loads share that load
 * (a burst of members must not send a burst of identical queries).
 */
export class Cached<T> {
  private value?: { at: number; data: T };
  private loading?: Promise<T>;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
  ) {}

  async get(now = Date.now()): Promise<T> {
    if (this.value && this.value.at >= now - this.ttlMs) return this.value.data;
    this.loading ??= this.load()
      .then((data) => {
        this.value = { at: Date.now(), data };
        return data;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  invalidate(): void {
    this.value = undefined;
  }
}
