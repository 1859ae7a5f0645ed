/**
 * Messages kept in arrival order while they cannot be handled, with a cap on the total: when
 * full, the oldest is dropped. Taking a batch and putting back what failed keeps each member's
 * messages in the order they came.
 */
export interface Held<T> {
  seq: number;
  key: string;
  item: T;
}

export class HoldingQueue<T> {
  private items: Array<Held<T>> = [];
  private nextSeq = 0;

  constructor(private readonly capacity: number) {
    if (capacity < 1) throw new Error('a holding queue needs room for at least one message');
  }

  get size(): number {
    return this.items.length;
  }

  /** Keeps `item` at the end; returns the entries dropped to make room (oldest first). */
  push(key: string, item: T): Array<Held<T>> {
    this.items.push({ seq: this.nextSeq++, key, item });
    const over = this.items.length - this.capacity;
    return over > 0 ? this.items.splice(0, over) : [];
  }

  has(key: string): boolean {
    return this.items.some((h) => h.key === key);
  }

  /** Removes and returns up to `max` of the oldest entries. */
  take(max: number): Array<Held<T>> {
    return this.items.splice(0, max);
  }

  /**
   * Returns entries taken earlier to the front, ahead of anything that arrived since, in their
   * original order. If the queue filled up meanwhile, the oldest are dropped and returned.
   */
  putBack(entries: Array<Held<T>>): Array<Held<T>> {
    const sorted = [...entries].sort((a, b) => a.seq - b.seq);
    this.items = [...sorted, ...this.items];
    const over = this.items.length - this.capacity;
    return over > 0 ? this.items.splice(0, over) : [];
  }
}
