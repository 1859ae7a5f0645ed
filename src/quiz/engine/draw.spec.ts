import { drawQuestions, optionOrderFor, seededRandom, shuffledOrder } from './draw';
import type { DrawCandidate } from './draw';

const pool: DrawCandidate[] = [
  ...Array.from({ length: 10 }, (_, i): DrawCandidate => ({ questionId: i + 1, type: 'single', optionCount: 4 })),
  ...Array.from({ length: 5 }, (_, i): DrawCandidate => ({ questionId: i + 11, type: 'multiple', optionCount: 5 })),
  ...Array.from({ length: 3 }, (_, i): DrawCandidate => ({ questionId: i + 16, type: 'truefalse', optionCount: 0 })),
  ...Array.from({ length: 2 }, (_, i): DrawCandidate => ({ questionId: i + 19, type: 'fill', optionCount: 0 })),
];
const typeOf = (id: number) => pool.find((c) => c.questionId === id)!;
const isPermutation = (order: number[], n: number) => [...order].sort((a, b) => a - b).join() === Array.from({ length: n }, (_, i) => i).join();

describe('drawQuestions', () => {
  it('is deterministic for a seeded random', () => {
    expect(drawQuestions(pool, 8, seededRandom(42))).toEqual(drawQuestions(pool, 8, seededRandom(42)));
    expect(drawQuestions(pool, 8, seededRandom(42))).not.toEqual(drawQuestions(pool, 8, seededRandom(43)));
  });

  it('draws the requested number of distinct questions', () => {
    for (let seed = 0; seed < 50; seed++) {
      const drawn = drawQuestions(pool, 10, seededRandom(seed));
      expect(drawn).toHaveLength(10);
      expect(new Set(drawn.map((d) => d.questionId)).size).toBe(10);
    }
  });

  it('draws every question once when fewer than asked, and ignores repeated ids', () => {
    const drawn = drawQuestions([...pool, pool[0], pool[3]], 100, seededRandom(7));
    expect(drawn.map((d) => d.questionId).sort((a, b) => a - b)).toEqual(pool.map((c) => c.questionId));
  });

  it('draws nothing for count 0 or an empty pool', () => {
    expect(drawQuestions(pool, 0, seededRandom(1))).toEqual([]);
    expect(drawQuestions([], 5, seededRandom(1))).toEqual([]);
  });

  it('shuffles choice options, keeps truefalse as A 正确 B 错误, and gives fill no order', () => {
    const drawn = drawQuestions(pool, pool.length, seededRandom(3));
    for (const d of drawn) {
      const candidate = typeOf(d.questionId);
      if (candidate.type === 'fill') expect(d.order).toEqual([]);
      else if (candidate.type === 'truefalse') expect(d.order).toEqual([0, 1]);
      else expect(isPermutation(d.order, candidate.optionCount)).toBe(true);
    }
    const choiceOrders = drawn.filter((d) => typeOf(d.questionId).type === 'single').map((d) => d.order.join());
    expect(choiceOrders.some((o) => o !== '0,1,2,3')).toBe(true);
  });

  it('samples every question and every first option over many draws', () => {
    const seenIds = new Set<number>();
    const firstShown = new Set<number>();
    const random = seededRandom(99);
    for (let i = 0; i < 200; i++) {
      for (const d of drawQuestions(pool, 3, random)) {
        seenIds.add(d.questionId);
        if (typeOf(d.questionId).type === 'single') firstShown.add(d.order[0]);
      }
    }
    expect(seenIds.size).toBe(pool.length);
    expect([...firstShown].sort()).toEqual([0, 1, 2, 3]);
  });

  it('copes with a random function that returns values near 1', () => {
    expect(isPermutation(shuffledOrder(5, () => 0.9999999999), 5)).toBe(true);
    expect(optionOrderFor('single', 4, () => 0)).toHaveLength(4);
  });
});

describe('seededRandom', () => {
  it('yields values in [0, 1)', () => {
    const random = seededRandom(123);
    for (let i = 0; i < 1000; i++) {
      const v = random();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });
});
