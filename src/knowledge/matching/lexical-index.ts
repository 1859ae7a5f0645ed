/** One indexed entry: its normalised question and similar questions, tags and answer. */
export interface LexicalDoc {
  texts: string[];
  tags: string;
  answer: string;
}

/** The answer helps recall (members reuse its wording) but counts less than the questions. */
const ANSWER_WEIGHT = 0.3;
const K1 = 1.2;
const B = 0.3;
/** A character is "rare" (indexed on its own) when at most this share of entries use it. */
const RARE_CHAR_SHARE = 0.02;
/** Grams used by more than this share of entries are left out of candidate search. */
const COMMON_GRAM_SHARE = 0.25;

const FUNCTION_CHARS = new Set(
  Array.from('的了是在有和与及或也都就还又很吧吗呢啊呀嘛这那哪个些么什怎样谁几多少被把给让对向从到为以于之其而但如果要能可想说做搞弄干上下里去来过着得地啥咋你我他她它们您咱一'),
);
const FUNCTION_CHAR_WEIGHT = 0.3;

interface Posting {
  docs: number[];
  weights: number[];
}

export function charsOf(text: string): string[] {
  return Array.from(text);
}

export function bigramsOf(chars: string[]): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

/**
 * Inverted index over character bigrams (and single characters, used for rare ones) with
 * BM25 scoring. Finding candidates touches only the postings of the query's grams.
 */
export class LexicalIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly docLengths: Float64Array;
  private readonly avgLength: number;
  /** Entries whose questions, similar questions or tags use each character. */
  private readonly charDf = new Map<string, number>();
  /** Reused score accumulator, one slot per entry; all zero between calls. */
  private readonly scratch: Float64Array;

  constructor(docs: LexicalDoc[]) {
    this.docLengths = new Float64Array(docs.length);
    this.scratch = new Float64Array(docs.length);
    let total = 0;
    docs.forEach((doc, i) => {
      const weights = new Map<string, number>();
      const mainChars = new Set<string>();
      const add = (text: string, weight: number, isMain: boolean) => {
        const chars = charsOf(text);
        const grams = new Set<string>([...bigramsOf(chars), ...chars.map((c) => `1${c}`)]);
        for (const g of grams) weights.set(g, (weights.get(g) ?? 0) + weight);
        if (isMain) for (const c of chars) mainChars.add(c);
      };
      for (const text of doc.texts) add(text, 1, true);
      add(doc.tags, 1, true);
      add(doc.answer, ANSWER_WEIGHT, false);
      let length = 0;
      for (const [gram, weight] of weights) {
        let posting = this.postings.get(gram);
        if (!posting) this.postings.set(gram, (posting = { docs: [], weights: [] }));
        posting.docs.push(i);
        posting.weights.push(weight);
        length += weight;
      }
      for (const c of mainChars) this.charDf.set(c, (this.charDf.get(c) ?? 0) + 1);
      this.docLengths[i] = length;
      total += length;
    });
    this.avgLength = docs.length ? total / docs.length : 1;
  }

  get size(): number {
    return this.docLengths.length;
  }

  /**
   * Informativeness of a character: high for rare or unknown ones, low for frequent ones (统)
   * and for function characters, which colloquial questions are full of and the formal
   * knowledge base rarely uses (那个, 一直, 都).
   */
  charWeight(c: string): number {
    if (FUNCTION_CHARS.has(c)) return FUNCTION_CHAR_WEIGHT;
    return Math.log(1 + this.size / ((this.charDf.get(c) ?? 0) + 1));
  }

  private idf(df: number): number {
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Best `limit` entries by BM25 over the query's bigrams and rare characters, best first. */
  candidates(chars: string[], limit: number): number[] {
    const grams = new Set(bigramsOf(chars));
    const rareLimit = Math.max(1, this.size * RARE_CHAR_SHARE);
    for (const c of chars) {
      if (chars.length === 1 || (this.charDf.get(c) ?? 0) <= rareLimit) grams.add(`1${c}`);
    }
    const found = [...grams].map((g) => this.postings.get(g)).filter((p): p is Posting => !!p);
    // Grams in most entries barely move BM25 but cost the most to walk: skip them unless nothing else is left.
    const specific = found.filter((p) => p.docs.length <= this.size * COMMON_GRAM_SHARE);
    const used = specific.length ? specific : found;

    const scores = this.scratch;
    const touched: number[] = [];
    for (const posting of used) {
      const idf = this.idf(posting.docs.length);
      for (let k = 0; k < posting.docs.length; k++) {
        const doc = posting.docs[k];
        const tf = posting.weights[k];
        const norm = K1 * (1 - B + (B * this.docLengths[doc]) / this.avgLength);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += (idf * tf * (K1 + 1)) / (tf + norm);
      }
    }
    const best = topK(touched, scores, limit);
    for (const doc of touched) scores[doc] = 0;
    return best;
  }
}

/** The `limit` documents with the highest scores, best first, without sorting all of them. */
function topK(docs: number[], scores: Float64Array, limit: number): number[] {
  const kept: number[] = []; // ascending by score
  for (const doc of docs) {
    const score = scores[doc];
    if (kept.length === limit && score <= scores[kept[0]]) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (scores[kept[mid]] < score) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, doc);
    if (kept.length > limit) kept.shift();
  }
  return kept.reverse();
}
