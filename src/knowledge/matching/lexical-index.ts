import type { Steps } from '../../common/steps';

/** One entry to index: its normalised question and similar questions, tags and answer. */
export interface LexicalDoc {
  texts: string[];
  tags: string;
  answer: string;
}

/** A question or similar question as gram ids (gram i joins characters i and i+1) and character weights. */
export interface IndexedText {
  grams: Int32Array;
  weights: Float32Array;
  total: number;
}

/** What coverage scoring needs of an entry: its texts, and sorted gram ids of questions+tags and of the answer. */
export interface IndexedDoc {
  texts: IndexedText[];
  main: Int32Array;
  answer: Int32Array;
}

/** A prepared query: characters, their weights, and ids of its bigrams and characters (-1 when unknown). */
export interface QueryText {
  chars: string[];
  weights: number[];
  bigramIds: number[];
  charIds: number[];
}

/** The answer helps recall (members reuse its wording) but counts less than the questions. */
const ANSWER_WEIGHT = 0.3;
const K1 = 1.2;
const B = 0.3;
/** A character is "rare" (searched on its own) when at most this share of entries use it. */
const RARE_CHAR_SHARE = 0.02;
/** Grams used by more than this share of entries are left out of candidate search. */
const COMMON_GRAM_SHARE = 0.25;

/**
 * Function characters: colloquial questions are full of them (那个, 一直, 都) and the formal
 * knowledge base rarely uses them, so by rarity alone they would look informative.
 */
export const FUNCTION_CHARS = new Set(
  Array.from('的了是在有和与及或也都就还又很吧吗呢啊呀嘛这那哪个些么什怎样谁几多少被把给让对向从到为以于之其而但如果要能可想说做搞弄干上下里边去来过着得地啥咋你我他她它们您咱一叫'),
);
const FUNCTION_CHAR_WEIGHT = 0.3;
/**
 * Added to a character's share of entries before weighting, so that unseen characters (a
 * member's own word for something) do not outweigh everything else.
 */
const CHAR_SHARE_SMOOTHING = 0.12;

export function bigramsOf(chars: string[]): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

/**
 * Inverted index over character bigrams (and single characters, searched for rare ones) with
 * BM25 scoring. Finding candidates walks only the postings of the query's grams.
 */
export class LexicalIndex {
  readonly docs: IndexedDoc[] = [];
  /** Gram ids: bigrams and single characters share one id space. */
  private readonly bigramIds = new Map<string, number>();
  private readonly charIds = new Map<string, number>();
  private readonly postingDocs: number[][] = [];
  private readonly postingWeights: number[][] = [];
  private readonly docLengths: Float64Array;
  private avgLength = 1;
  /** Entries whose questions or tags use each character. */
  private readonly charDf = new Map<string, number>();
  /** Scratch state while indexing: gram weights of the current entry, and per gram the last text that counted it. */
  private readonly docWeights = new Map<number, number>();
  private readonly stamps: number[] = [];
  private textStamp = 0;
  /** Reused score accumulator, one slot per entry, all zero between calls, and the list of slots in use. */
  private readonly scratch: Float64Array;
  private readonly touched: Int32Array;

  /** Builds an index over the docs, pausing (`yield`) after each `docsAStep` of them (see indexParts). */
  static *building(docs: LexicalDoc[], docsAStep = Infinity): Steps<LexicalIndex> {
    const index = new LexicalIndex(docs.length);
    const textGrams: number[][][] = [];
    for (const [i, doc] of docs.entries()) {
      textGrams.push(index.indexDoc(doc, i));
      if (i % docsAStep === docsAStep - 1) yield;
    }
    index.avgLength = docs.length ? index.docLengths.reduce((a, b) => a + b, 0) / docs.length : 1;
    // Character weights depend on every entry, so texts get theirs once all are counted.
    for (const [i, doc] of docs.entries()) {
      index.docs[i].texts = doc.texts.map((text, t) => {
        const weights = Float32Array.from(Array.from(text), (c) => index.charWeight(c));
        return { grams: Int32Array.from(textGrams[i][t]), weights, total: weights.reduce((a, b) => a + b, 0) };
      });
      if (i % docsAStep === docsAStep - 1) yield;
    }
    return index;
  }

  private constructor(size: number) {
    this.docLengths = new Float64Array(size);
    this.scratch = new Float64Array(size);
    this.touched = new Int32Array(size);
  }

