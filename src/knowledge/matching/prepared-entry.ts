/**
 * A knowledge entry as the index holds it: its texts and answer normalised, and what they name and
 * give read once, when it is indexed.
 */
import { answerKinds, withPausesMarked } from './asking';
import { quotedNamesOf } from './compound-parts';
import { type EntityExtractor, type EntityProfile, passageContext } from './entities';
import { LOCAL_PLACE, localNames, namesWhole } from './entry-places';
import type { Place } from './gazetteer';
import { type KnownNearMiss, knownNearMisses, pairsOf } from './near-misses';
import { normaliseQuestion } from './normalise';
import { regionsIn } from './particulars';
import { questionText } from './question-text';
import { answerFacts, type AnswerFacts } from './question-type';

export interface IndexableEntry {
  id: string;
  question: string;
  similar: string[];
  answer?: string;
  tags?: string[];
  threshold?: number | null;
  /** The source paragraph the answer was taken from and the source's opening, when known. */
  passage?: string;
  /** Questions members asked of this entry in their own words: wording to match, never facts. */
  asked?: string[];
  /** Questions close to this entry that it does not answer (a place, year or detail changed). */
  notAnswered?: string[];
}

export interface PreparedEntry {
  id: string;
  question: string;
  threshold?: number;
  /** Normalised question and similar questions, for fuse.js. */
  texts: string[];
  main: EntityProfile;
  /** The places of its tags: what the entry is about. */
  subject: Map<string, Place>;
  /**
   * The names of its tags when one is a street or community (小营街道, 小营, 红巷同心筑): what the
   * entry reports is that place's, not a whole's (全区) the question names without them; unless
   * it is of a place its answer names (上城区各党派走进红巷), `wholes`.
   */
  locals: string[];
  wholes: Set<string>;
  /** Its answer, normalised. */
  answer: string;
  answerEntities: EntityProfile;
  passageEntities?: EntityProfile;
  /** The source paragraph of its answer, normalised ('' when unknown). */
  passage: string;
  facts: AnswerFacts;
  /** The kinds of answer its stored questions ask for (see answerKinds). */
  kinds: Set<string>;
  /** The names its stored question quotes (德阳民进“四同四有四立”中的“四有”指什么: 四同四有四立, 四有). */
  quotedNames: string[];
  /** Character pairs of each question it does not answer and, when there are any, of each it answers (its own and those asked). */
  answers: Array<Set<string>>;
  notAnswers: KnownNearMiss[];
}

/** A candidate entry as scored for a question. */
export interface ScoredCandidate {
  entry: PreparedEntry;
  /** Index of the entry text closest to the query. */
  closest: number;
  querySide: number;
  entrySide: number;
  lexical: number;
  fuzzy: number;
  /** Entity and question-type agreement, a factor in (0, 1]. */
  agreement: number;
  /** The question-type part of the agreement (see factsAgreement). */
  facts: number;
  score: number;
  nearMiss?: boolean;
  /** See MatchCandidate.corrects. */
  corrects: boolean;
}

/** A text's runs between spaces and the marks that end clauses, where its writer did not pause. */
export function wordsOf(text: string): string[] {
  return text.split(/[\s，,。？?！!、；;：:]+/u).filter(Boolean);
}

/** A question members asked, read as a question asked now is (in Mandarin, without quiz choices), then normalised. */
export function askedQuestion(text: string): string {
  return normaliseQuestion(questionText(text));
}

/** Normalised question and similar questions; never empty, so every entry can be compared. */
export function textsOf(entry: IndexableEntry): string[] {
  const texts = [entry.question, ...entry.similar].map(normaliseQuestion).filter(Boolean);
  return texts.length ? texts : [entry.question];
}

export function prepareEntry(extractor: EntityExtractor, entry: IndexableEntry, doc: { texts: string[]; tags: string; answer: string }, own: string[]): PreparedEntry {
  const answerEntities = extractor.extract(doc.answer);
  const locals = (entry.tags ?? []).filter((tag) => LOCAL_PLACE.test(tag)).map(normaliseQuestion);
  const subject = extractor.extract(doc.tags).places;
  const main = extractor.extract([...own, doc.tags].join(' '));
  const passage = entry.passage ? normaliseQuestion(entry.passage) : '';
  const notAnswered = (entry.notAnswered ?? [])
    .map((text) => questionText(text))
    .map((read) => ({ whole: normaliseQuestion(read), words: wordsOf(withPausesMarked(read)).map(normaliseQuestion) }))
    .filter(({ whole }) => whole);
  const notAnswers = knownNearMisses(notAnswered, [...doc.texts, doc.answer]);
  // A division of China answers "which city" or "where is it held"; a body's name or 省区市 does not.
  const facts = answerFacts(doc.answer, [...own, doc.answer].join(' '), answerEntities.places.size > 0, entry.answer ?? '');
  // An entry naming no part of the country is of the one its source paragraph speaks of.
  if (!facts.regions.size) facts.regions = new Set(regionsIn(passage));
  return {
    id: entry.id,
    question: entry.question,
    threshold: typeof entry.threshold === 'number' ? entry.threshold : undefined,
    texts: doc.texts,
    main,
    subject,
    locals: locals.length ? localNames(entry.tags ?? [], subject) : [],
    wholes: new Set([...answerEntities.places.keys()].filter((place) => namesWhole(doc.answer, place, locals))),
    answer: doc.answer,
    answerEntities,
    passageEntities: passage ? passageContext(extractor.extract(passage), main, answerEntities, entry.answer ?? '') : undefined,
    passage,
    quotedNames: quotedNamesOf(entry.question),
    // Only an entry with known near misses is ever compared by character pairs.
    answers: notAnswers.length ? doc.texts.map(pairsOf) : [],
    notAnswers,
    kinds: new Set(own.flatMap(answerKinds)),
    facts,
  };
}
