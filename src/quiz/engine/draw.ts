import type { DrawnQuestion, QuestionType } from './types';

export interface DrawCandidate {
  questionId: number;
  type: QuestionType;
  /** Number of options (ignored for truefalse and fill). */
  optionCount: number;
}

/** A random integer in [0, n). */
function randomIndex(n: number, random: () => number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

/** A random permutation of 0..n-1 (Fisher–Yates). */
export function shuffledOrder(n: number, random: () => number = Math.random): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(i + 1, random);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** The option order a member sees: shuffled for choice questions, A. 正确 B. 错误 for truefalse, none for fill. */
export function optionOrderFor(type: QuestionType, optionCount: number, random: () => number = Math.random): number[] {
  if (type === 'fill') return [];
  if (type === 'truefalse') return [0, 1];
  return shuffledOrder(optionCount, random);
}

/**
 * Draws `count` distinct questions at random (all of them, in random order, when there are fewer),
 * each with its option order. Pass a seeded `random` (see seededRandom) for reproducible draws.
 */
export function drawQuestions(candidates: DrawCandidate[], count: number, random: () => number = Math.random): DrawnQuestion[] {
  const distinct = [...new Map(candidates.map((c) => [c.questionId, c])).values()];
  const take = Math.max(0, Math.min(Math.floor(count), distinct.length));
  // Partial Fisher–Yates: the first `take` slots end up a uniform random sample.
  for (let i = 0; i < take; i++) {
    const j = i + randomIndex(distinct.length - i, random);
    [distinct[i], distinct[j]] = [distinct[j], distinct[i]];
  }
  return distinct.slice(0, take).map((c) => ({ questionId: c.questionId, order: optionOrderFor(c.type, c.optionCount, random) }));
}

/** A small deterministic generator (mulberry32) for tests and reproducible benchmarks. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
