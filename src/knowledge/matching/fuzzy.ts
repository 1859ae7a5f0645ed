import Fuse, { type IFuseOptions } from 'fuse.js';

/** Bitap works on patterns of at most 32 characters. */
export const MAX_PATTERN = 32;

const FUSE_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  shouldSort: false,
  isCaseSensitive: true, // texts are already lower-cased
  threshold: 0.8,
};

/** Splits a long query into nearly equal pieces of at most MAX_PATTERN characters. */
export function splitPattern(chars: string[]): string[] {
  const pieces = Math.ceil(chars.length / MAX_PATTERN);
  const size = Math.ceil(chars.length / pieces);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

/**
 * Fuse.js similarity (1 - Bitap score) of the query to each candidate's best text, searching
 * only the candidates' texts. A long query is split and its pieces' similarities averaged.
 * Returns one value in [0, 1] per candidate, in the order given.
 */
export function fuzzySimilarities(queryChars: string[], candidates: string[][]): number[] {
  const texts: string[] = [];
  const owner: number[] = [];
  candidates.forEach((list, i) => {
    for (const text of list) {
      texts.push(text);
      owner.push(i);
    }
  });
  const totals = new Array<number>(candidates.length).fill(0);
  if (!texts.length || !queryChars.length) return totals;
  const fuse = new Fuse(texts, FUSE_OPTIONS);
  const pieces = splitPattern(queryChars);
  for (const piece of pieces) {
    const best = new Array<number>(candidates.length).fill(0);
    for (const result of fuse.search(piece)) {
      const i = owner[result.refIndex];
      best[i] = Math.max(best[i], 1 - (result.score ?? 1));
    }
    best.forEach((value, i) => (totals[i] += value / pieces.length));
  }
  return totals;
}
