import { bigramsOf, charsOf } from './lexical-index';

/** A prepared query: its characters, their weights and its bigrams. */
export interface QueryText {
  chars: string[];
  weights: number[];
  bigrams: string[];
  bigramSet: Set<string>;
}

/** The texts of one candidate, normalised. */
export interface CandidateTexts {
  /** Question first, then the similar questions. */
  texts: string[];
  tags: string;
  answer: string;
}

/** Credit for a query character found only in the answer, or only as a lone character. */
const ANSWER_CREDIT = 0.7;
const LONE_CHAR_CREDIT = 0.5;

export function prepareQuery(text: string, weightOf: (c: string) => number): QueryText {
  const chars = charsOf(text);
  const bigrams = bigramsOf(chars);
  return { chars, weights: chars.map(weightOf), bigrams, bigramSet: new Set(bigrams) };
}

/**
 * Weighted share of the query's characters the candidate explains: a character counts when a
 * bigram it belongs to occurs in the candidate's questions or tags (full credit) or answer.
 */
export function queryCoverage(query: QueryText, candidate: CandidateTexts): number {
  const gramCredit = query.bigrams.map((gram) => {
    if (candidate.texts.some((t) => t.includes(gram)) || candidate.tags.includes(gram)) return 1;
    return candidate.answer.includes(gram) ? ANSWER_CREDIT : 0;
  });
  let covered = 0;
  let total = 0;
  query.chars.forEach((c, i) => {
    let credit = Math.max(gramCredit[i - 1] ?? 0, gramCredit[i] ?? 0);
    if (credit < LONE_CHAR_CREDIT && candidate.texts.some((t) => t.includes(c))) credit = LONE_CHAR_CREDIT;
    covered += credit * query.weights[i];
    total += query.weights[i];
  });
  return total > 0 ? covered / total : 0;
}

/**
 * Weighted share of one candidate text that the query says back: how much of the stored
 * question the member's wording accounts for.
 */
export function textCoverage(query: QueryText, text: string, weightOf: (c: string) => number): number {
  const chars = charsOf(text);
  let covered = 0;
  let total = 0;
  for (let i = 0; i < chars.length; i++) {
    const weight = weightOf(chars[i]);
    const before = i > 0 && query.bigramSet.has(chars[i - 1] + chars[i]);
    const after = i + 1 < chars.length && query.bigramSet.has(chars[i] + chars[i + 1]);
    if (before || after) covered += weight;
    total += weight;
  }
  return total > 0 ? covered / total : 0;
}

/** Best coverage of any of the candidate's questions by the query. */
export function bestTextCoverage(query: QueryText, candidate: CandidateTexts, weightOf: (c: string) => number): number {
  let best = 0;
  for (const text of candidate.texts) best = Math.max(best, textCoverage(query, text, weightOf));
  return best;
}
