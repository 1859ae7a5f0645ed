/**
 * Group commit: callers hand in one item each and wait; items gathered within `maxDelayMs`
 * (or up to `maxBatch`) are written by one `flush` — one transaction — and every caller is
 * answered only after that transaction committed (or failed). Single-row commits cannot keep
 * up with thousands of answers a second; this keeps "acknowledged only after committed".
 */
export interface GroupCommitOptions {
  maxBatch: number;
  maxDelayMs: number;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<T, R> {
  private pending: Array<Pending<T, R>> = [];
  private timer?: NodeJS.Timeout;
  private inFlight = 0;
  private readonly idle: Array<() => void> = [];

  constructor(
    /** Writes a batch; returns one result per item, in order. */
    private readonly flush: (items: T[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions = { maxBatch: 500, maxDelayMs: 5 },
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxBatch) this.drain();
      else this.timer ??= setTimeout(() => this.drain(), this.options.maxDelayMs);
    });
  }

  /** Resolves once everything submitted so far has been written. */
  async settle(): Promise<void> {
    if (this.pending.length) this.drain();
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private drain(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    this.inFlight++;
    this.flush(batch.map((p) => p.item))
      .then((results) => batch.forEach((p, i) => p.resolve(results[i])))
      .catch((err) => batch.forEach((p) => p.reject(err)))
      .finally(() => {
        this.inFlight--;
        if (this.inFlight === 0 && !this.pending.length) for (const wake of this.idle.splice(0)) wake();
      });
  }
}
