/**
 * Group commit: callers hand in one item each and wait; the items gathered while earlier writes
 * are still running are written together by one `flush` (one transaction), and every caller is
 * answered only after that transaction committed (or failed). At low load an item is written at
 * once; under load batches grow by themselves. Single-row commits cannot keep up with thousands
 * of answers a second; this keeps "acknowledged only after committed".
 */
export interface GroupCommitOptions {
  /** Most items in one flush. */
  maxBatch: number;
  /** Flushes running at the same time; more items wait and go in the next batch. */
  maxConcurrent: number;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<T, R> {
  private pending: Array<Pending<T, R>> = [];
  private scheduled = false;
  private inFlight = 0;
  private readonly idle: Array<() => void> = [];

  constructor(
    /** Writes a batch; returns one result per item, in order. */
    private readonly flush: (items: T[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions = { maxBatch: 500, maxConcurrent: 4 },
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything submitted so far has been written. */
  async settle(): Promise<void> {
    if (this.inFlight === 0 && !this.pending.length) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /** Gathers what arrives in the same turn of the event loop before writing. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxConcurrent) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.pending.length && this.inFlight < this.options.maxConcurrent) {
      const batch = this.pending.splice(0, this.options.maxBatch);
      this.inFlight++;
      this.flush(batch.map((p) => p.item))
        .then((results) => batch.forEach((p, i) => p.resolve(results[i])))
        .catch((err) => batch.forEach((p) => p.reject(err)))
        .finally(() => {
          this.inFlight--;
          if (this.pending.length) this.schedule();
          else if (this.inFlight === 0) for (const wake of this.idle.splice(0)) wake();
        });
    }
  }
}
