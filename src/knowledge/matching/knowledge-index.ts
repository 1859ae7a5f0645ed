import { bestTextCoverage, type CandidateTexts, prepareQuery, queryCoverage } from './coverage';
import { collectEntityNames, EntityExtractor, type EntityProfile, entityAgreement } from './entities';
import { fuzzySimilarities } from './fuzzy';
import { LexicalIndex } from './lexical-index';
import { normaliseQuestion } from './normalise';
import { answerFacts, type AnswerFacts, factsAgreement, questionNeeds } from './question-type';

export interface IndexableEntry {
  id: string;
  question: string;
  similar: string[];
  answer?: string;
  tags?: string[];
  threshold?: number | null;
}

export interface MatchCandidate {
  id: string;
  question: string;
  /** Confidence in [0, 1]. */
  score: number;
}

/** How many entries the inverted index returns, and how many of the best of those fuse.js ranks. */
const CANDIDATES = 40;
const FUZZY_POOL = 12;
/** Weights of the lexical and fuzzy similarities in the confidence (they sum to 1). */
const LEXICAL_WEIGHT = 0.7;
const FUZZY_WEIGHT = 0.3;
/** Lexical similarity leans on how much of the query is explained over how much of the entry. */
const QUERY_SIDE = 0.65;

interface PreparedEntry extends CandidateTexts {
  id: string;
  question: string;
  threshold?: number;
  main: EntityProfile;
  answerEntities: EntityProfile;
  facts: AnswerFacts;
}

interface ScoredCandidate {
  entry: PreparedEntry;
  querySide: number;
  entrySide: number;
  lexical: number;
  fuzzy: number;
  /** Entity and question-type agreement, a factor in (0, 1]. */
  agreement: number;
  score: number;
}

/**
 * Finds the knowledge entries a member's question is about. A BM25 index over character
 * bigrams picks a few dozen candidates; those are scored by how much of the query they
 * explain, by fuse.js, and by whether numbers, levels and names agree.
 */
export class KnowledgeIndex {
  private readonly entries: PreparedEntry[];
  private readonly lexical: LexicalIndex;
  private readonly extractor: EntityExtractor;
  private readonly byId = new Map<string, PreparedEntry>();
  private readonly weightOf: (c: string) => number;

  constructor(entries: IndexableEntry[]) {
    this.extractor = new EntityExtractor(collectEntityNames(entries));
    this.entries = entries.map((entry) => this.prepare(entry));
    for (const entry of this.entries) this.byId.set(entry.id, entry);
    this.lexical = new LexicalIndex(this.entries);
    this.weightOf = (c) => this.lexical.charWeight(c);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The entry's own answer threshold, if it sets one. */
  thresholdOf(id: string): number | undefined {
    return this.byId.get(id)?.threshold;
  }

  /** The best matching entries for a question, best first, at most one per entry. */
  match(text: string, limit = 5): MatchCandidate[] {
    return this.score(text)
      .slice(0, limit)
      .map((c) => ({ id: c.entry.id, question: c.entry.question, score: c.score }));
  }

  /** Every signal behind the scores of the best candidates (for tuning and debugging). */
  explain(text: string, limit = 3): Array<Omit<ScoredCandidate, 'entry'> & { id: string }> {
    return this.score(text)
      .slice(0, limit)
      .map(({ entry, ...signals }) => ({ id: entry.id, ...signals }));
  }

  private score(text: string): ScoredCandidate[] {
    const normalised = normaliseQuestion(text);
    if (!normalised) return [];
    const query = prepareQuery(normalised, this.weightOf);
    const entities = this.extractor.extract(normalised, true);
    const needs = questionNeeds(normalised);

    const lexicallyScored = this.lexical.candidates(query.chars, CANDIDATES).map((i) => {
      const entry = this.entries[i];
      const querySide = queryCoverage(query, entry);
      const entrySide = bestTextCoverage(query, entry, this.weightOf);
      const lexical = Math.pow(querySide, QUERY_SIDE) * Math.pow(entrySide, 1 - QUERY_SIDE);
      const agreement = entityAgreement(entities, entry.main, entry.answerEntities) * factsAgreement(needs, entry.facts);
      return { entry, querySide, entrySide, lexical, agreement, fuzzy: 0, score: lexical * agreement };
    });
    const pool = lexicallyScored.sort((a, b) => b.score - a.score).slice(0, FUZZY_POOL);
    const fuzzy = fuzzySimilarities(
      query.chars,
      pool.map((c) => c.entry.texts),
    );
    pool.forEach((c, i) => {
      c.fuzzy = fuzzy[i];
      c.score = clamp(c.agreement * (LEXICAL_WEIGHT * c.lexical + FUZZY_WEIGHT * c.fuzzy));
    });
    return pool.sort((a, b) => b.score - a.score);
  }

  private prepare(entry: IndexableEntry): PreparedEntry {
    const texts = [entry.question, ...entry.similar].map(normaliseQuestion).filter(Boolean);
    const tags = (entry.tags ?? []).map(normaliseQuestion).join(' ');
    const answer = normaliseQuestion(entry.answer ?? '');
    const answerEntities = this.extractor.extract(answer);
    return {
      id: entry.id,
      question: entry.question,
      threshold: typeof entry.threshold === 'number' ? entry.threshold : undefined,
      texts,
      tags,
      answer,
      main: this.extractor.extract([...texts, tags].join(' ')),
      answerEntities,
      facts: answerFacts(answer, [...texts, answer].join(' '), answerEntities.names.size > 0),
    };
  }
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
