import Fuse, { type IFuseOptions } from 'fuse.js';

/** Bitap works on patterns of at most 32 characters; longer queries are split, and cut beyond 4 pieces. */
export const MAX_PATTERN = 32;
const MAX_PIECES = 4;

/** Bitap gives up beyond this score (1 - similarity); lower is faster but loses weak matches. */
const FUSE_THRESHOLD = 0.7;

const FUSE_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  shouldSort: false,
  // Texts are already lower-cased, and re-spelled (below) into letters that must not be
  // case-folded or stripped of accents.
  isCaseSensitive: true,
  ignoreDiacritics: false,
  threshold: FUSE_THRESHOLD,
};

/** Splits a long query into nearly equal pieces of at most MAX_PATTERN characters. */
export function splitPattern(chars: string[]): string[] {
  const pieces = Math.ceil(chars.length / MAX_PATTERN);
  const size = Math.ceil(chars.length / pieces);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

/** The one-byte alphabet texts are re-spelled in; OTHER stands for every character not in the query. */
const FIRST_CODE = 0x21;
const LAST_CODE = 0xff;
const OTHER = 0x01;

/**
 * Re-spells the query and texts in a one-byte alphabet: each query character gets its own
 * letter, every other character becomes OTHER. Bitap only asks whether a text character equals
 * a pattern character, so scores are unchanged; but V8 allocates a new string for every
 * two-byte character Bitap reads (text[i]) and none for one-byte ones, and that garbage is
 * what made fuse.js slow and the latency spiky. Returns null when the query has too many
 * distinct characters to re-spell.
 */
function oneByteSpelling(queryChars: string[]): ((text: string) => string) | null {
  const query = queryChars.join('');
  const letters = new Map<number, number>();
  for (let i = 0; i < query.length; i++) {
    const unit = query.charCodeAt(i);
    if (letters.has(unit)) continue;
    const code = FIRST_CODE + letters.size;
    if (code > LAST_CODE) return null;
    letters.set(unit, code);
  }
  return (text) => {
    const codes = new Array<number>(text.length);
    for (let i = 0; i < text.length; i++) codes[i] = letters.get(text.charCodeAt(i)) ?? OTHER;
    return String.fromCharCode(...codes);
  };
}

/**
 * Fuse.js similarity (1 - Bitap score) of the query to each candidate's best text, searching
 * only the candidates' texts. A long query is split and its pieces' similarities averaged.
 * A query of more than MAX_PIECES pieces is cut: the lexical scores still see all of it.
 * Returns one value in [0, 1] per candidate, in the order given.
 */
export function fuzzySimilarities(queryChars: string[], candidates: string[][]): number[] {
  const totals = new Array<number>(candidates.length).fill(0);
  if (!queryChars.length) return totals;
  const spell = oneByteSpelling(queryChars) ?? ((text: string) => text);
  const texts: string[] = [];
  const owner: number[] = [];
  candidates.forEach((list, i) => {
    for (const text of list) {
      texts.push(spell(text));
      owner.push(i);
    }
  });
  if (!texts.length) return totals;
  const fuse = new Fuse(texts, FUSE_OPTIONS);
  const pieces = splitPattern(queryChars.slice(0, MAX_PATTERN * MAX_PIECES));
  for (const piece of pieces) {
    const best = new Array<number>(candidates.length).fill(0);
    for (const result of fuse.search(spell(piece))) {
      const i = owner[result.refIndex];
      best[i] = Math.max(best[i], 1 - (result.score ?? 1));
    }
    best.forEach((value, i) => (totals[i] += value / pieces.length));
  }
  return totals;
}
