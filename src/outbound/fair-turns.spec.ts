import fc from 'fast-check';
import { FairTurns } from './fair-turns';

/** Serves queued messages one at a time; returns the order of conversations served. */
function drain(queue: string[]): string[] {
  const turns = new FairTurns();
  const pending = queue.map((conversation, id) => ({ conversation, id }));
  const order: string[] = [];
  while (pending.length) {
    // The heads: each conversation's oldest message, oldest first (as the queue's query returns them).
    const heads = pending.filter((m, i) => pending.findIndex((o) => o.conversation === m.conversation) === i);
    const head = heads[turns.pick(heads)];
    order.push(head.conversation);
    turns.served(head.conversation);
    pending.splice(pending.indexOf(head), 1);
  }
  return order;
}

describe('FairTurns', () => {
  it('serves a conversation that queued much first in turn with the others', () => {
    const queue = [...Array(20).fill('greedy'), 'a', 'b', 'c'];
    expect(drain(queue).slice(0, 6)).toEqual(['greedy', 'a', 'b', 'c', 'greedy', 'greedy']);
  });

  it('sends the k-th message of a conversation no later than k turns of round-robin', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 60 }), (queue) => {
        const order = drain(queue);
        expect([...order].sort()).toEqual([...queue].sort());
        const counts = new Map<string, number>();
        for (const c of queue) counts.set(c, (counts.get(c) ?? 0) + 1);
        const seen = new Map<string, number>();
        order.forEach((conversation, position) => {
          const k = (seen.get(conversation) ?? 0) + 1;
          seen.set(conversation, k);
          // Round-robin: before it, each conversation was served at most k times.
          const bound = [...counts.values()].reduce((sum, n) => sum + Math.min(k, n), 0);
          expect(position).toBeLessThan(bound);
        });
      }),
    );
  });
});
