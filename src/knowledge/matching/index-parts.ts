import { atOnce, type Steps } from '../../common/steps';
import { quotedNamesOf } from './compound-parts';
import { collectEntityNames, EntityExtractor } from './entities';
import { LexicalIndex } from './lexical-index';
import { localNamesOf } from './local-names';
import { normaliseQuestion } from './normalise';
import { Novelty } from './novelty';
import { NumberedNames } from './numbered-names';
import { personNamesIn } from './person-names';
import { PinyinWords } from './pinyin-words';
import { askedQuestion, type IndexableEntry, type PreparedEntry, prepareEntry, textsOf } from './prepared-entry';
import { QuestionEntities } from './question-entities';
import { tagWords } from './segmenter';
import { HomophoneCorrector } from './spelling';

/** What a KnowledgeIndex is made of, read once from its entries. */
export interface IndexParts {
  entries: PreparedEntry[];
  lexical: LexicalIndex;
  extractor: EntityExtractor;
  spelling: HomophoneCorrector;
  novelty: Novelty;
  /** Whose fact a question asks (see QuestionEntities). */
  askedEntities: QuestionEntities;
  /** The people the answers name (佟桂莉, 邹晓东). */
  people: Set<string>;
  /** Names and words members write in pinyin. */
  pinyin: PinyinWords;
  /** Names with a numeral, which members recall with 几. */
  numberedNames: NumberedNames;
  /** For each word of the entries' own questions, how many of them write it (see breakNearTies). */
  questionWords: Map<string, number>;
}

/**
 * Entries read between two pauses of a stepwise build: a few tens of milliseconds of work, so that a
 * service rebuilding its index goes on answering meanwhile.
 */
const ENTRIES_A_STEP = 50;

/**
 * Builds an index's parts, pausing (`yield`) between steps. Run to its end at once (`partsOf`) or
 * with the event loop served at each pause (KnowledgeIndex.build): both give the same parts.
 */
export function* indexParts(entries: IndexableEntry[]): Steps<IndexParts> {
  const tags = entries.map((entry) => (entry.tags ?? []).map(normaliseQuestion));
  // The entry's own texts say what it is about; the questions members asked only add wording.
  const own: string[][] = [];
  const docs: Array<{ texts: string[]; tags: string; answer: string }> = [];
  for (const [i, entry] of entries.entries()) {
    own.push(textsOf(entry));
    docs.push({
      texts: [...own[i], ...(entry.asked ?? []).map(askedQuestion).filter(Boolean)],
      tags: tags[i].join(' '),
      answer: normaliseQuestion(entry.answer ?? ''),
    });
    if (i % ENTRIES_A_STEP === ENTRIES_A_STEP - 1) yield;
  }
  yield;
  const knowledge = docs.flatMap((doc, i) => [...own[i], doc.tags, doc.answer]);
  const extractor = new EntityExtractor(collectEntityNames(tags), knowledge);
  yield;
  const quoted = entries.flatMap((entry) => [entry.question, entry.answer ?? ''].flatMap((text) => quotedNamesOf(text)));
  const spelling = new HomophoneCorrector(knowledge, quoted);
  yield;
  const prepared: PreparedEntry[] = [];
  for (const [i, entry] of entries.entries()) {
    prepared.push(prepareEntry(extractor, entry, docs[i], own[i]));
    if (i % ENTRIES_A_STEP === ENTRIES_A_STEP - 1) yield;
  }
  const questionWords = new Map<string, number>();
  for (const entry of prepared) {
    for (const word of new Set(tagWords(entry.texts[0]).map(({ word }) => word))) questionWords.set(word, (questionWords.get(word) ?? 0) + 1);
  }
  yield;
  const askedEntities = new QuestionEntities(
    extractor,
    new Set(prepared.flatMap((entry) => [...entry.subject.keys()])),
    localNamesOf(prepared.map((entry) => ({ names: [...entry.main.names, ...entry.answerEntities.names], places: [...entry.subject.keys()] }))),
    new Set(prepared.flatMap((entry) => [...entry.main.places.keys(), ...entry.answerEntities.places.keys()])),
  );
  yield;
  const lexical = yield* LexicalIndex.building(docs, ENTRIES_A_STEP);
  yield;
  const novelty = new Novelty(lexical, spelling);
  yield;
  return {
    entries: prepared,
    lexical,
    extractor,
    spelling,
    novelty,
    askedEntities,
    people: new Set(entries.flatMap((entry) => personNamesIn(entry.answer ?? ''))),
    pinyin: new PinyinWords(spelling.wordCounts, () => namedPlacesOf(prepared)),
    numberedNames: new NumberedNames(quoted),
    questionWords,
  };
}

/** The parts, built at once. */
export function partsOf(entries: IndexableEntry[]): IndexParts {
  return atOnce(indexParts(entries));
}

/** The places and names the entries name, with how many name each. */
function namedPlacesOf(entries: PreparedEntry[]): Map<string, number> {
  const named = new Map<string, number>();
  for (const entry of entries) {
    const names = new Set([entry.main, entry.answerEntities].flatMap((profile) => [...profile.places.keys(), ...profile.names]));
    for (const name of names) named.set(name, (named.get(name) ?? 0) + 1);
  }
  return named;
}