  /** Adds one entry's postings; returns the bigram ids of each of its texts. */
  private indexDoc(doc: LexicalDoc, i: number): number[][] {
    const weights = this.docWeights;
    weights.clear();
    const mainChars = new Set<string>();
    // A gram counts once per text: `stamp` remembers the last text that counted it.
    const add = (text: string, weight: number, isMain: boolean): number[] => {
      const stamp = ++this.textStamp;
      const count = (id: number) => {
        if (this.stamps[id] === stamp) return;
        this.stamps[id] = stamp;
        weights.set(id, (weights.get(id) ?? 0) + weight);
      };
      const ids: number[] = [];
      let previous = '';
      for (const c of text) {
        if (previous) {
          const id = this.idOf(this.bigramIds, previous + c);
          ids.push(id);
          count(id);
        }
        count(this.idOf(this.charIds, c));
        if (isMain) mainChars.add(c);
        previous = c;
      }
      return ids;
    };
    const textGrams = doc.texts.map((text) => add(text, 1, true));
    add(doc.tags, 1, true);
    const main = Int32Array.from(weights.keys()).sort();
    add(doc.answer, ANSWER_WEIGHT, false);
    const answerOnly: number[] = [];
    let length = 0;
    for (const [id, weight] of weights) {
      this.postingDocs[id].push(i);
      this.postingWeights[id].push(weight);
      length += weight;
      if (weight === ANSWER_WEIGHT) answerOnly.push(id);
    }
    for (const c of mainChars) this.charDf.set(c, (this.charDf.get(c) ?? 0) + 1);
    this.docLengths[i] = length;
    this.docs.push({ texts: [], main, answer: Int32Array.from(answerOnly).sort() });
    return textGrams;
  }

  get size(): number {
    return this.docLengths.length;
  }

  /** Number of distinct grams; gram ids are below it. */
  get vocabularySize(): number {
    return this.postingDocs.length;
  }

  /** Whether any entry writes these two characters in a row. */
  hasBigram(gram: string): boolean {
    return this.bigramIds.has(gram);
  }

  /** Informativeness of a character: high for rare or unknown ones, low for frequent and function ones. */
  charWeight(c: string): number {
    if (FUNCTION_CHARS.has(c)) return FUNCTION_CHAR_WEIGHT;
    const share = (this.charDf.get(c) ?? 0) / Math.max(1, this.size);
    return Math.log(1 + 1 / (share + CHAR_SHARE_SMOOTHING));
  }

  prepareQuery(text: string): QueryText {
    const chars = Array.from(text);
    return {
      chars,
      weights: chars.map((c) => this.charWeight(c)),
      bigramIds: bigramsOf(chars).map((g) => this.bigramIds.get(g) ?? -1),
      charIds: chars.map((c) => this.charIds.get(c) ?? -1),
    };
  }

  /** Best `limit` entries by BM25 over the query's bigrams and rare characters, best first. */
  candidates(query: QueryText, limit: number): number[] {
    const count = this.accumulate(this.searchGrams(query));
    const best = topK(this.touched.subarray(0, count), this.scratch, limit);
    for (let k = 0; k < count; k++) this.scratch[this.touched[k]] = 0;
    return best;
  }

  /** The gram ids to look up: the query's known bigrams, and its rare characters. */
  private searchGrams(query: QueryText): number[] {
    const size = this.docLengths.length;
    const rareLimit = Math.max(1, size * RARE_CHAR_SHARE);
    const ids = new Set(query.bigramIds.filter((id) => id >= 0));
    query.chars.forEach((c, i) => {
      const id = query.charIds[i];
      if (id >= 0 && (query.chars.length === 1 || (this.charDf.get(c) ?? 0) <= rareLimit)) ids.add(id);
    });
    const found = [...ids];
    // Grams in most entries barely move BM25 but cost the most to walk: skip them unless nothing else is left.
    const specific = found.filter((id) => this.postingDocs[id].length <= size * COMMON_GRAM_SHARE);
    return specific.length ? specific : found;
  }

  /** Adds up BM25 scores in `scratch`, listing the entries touched in `touched`; returns their number. */
  private accumulate(gramIds: number[]): number {
    const size = this.docLengths.length;
    const scores = this.scratch;
    const touched = this.touched;
    let count = 0;
    for (const id of gramIds) {
      const docs = this.postingDocs[id];
      const weights = this.postingWeights[id];
      const idf = Math.log(1 + (size - docs.length + 0.5) / (docs.length + 0.5));
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k];
        const tf = weights[k];
        const norm = K1 * (1 - B + (B * this.docLengths[doc]) / this.avgLength);
        if (scores[doc] === 0) touched[count++] = doc;
        scores[doc] += (idf * tf * (K1 + 1)) / (tf + norm);
      }
    }
    return count;
  }

  private idOf(ids: Map<string, number>, gram: string): number {
    let id = ids.get(gram);
    if (id === undefined) {
      id = this.postingDocs.length;
      ids.set(gram, id);
      this.postingDocs.push([]);
      this.postingWeights.push([]);
      this.stamps.push(0);
    }
    return id;
  }
}

/** The `limit` documents with the highest scores, best first, without sorting all of them. */
function topK(docs: Int32Array, scores: Float64Array, limit: number): number[] {
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
