import type { IndexedDoc, IndexedText, QueryText } from './lexical-index';

/** Credit for a query character found only in the answer, or only as a lone character. */
const ANSWER_CREDIT = 0.7;
const LONE_CHAR_CREDIT = 0.7;

function hasId(sorted: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === id) return true;
    if (sorted[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Weighted share of the query's characters the entry explains: a character counts when a bigram
 * it belongs to occurs in the entry's questions or tags (full credit) or only in its answer, or
 * (partly) when the character itself does. Per-character rather than per-bigram coverage keeps
 * colloquial rewordings from being punished for every word boundary they add.
 */
export function queryCoverage(query: QueryText, doc: IndexedDoc): number {
  let covered = 0;
  let total = 0;
  let before = 0; // credit of the bigram ending at character i
  for (let i = 0; i < query.chars.length; i++) {
    const id = i < query.bigramIds.length ? query.bigramIds[i] : -1;
    const after = id < 0 ? 0 : hasId(doc.main, id) ? 1 : hasId(doc.answer, id) ? ANSWER_CREDIT : 0;
    let credit = Math.max(before, after);
    before = after;
    if (credit < LONE_CHAR_CREDIT && query.charIds[i] >= 0 && hasId(doc.main, query.charIds[i])) {
      credit = LONE_CHAR_CREDIT;
    }
    covered += credit * query.weights[i];
    total += query.weights[i];
  }
  return total > 0 ? covered / total : 0;
}

/** Whether a gram (an id from the lexical index, -1 when unknown) occurs somewhere in the entry. */
function writes(doc: IndexedDoc, id: number): boolean {
  return id >= 0 && (hasId(doc.main, id) || hasId(doc.answer, id));
}

/** Share of the bigrams that occur somewhere in the entry. */
export function bigramShare(doc: IndexedDoc, bigramIds: number[]): number {
  if (!bigramIds.length) return 1;
  return bigramIds.filter((id) => writes(doc, id)).length / bigramIds.length;
}

/** Whether each of the characters occurs somewhere in the entry. */
export function hasAllChars(doc: IndexedDoc, charIds: number[]): boolean {
  return charIds.every((id) => writes(doc, id));
}

/**
 * Weighted share of one stored question that the query says back. `inQuery` is indexed by gram
 * id and marks the query's bigrams.
 */
export function textCoverage(inQuery: Uint8Array, text: IndexedText): number {
  const { grams, weights } = text;
  let covered = 0;
  for (let i = 0; i < weights.length; i++) {
    if ((i > 0 && inQuery[grams[i - 1]]) || (i < grams.length && inQuery[grams[i]])) covered += weights[i];
  }
  return text.total > 0 ? covered / text.total : 0;
}

/** Best coverage of any of the entry's questions by the query, and the index of that text. */
export function bestTextCoverage(inQuery: Uint8Array, doc: IndexedDoc): { coverage: number; text: number } {
  let coverage = 0;
  let text = 0;
  for (let i = 0; i < doc.texts.length; i++) {
    const c = textCoverage(inQuery, doc.texts[i]);
    if (c > coverage) {
      coverage = c;
      text = i;
    }
  }
  return { coverage, text };
}
