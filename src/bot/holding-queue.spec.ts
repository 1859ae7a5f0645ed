import { HoldingQueue } from './holding-queue';

describe('HoldingQueue', () => {
  it('keeps messages in arrival order and drops the oldest beyond its capacity', () => {
    const queue = new HoldingQueue<string>(3);
    expect(queue.push('a', 'a1')).toEqual([]);
    queue.push('b', 'b1');
    queue.push('a', 'a2');
    const dropped = queue.push('c', 'c1');
    expect(dropped.map((h) => h.item)).toEqual(['a1']);
    expect(queue.size).toBe(3);
    expect(queue.take(10).map((h) => h.item)).toEqual(['b1', 'a2', 'c1']);
    expect(queue.size).toBe(0);
  });

  it('puts a failed batch back ahead of newer messages, each member still in order', () => {
    const queue = new HoldingQueue<string>(10);
    for (const [key, item] of [['a', 'a1'], ['b', 'b1'], ['a', 'a2'], ['b', 'b2']]) queue.push(key, item);
    const batch = queue.take(3);
    queue.push('a', 'a3');
    // The replay handled b1, then failed on a1 (so a2 was not tried either).
    queue.putBack([batch[2], batch[0]]);
    const order = queue.take(10).map((h) => h.item);
    expect(order).toEqual(['a1', 'a2', 'b2', 'a3']);
    expect(order.filter((i) => i.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
  });

  it('stays within its capacity when messages were put back after it filled up', () => {
    const queue = new HoldingQueue<string>(3);
    queue.push('a', 'a1');
    queue.push('a', 'a2');
    const batch = queue.take(2);
    queue.push('b', 'b1');
    queue.push('b', 'b2');
    const dropped = queue.putBack(batch);
    expect(dropped.map((h) => h.item)).toEqual(['a1']);
    expect(queue.take(10).map((h) => h.item)).toEqual(['a2', 'b1', 'b2']);
  });

  it('tells whether a member has messages held', () => {
    const queue = new HoldingQueue<string>(2);
    queue.push('a', 'a1');
    expect(queue.has('a')).toBe(true);
    expect(queue.has('b')).toBe(false);
  });
});
