import { bestTextCoverage, bigramShare, hasAllChars, queryCoverage } from './coverage';
import { collectEntityNames, EntityExtractor, type EntityProfile, entityAgreement, passageContext, statedNumbers, withoutFigures } from './entities';
import { questionFocus } from './focus';
import { fuzzySimilarities } from './fuzzy';
import type { Place } from './gazetteer';
import { localNamesOf } from './local-names';
import { tagWords } from './segmenter';
import { eachOfCountAsked, givesCountOnly } from './each-asked';
import { LexicalIndex } from './lexical-index';
import { normaliseQuestion } from './normalise';
import { NumberedNames } from './numbered-names';
import { PinyinWords } from './pinyin-words';
import { questionText } from './question-text';
import { answerKinds, askedClause, askedKind, askingSentence, confirmingClauses, exceptedNames, givesOnlyKnown, knownCount, laterSentencesOf, LONG_QUESTION_CHARS, pointsToOwnPlace, preferHaving, refersBack, sentencesOf, wholeAndPart, wholeWeight, withoutSelfDescription, withoutToldFew, withPausesAsCommas } from './asking';
import { HomophoneCorrector } from './spelling';
import { regionsIn } from './particulars';
import { type KnownNearMiss, knownNearMisses, markNearMisses, pairsOf } from './near-misses';
import { partsAsked } from './parts';
import { personNamesIn, withoutTitlesOf } from './person-names';
import { NOVEL_FOCUS, NOVEL_NAME, Novelty } from './novelty';
import { contradictedFigures, datedFigures, DAY_OF_YEAR, givesQuantity, type MeasuredFigure, measuredFigures, statedFigures, statingClauses } from './quantities';
import { answerFacts, type AnswerFacts, factsAgreement, type QuestionNeeds, questionNeeds } from './question-type';

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

export interface MatchCandidate {
  id: string;
  question: string;
  /** Confidence in [0, 1]. */
  score: number;
  /** The question is more like one the entry is known not to answer than like its own (NEAR_MISS). */
  nearMiss?: boolean;
  /** The entry's answer lacks the kind of fact asked (a figure, a date, a person, a comparison…). */
  lacksAsked?: boolean;
  /**
   * The entry gives another figure of a kind the member states as known (126名 where they say 260个),
   * and agrees with the rest of the question (its place, body, year, the kind of fact asked, and the word asked
   * about when the knowledge never writes it: 奖品 after 70万人次参加): it corrects them.
   */
  corrects?: boolean;
}

/**
 * How many entries the inverted index returns, and how many of the best of those (at least)
 * fuse.js ranks: Bitap costs ~15 µs per text, so it gets the few that can win.
 */
const CANDIDATES = 40;
const FUZZY_POOL = 4;
/** Weights of the lexical and fuzzy similarities in the confidence (they sum to 1). */
const LEXICAL_WEIGHT = 0.85;
const FUZZY_WEIGHT = 1 - LEXICAL_WEIGHT;
/** Lexical similarity leans on how much of the query is explained over how much of the entry. */
const QUERY_SIDE = 0.55;
/**
 * A name a member quotes where the question asks (“五爱同心服务”是哪五项) is copied from
 * somewhere: an entry writing less than half of its character pairs is about something else,
 * and its confidence is multiplied by QUOTE_MISSING. Quotes in the sentences before are context.
 */
const QUOTE_MISSING = 0.8;
const QUOTE_MIN_SHARE = 0.5;
const QUOTED = /[“"「『]([^”"」』]{2,24})[”"」』]/g;
/** A street or community named as what an entry is about (小营街道, 培华社区). */
const LOCAL_PLACE = /\p{Script=Han}(?:街道|社区)$/u;
/** A quoted part of a name, one character too (“中心+会+团+室+库”里的“会”). */
const QUOTED_PART = /[“"「『]([^”"」』]{1,24})[”"」』]/g;
/**
 * Factor for an entry whose own question is about what the question sets aside (除了联络服务站
 * 以外，还共享了什么): the member knows that fact and asks for another. An entry counts as about
 * a name when its question writes most of the name's character pairs (EXCEPTED.share).
 */
const EXCEPTED = { factor: 0.8, share: 0.6 };
/** Factor for an entry matched by a question members asked of it about another part of the same whole. */
const OTHER_PART = 0.85;
/** Factor for an entry whose answer does not name the part of a counted whole the question asks to count (see partNamed). */
const PART_UNNAMED = 0.7;
/** Factor for an entry whose answer's counts in the measure asked are all stated as known before the question asks (see knownCount). */
const KNOWN_FIGURE = 0.8;
/**
 * The largest share of the entries whose own questions may write a word asked about for it to tell
 * them apart: 工作 or 服务, in a quarter of them, says nothing of which one is asked.
 */
const TELLING_WORD_SHARE = 0.05;
/** A member working from an answer's figure (评上三个就是18万) may multiply it by a few; ten times it (70万 for 7万) is a slip of a digit. */
const MULTIPLES = [2, 3, 4, 5, 6, 7, 8, 9];
const AVERAGED = /平均|人均|每人|每个人|每场|每次/;

interface PreparedEntry {
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

interface AboutPerson {
  people: string[];
  entities: EntityProfile;
}

interface ScoredCandidate {
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

export type CandidateSignals = Omit<ScoredCandidate, 'entry' | 'closest'> & { id: string; closest: string };

/** The part a question counts of a whole it has counted, named first (文化类的有多少个: 文化类; 律师占多少: 律师). */
function partNamed(part: string): string | undefined {
  return /^((?:(?![的有占是在被])\p{Script=Han}){2,8})(?:的|有|占|是|在|被)/u.exec(part)?.[1];
}

/** A text's runs between spaces and the marks that end clauses, where its writer did not pause. */
function wordsOf(text: string): string[] {
  return text.split(/[\s，,。？?！!、；;：:]+/u).filter(Boolean);
}

/** A question members asked, read as a question asked now is (in Mandarin, without quiz choices), then normalised. */
function askedQuestion(text: string): string {
  return normaliseQuestion(questionText(text));
}

/**
 * Finds the knowledge entries a member's question is about. A BM25 index over character
 * bigrams picks a few dozen candidates; those are scored by how much of the query they
 * explain, by fuse.js, and by whether numbers, levels, names and the kind of fact asked agree.
 */
export class KnowledgeIndex {
  private readonly entries: PreparedEntry[];
  private readonly lexical: LexicalIndex;
  private readonly extractor: EntityExtractor;
  private readonly spelling: HomophoneCorrector;
  private readonly novelty: Novelty;
  /** The places entries are about (their tags' places). */
  private readonly subjects: Set<string>;
  /** The streets and communities the entries are about, which name their city (小营: 杭州; see localNamesOf). */
  private readonly localNames: Set<string>;
  /** The places the entries' texts and answers name. */
  private readonly placesKnown: Set<string>;
  private readonly byId = new Map<string, PreparedEntry>();
  /** The people the answers name (佟桂莉, 邹晓东). */
  private readonly people: Set<string>;
  /** Names and words members write in pinyin. */
  private readonly pinyin: PinyinWords;
  /** Names with a numeral, which members recall with 几. */
  private readonly numberedNames: NumberedNames;
  /** For each word of the entries' own questions, how many of them write it (see breakNearTies). */
  private readonly questionWords = new Map<string, number>();
  /** Marks the current query's bigram ids; reset after each query. */
  private readonly inQuery: Uint8Array;

  constructor(entries: IndexableEntry[]) {
    const tags = entries.map((entry) => (entry.tags ?? []).map(normaliseQuestion));
    // The entry's own texts say what it is about; the questions members asked only add wording.
    const own = entries.map(textsOf);
    const docs = entries.map((entry, i) => ({
      texts: [...own[i], ...(entry.asked ?? []).map(askedQuestion).filter(Boolean)],
      tags: tags[i].join(' '),
      answer: normaliseQuestion(entry.answer ?? ''),
    }));
    const knowledge = docs.flatMap((doc, i) => [...own[i], doc.tags, doc.answer]);
    this.extractor = new EntityExtractor(collectEntityNames(tags), knowledge);
    const quoted = entries.flatMap((entry) => [entry.question, entry.answer ?? ''].flatMap((text) => quotedNamesOf(text)));
    this.spelling = new HomophoneCorrector(knowledge, quoted);
    this.pinyin = new PinyinWords(this.spelling.wordCounts, () => this.namedPlaces());
    this.numberedNames = new NumberedNames(quoted);
    this.entries = entries.map((entry, i) => this.prepare(entry, docs[i], own[i]));
    this.people = new Set(entries.flatMap((entry) => personNamesIn(entry.answer ?? '')));
    for (const entry of this.entries) this.byId.set(entry.id, entry);
    for (const entry of this.entries) {
      for (const word of new Set(tagWords(entry.texts[0]).map(({ word }) => word))) this.questionWords.set(word, (this.questionWords.get(word) ?? 0) + 1);
    }
    this.subjects = new Set(this.entries.flatMap((entry) => [...entry.subject.keys()]));
    this.localNames = localNamesOf(this.entries.map((entry) => ({ names: [...entry.main.names, ...entry.answerEntities.names], places: [...entry.subject.keys()] })));
    this.placesKnown = new Set(this.entries.flatMap((entry) => [...entry.main.places.keys(), ...entry.answerEntities.places.keys()]));
    this.lexical = new LexicalIndex(docs);
    this.novelty = new Novelty(this.lexical, this.spelling);
    this.inQuery = new Uint8Array(this.lexical.vocabularySize);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Whether the entry's answer writes these words, as the knowledge is compared (民革 in 民革襄阳市委会协办). */
  answerWrites(id: string, words: string): boolean {
    const wanted = this.normalise(words);
    const answer = this.byId.get(id)?.facts.answerText;
    return wanted.length > 0 && answer !== undefined && this.normalise(answer).includes(wanted);
  }

  /** The entry's own answer threshold, if it sets one. */
  thresholdOf(id: string): number | undefined {
    return this.byId.get(id)?.threshold;
  }

  /**
   * Whether the question names each of these entries by a name its stored question quotes and
   * the others' do not (“四有”“四立”分别指什么 names 四有 and 四立, beside their shared
   * 四同四有四立): it asks about all of them, rather than being unclear about which.
   */
  namesEach(text: string, ids: string[]): boolean {
    const entries = ids.map((id) => this.byId.get(id));
    if (entries.length < 2 || entries.some((entry) => !entry?.quotedNames.length)) return false;
    const names = entries.map((entry) => new Set(entry?.quotedNames));
    const shared = [...names[0]].filter((name) => names.every((set) => set.has(name)));
    // A shared name holds the others (四同四有四立 holds 四有): it is set aside before looking for them.
    const question = shared
      .sort((a, b) => b.length - a.length)
      .reduce((q, name) => q.split(name).join(' '), this.spelling.correct(normaliseQuestion(text)));
    return names.every((set) => [...set].some((name) => !shared.includes(name) && question.includes(name)));
  }

  /** The best matching entries for a question, best first, at most one per entry. */
  match(text: string, limit = 5): MatchCandidate[] {
    return this.score(text, limit)
      .slice(0, limit)
      .map((c) => ({
        id: c.entry.id,
        question: c.entry.question,
        score: c.score,
        ...(c.nearMiss ? { nearMiss: true } : {}),
        ...(c.facts < 1 ? { lacksAsked: true } : {}),
        ...(c.corrects ? { corrects: true } : {}),
      }));
  }

  /**
   * The entry a figure the member states as known, or asks to have checked, contradicts, when it is not
   * the one best matching the question (玉门民主党派成员有260个，里头当政协委员的有几个: 126名 is another
   * entry's). Answering would take the wrong figure as true; the entry that corrects it is offered beside.
   * `at`: how well the stating clause must match that entry.
   */
  contradicting(written: string, bestId: string, at: number): MatchCandidate | undefined {
    // A figure the member asks to have checked (我记得玉门一共有260名成员，请核实) is checked by the entry giving it.
    for (const clause of statingClauses(this.toldByMember(written))) {
      const stated = this.normalise(clause);
      if (!measuredFigures(stated).length) continue;
      const [stating] = this.match(clause, 1);
      if (!stating || stating.id === bestId || stating.score < at) continue;
      const facts = this.byId.get(stating.id)?.facts;
      if (facts && contradictedFigures(stated, facts).length) return stating;
    }
    return undefined;
  }

  /**
   * The figures the member asks to have checked (玉门民主党派成员有两百六十多人，是不是啊; 参与人次是70万吧，请核实)
   * that an entry's answer gives otherwise, as the question writes them, normalised: an answer taking no
   * notice of them would leave the member believing their own. Not a bound or a guess (将近150万, 3000人左右),
   * a figure another entry gives, the member's own sums, multiples and differences of the answer's figures
   * (每个6万，评上两个就是12万吧; 增加了34个吧), nor an average (平均每人300多元吧), which the answer cannot say.
   */
  figuresCorrectedBy(written: string, id: string): string[] {
    const facts = this.byId.get(id)?.facts;
    const checked = facts ? confirmingClauses(this.toldByMember(written)) : [];
    if (!facts || !checked.length) return [];
    const given = [...facts.numbers];
    const derived = new Set([
      ...given.flatMap((n) => MULTIPLES.map((k) => k * n)),
      ...given.flatMap((a) => given.map((b) => a - b).filter((d) => d > 0)),
    ]);
    const givenElsewhere = (value: number) => this.entries.some((entry) => entry.id !== id && entry.facts.numbers.has(value));
    const figures = checked
      .map((clause) => this.normalise(clause))
      .filter((clause) => !AVERAGED.test(clause))
      .flatMap((clause) => contradictedFigures(clause, facts))
      .filter((figure) => !figure.hedged && !derived.has(figure.value) && !givenElsewhere(figure.value))
      .map((figure) => figure.written);
    return [...new Set(figures)];
  }

  /**
   * The question as read for the figures the member states or asks to have checked: its pauses as commas,
   * without what the member says of themselves (我们县有300个民主党派成员 is no figure of the knowledge's).
   */
  private toldByMember(written: string): string {
    return withoutSelfDescription(withPausesAsCommas(this.read(written)));
  }

  /** The places and names the entries name, with how many name each. */
  private namedPlaces(): Map<string, number> {
    const named = new Map<string, number>();
    for (const entry of this.entries) {
      const names = new Set([entry.main, entry.answerEntities].flatMap((profile) => [...profile.places.keys(), ...profile.names]));
      for (const name of names) named.set(name, (named.get(name) ?? 0) + 1);
    }
    return named;
  }

  /**
   * A question as the matcher reads it (see questionText), its pinyin read as names and words (see
   * PinyinWords), and names recalled with 几 as the knowledge writes them (see NumberedNames).
   */
  private read(written: string): string {
    return this.numberedNames.read(this.pinyin.read(questionText(written)));
  }

  /** Whether a question has names or words typed in pinyin that the matcher reads as the knowledge writes them (guojiaji, tzb). */
  spelledInPinyin(written: string): boolean {
    return this.pinyin.read(written) !== written;
  }

  /** A text in the form entries are compared in: normalised, its homophone typos read as the knowledge's words. */
  normalise(text: string): string {
    return this.spelling.correct(normaliseQuestion(text));
  }

  /** Every signal behind the scores of the best candidates (for tuning and debugging). */
  explain(text: string, limit = 3): CandidateSignals[] {
    return this.score(text, limit)
      .slice(0, limit)
      .map(({ entry, closest, ...signals }) => ({ id: entry.id, closest: entry.texts[closest], ...signals }));
  }

  /**
   * Scores the whole question, what follows each of its first two sentence ends (members often
   * give context first and ask last) and, where it turns to asking (其中, 我想问), that clause.
   * Places, names and figures come from the whole question, so that context such as the member's
   * city still has to agree; the kind of fact, levels and periods from where it asks. Near ties
   * are then broken by what the question points at.
   */
  private score(written: string, wanted: number): ScoredCandidate[] {
    // Members typing or dictating without punctuation pause with spaces: those end clauses too.
    const text = withPausesAsCommas(this.read(written));
    const normalise = (t: string) => this.normalise(t);
    const normalised = normalise(text);
    if (!normalised) return [];
    const sentences = sentencesOf(text);
    const clause = askedClause(text);
    const askedPart = clause === undefined ? undefined : normalise(clause);
    const selfless = withoutSelfDescription(text);
    const setAside = exceptedNames(text).map(normalise);
    // A story told in sentences that ask nothing names the levels and periods of other facts (想引用中央片会的提法。……).
    const needsClause = clause ?? askingSentence(text);
    const needsPart = needsClause === undefined ? undefined : normalise(needsClause);
    const entities = this.questionEntities(normalised, (selfless !== text && normalise(selfless)) || normalised, needsPart, setAside);
    // The title a member gives a person the knowledge names (浙江省委统战部长佟桂莉) is their belief: an entry
    // naming that person is weighed without it, and corrects it; any other is still weighed with it.
    const untitled = withoutTitlesOf(text, this.people);
    const told = untitled === text ? normalised : normalise(untitled);
    const aboutPerson = untitled === text ? undefined : this.aboutPerson(untitled, told, clause, setAside, normalise);
    // A figure the member asks to have confirmed is not one they know (see quantityAgreement).
    const confirming = confirmingClauses(text).map(normalise);
    const confirmed = new Set(confirming.flatMap((c) => [...statedNumbers(this.extractor.extract(c, true))]));
    const stated = new Set([...statedNumbers(entities)].filter((n) => !confirmed.has(n)));
    // A figure with its measure the member asks to have checked (260多人，是不是; 二十个子项目对吧) is answered by an
    // entry giving a figure of that kind, whether the member's is right or not. A year or a name (十九大) is no such figure.
    // So is a month or day the member asks to have confirmed (西部片会是6月17号开的，没错吧), by an entry giving a date.
    const checks = confirming.flatMap((clause) => [...measuredFigures(clause), ...datedFigures(clause)]);
    // Any other figure the member states with its measure is what they believe (玉门有200多名民主党派成员，他们分成了几个支部):
    // an entry giving another figure of that kind corrects it, and is not held to have missed it.
    const premises = statedFigures(text, normalise).filter((figure) => !checks.some((check) => check.value === figure.value));
    // What kind of fact is asked is said where the question turns to asking (……我就想知道有几位当了人大代表).
    const asking = withoutToldFew(text);
    const asksFor =
      needsClause !== undefined && needsPart !== undefined
        ? questionNeeds(needsPart, needsClause, normalise, Array.from(text).length >= LONG_QUESTION_CHARS)
        : questionNeeds(asking === text ? normalised : normalise(asking), asking, normalise);
    const needs = { ...asksFor, statedCounts: asksFor.statedCounts.filter((count) => !checks.some((check) => check.value === count.value)) };
    const focus = questionFocus(normalised).map(({ word }) => word);
    const novel = this.novelty.focusIds(told === normalised ? focus : questionFocus(told).map(({ word }) => word));
    // Quotes before the asking clause are context, like those in sentences before the last.
    const asked = clause ?? sentences[sentences.length - 1] ?? '';
    const trades = this.novelty.tradesAsked(normalise(clause === undefined ? selfless : withoutSelfDescription(clause)));
    const quoted = [...[...asked.matchAll(QUOTED)].map((m) => normalise(m[1])), ...trades]
      .map((name) => ({ name, ids: this.lexical.prepareQuery(name).bigramIds }))
      .filter(({ ids }) => ids.length > 0);
    const best = new Map<string, ScoredCandidate>();
    const parts = [normalised, ...laterSentencesOf(sentences).map(normalise), ...(askedPart !== undefined ? [askedPart] : [])];
    // Before 其中 the question names a whole, before 那 one of a series; it asks for another part.
    const contextWeight = wholeWeight(text, clause);
    const novelName = this.novelty.namesNovelName(told) ? NOVEL_NAME : 1;
    for (const [k, part] of parts.entries()) {
      if (!part) continue;
      for (const c of this.scoreText(part, entities, aboutPerson, checks, premises, stated, needs, novel, quoted, wanted)) {
        c.agreement *= novelName;
        c.score *= novelName;
        if (k < parts.length - 1) c.score *= contextWeight;
        if ((best.get(c.entry.id)?.score ?? -1) < c.score) best.set(c.entry.id, c);
      }
    }
    // A count the member states before asking for another (主题活动有10场次，那观摩活动搞了几场) is known.
    const known = clause && askedPart !== undefined ? knownCount(normalise(text.slice(0, text.lastIndexOf(clause))), askedPart) : undefined;
    if (known) for (const c of best.values()) if (givesOnlyKnown(c.entry.facts.answerText, known)) c.score *= KNOWN_FIGURE;
    const excepted = setAside.map(pairsOf);
    if (excepted.length) {
      for (const c of best.values()) {
        const own = pairsOf(c.entry.texts[0]);
        if (excepted.some((name) => name.size > 0 && [...name].filter((pair) => own.has(pair)).length >= EXCEPTED.share * name.size)) c.score *= EXCEPTED.factor;
      }
    }
    const candidates = [...best.values()].sort((a, b) => b.score - a.score);
    markNearMisses(candidates.slice(0, Math.max(FUZZY_POOL, wanted)), () => ({ whole: normalised, words: wordsOf(text).map(normalise) }));
    // A question of a part of a whole the member has counted (16场学习里，企业家座谈占几场) is not answered by an
    // entry giving only that count: it is a near miss of it, whatever else it shares.
    const counted = clause === undefined ? wholeAndPart(text) : undefined;
    const whole = counted && knownCount(normalise(counted.whole), normalise(counted.part));
    if (whole) for (const c of candidates) if (givesOnlyKnown(c.entry.facts.answerText, whole)) c.nearMiss = true;
    // The part asked of it (那53个实践基地里，文化类的有多少个) is counted only by an answer that names that part.
    const part = whole && counted ? partNamed(normalise(counted.part)) : undefined;
    if (part) for (const c of candidates) if (!c.entry.answer.includes(part)) c.score *= PART_UNNAMED;
    const each = eachOfCountAsked(text);
    if (each) for (const c of candidates) if (givesCountOnly(c.entry.facts.answerText, each)) c.nearMiss = true;
    // A question members asked of an entry about another part of the same whole (…那个“室”指的) is no match for this part.
    const named = partsOfWholes(asked);
    if (named.length) {
      for (const c of candidates) if (asksOtherPart(c.entry.texts[c.closest], named)) c.score *= OTHER_PART;
      candidates.sort((a, b) => b.score - a.score);
    }
    const word = focus.at(-1);
    const telling = word !== undefined && (this.questionWords.get(word) ?? 0) <= Math.max(1, TELLING_WORD_SHARE * this.entries.length) ? word : undefined;
    return breakNearTies(candidates, normalised, focus, asked, named, telling).sort((a, b) => b.score - a.score);
  }

  /**
   * The entities a question names. When it turns from context to asking (……我就想知道有几位当了
   * 省人大代表), its places, names and figures still say whose fact is asked and what is known,
   * but the levels and periods of the context (又是副县级又是政协委员) describe other facts.
   * `selfless`: the question without the clauses where the member describes themselves (see withoutSelfDescription);
   * `setAside`: what it sets aside (see exceptedNames).
   */
  private questionEntities(normalised: string, selfless: string, clause: string | undefined, setAside: string[]): EntityProfile {
    const all = this.extractor.extract(normalised, true);
    // The member's own body (我是侨联的工作人员) is not the fact's. Nor is their own place when the rest names
    // a place some entry is about (我们是张掖的，……玉门共享了什么实验室); alone, beside a place no entry is about
    // (新建, 酒泉那边来人问我), or pointed back to (我们这边), it still says whose fact is asked.
    const told = selfless === normalised ? all : this.withoutOwnPlace(all, this.extractor.extract(selfless, true), selfless, normalised);
    // What the member sets aside (除了九三学社支社阵地之外) names no body the fact must be of, unless the rest names it too.
    const rest = setAside.reduce((text, aside) => text.split(aside).join(' '), normalised);
    const setAsideOnly = (name: string) => setAside.some((aside) => aside.includes(name)) && !rest.includes(name);
    const whole = setAside.length ? { ...told, names: new Set([...told.names].filter((name) => !setAsideOnly(name))) } : told;
    if (!clause) return whole;
    const asked = this.extractor.extract(clause, true);
    // An asking clause pointing back and naming no level of its own (请问这笔奖励由哪个部门发放) asks at its context's.
    if (refersBack(clause) && !asked.levels.size && !asked.scopes.size && !asked.periods.size) return whole;
    return { ...whole, places: this.placesAskedAbout(whole.places, asked), levels: asked.levels, scopes: asked.scopes, periods: asked.periods };
  }

  /**
   * The places of a question whose asking clause names a place the knowledge is about (……想学小营，请问小营
   * 打造的…; 我在郑州上班。……重庆有个…工程，叫啥): the places of its story before that no entry names are the
   * member's, not the fact's. One an entry names (襄阳建了165个基地，那新乡…) still tells which fact is asked.
   */
  private placesAskedAbout(places: Map<string, Place>, asked: EntityProfile): Map<string, Place> {
    const named = [...asked.places.values()];
    if (!named.some((place) => this.isSubject(place)) && ![...asked.names].some((name) => this.localNames.has(name))) return places;
    return new Map([...places].filter(([name]) => asked.places.has(name) || named.some((place) => place.within.includes(name)) || this.placesKnown.has(name)));
  }

  /** Whether entries are about this place or the city of this district or county (成华区 of 成都); a province holds too much. */
  private isSubject(place: Place): boolean {
    return this.subjects.has(place.name) || (place.within.length > 1 && this.subjects.has(place.within[0]));
  }

  /** The people a question gives a title (see withoutTitlesOf), and its entities read without those titles (`told`: `untitled` normalised). */
  private aboutPerson(untitled: string, told: string, clause: string | undefined, setAside: string[], normalise: (t: string) => string): AboutPerson {
    const selfless = withoutSelfDescription(untitled);
    const asked = clause === undefined ? undefined : normalise(withoutTitlesOf(clause, this.people));
    return {
      people: [...this.people].filter((person) => untitled.includes(person)),
      entities: this.questionEntities(told, (selfless !== untitled && normalise(selfless)) || told, asked, setAside),
    };
  }

  /** `rest`: the entities of the question without the member's self-description (`selfless`), with its places when they are the fact's. */
  private withoutOwnPlace(all: EntityProfile, rest: EntityProfile, selfless: string, normalised: string): EntityProfile {
    // A street the knowledge is about (小营) names its city when the rest names no place (我们是宁波海曙区一个街道的，……小营红巷的…).
    const namesSubject =
      [...rest.places.values()].some((place) => this.isSubject(place)) || (!rest.places.size && [...rest.names].some((name) => this.localNames.has(name)));
    return { ...rest, places: namesSubject && !pointsToOwnPlace(selfless) ? rest.places : withoutPlaceNow(all.places, normalised, selfless) };
  }

  private scoreText(
    normalised: string,
    entities: EntityProfile,
    /** The question read without the titles it gives people, for the entries naming them. */
    aboutPerson: AboutPerson | undefined,
    /** The figures the member asks to have checked (see score). */
    checks: MeasuredFigure[],
    /** The other figures the member states with a measure (see score). */
    premises: MeasuredFigure[],
    /** The figures the member states as known (see statedNumbers). */
    stated: Set<number>,
    needs: QuestionNeeds,
    novelFocus: number[][],
    quoted: Array<{ name: string; ids: number[] }>,
    wanted: number,
  ): ScoredCandidate[] {
    const query = this.lexical.prepareQuery(normalised);
    const marked = query.bigramIds.filter((id) => id >= 0);
    for (const id of marked) this.inQuery[id] = 1;
    // The places whose whole the question counts (上城区全区……多少): the same for every candidate.
    const wholesAsked = needs.quantity === undefined ? new Set<string>() : placesWholeIn(normalised, [entities, aboutPerson?.entities]);
    const scored = this.lexical.candidates(query, CANDIDATES).map((i) => {
      const entry = this.entries[i];
      const doc = this.lexical.docs[i];
      const querySide = queryCoverage(query, doc);
      const { coverage: entrySide, text: closest } = bestTextCoverage(this.inQuery, doc);
      const lexical = Math.pow(querySide, QUERY_SIDE) * Math.pow(entrySide, 1 - QUERY_SIDE);
      const corrected = premises.filter((premise) => givesQuantity(premise.quantity, entry.facts) && !entry.facts.numbers.has(premise.value)).map((figure) => figure.value);
      const gives = (check: MeasuredFigure) => (check.quantity === DAY_OF_YEAR ? entry.facts.date : givesQuantity(check.quantity, entry.facts));
      const checked = [...checks.filter(gives).map((check) => check.value), ...corrected];
      const weighed = aboutPerson?.people.some((person) => entry.facts.answerText.includes(person)) ? aboutPerson.entities : entities;
      const told = checked.length ? withoutFigures(weighed, new Set(checked)) : weighed;
      const local = isLocal(entry, normalised, told, wholesAsked);
      const entitiesAgree = entityAgreement(told, entry.main, entry.answerEntities, entry.subject, entry.passageEntities, local, entry.passage);
      const focusMissing = novelFocus.some((charIds) => !hasAllChars(doc, charIds));
      // A name the source paragraph writes beside the entry's fact (“万花筒”效应正加速成型。着力实现…) is its context.
      const quoteMissing = quoted.some(({ name, ids }) => bigramShare(doc, ids) < QUOTE_MIN_SHARE && !entry.passage.includes(name));
      // Nor does an entry that corrects a count the member states count it otherwise (see statedCounts).
      const needed = corrected.length ? { ...needs, statedCounts: needs.statedCounts.filter((count) => !corrected.includes(count.value)) } : needs;
      const facts = factsAgreement(needed, entry.facts, stated);
      const agreement = entitiesAgree * facts * (focusMissing ? NOVEL_FOCUS : 1) * (quoteMissing ? QUOTE_MISSING : 1);
      return { entry, closest, querySide, entrySide, lexical, agreement, facts, fuzzy: 0, score: lexical * agreement, corrects: corrected.length > 0 && entitiesAgree === 1 && !focusMissing };
    });
    for (const id of marked) this.inQuery[id] = 0;

    const pool = scored.sort((a, b) => b.score - a.score).slice(0, Math.max(FUZZY_POOL, wanted));
    const fuzzy = fuzzySimilarities(
      query.chars,
      // Bitap is slow: compare with the stored question and the lexically closest text only.
      pool.map((c) => [...new Set([c.entry.texts[0], c.entry.texts[c.closest]])]),
    );
    pool.forEach((c, i) => {
      c.fuzzy = fuzzy[i];
      c.score = clamp(c.agreement * (LEXICAL_WEIGHT * c.lexical + FUZZY_WEIGHT * c.fuzzy));
    });
    return pool.sort((a, b) => b.score - a.score);
  }

  /** `own`: the entry's question and similar questions, from which alone its entities and facts are read. */
  private prepare(entry: IndexableEntry, doc: { texts: string[]; tags: string; answer: string }, own: string[]): PreparedEntry {
    const answerEntities = this.extractor.extract(doc.answer);
    const locals = (entry.tags ?? []).filter((tag) => LOCAL_PLACE.test(tag)).map(normaliseQuestion);
    const subject = this.extractor.extract(doc.tags).places;
    const main = this.extractor.extract([...own, doc.tags].join(' '));
    const passage = entry.passage ? normaliseQuestion(entry.passage) : '';
    const notAnswered = (entry.notAnswered ?? [])
      .map((text) => questionText(text))
      .map((read) => ({ whole: normaliseQuestion(read), words: wordsOf(withPausesAsCommas(read)).map(normaliseQuestion) }))
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
      passageEntities: passage ? passageContext(this.extractor.extract(passage), main, answerEntities, entry.answer ?? '') : undefined,
      passage,
      quotedNames: quotedNamesOf(entry.question),
      // Only an entry with known near misses is ever compared by character pairs.
      answers: notAnswers.length ? doc.texts.map(pairsOf) : [],
      notAnswers,
      kinds: new Set(own.flatMap(answerKinds)),
      facts,
    };
  }
}

/**
 * Of entries close to the best, those having what the question points at go first: the kind of
 * thing asked, or else the noun asked about, named in the answer (哪家酒店, 她说的主线是什么), a noun
 * asked about that few entries ask for written in the entry's own question (按照什么标准: the entry
 * asking for the 标准, not the one about what follows it), the kind of answer asked for in the entry's own
 * questions (谁, 多少), every name the asking sentence quotes in them (“三同三化”里的“同向”).
 */
function breakNearTies(
  candidates: ScoredCandidate[],
  normalised: string,
  focus: string[],
  asked: string,
  named: PartOfWhole[],
  /** The word asked about, when few entries' own questions write it (TELLING_WORD_SHARE). */
  tellingWord: string | undefined,
): ScoredCandidate[] {
  const kind = askedKind(normalised) ?? focus.at(-1);
  if (kind) preferHaving(candidates, (c) => c.entry.facts.answerText.includes(kind));
  // 十个一是按照什么标准来的: the entry whose own question asks for the 标准 goes before the one about what has it.
  if (tellingWord) preferHaving(candidates, (c) => c.entry.texts[0].includes(tellingWord));
  const kinds = answerKinds(normalised);
  if (kinds.length === 1) preferHaving(candidates, (c) => c.entry.kinds.has(kinds[0]));
  const names = quotedNamesOf(asked);
  if (names.length >= 2) preferHaving(candidates, (c) => names.every((name) => c.entry.texts.some((t) => t.includes(name))));
  // The name whose parts are asked (“四有”具体是哪四个) is the one the entry's own question quotes,
  // not one its whole (“四同四有四立”) only holds.
  const parts = partsAsked(asked);
  if (parts) preferHaving(candidates, (c) => c.entry.quotedNames.includes(normaliseQuestion(parts)));
  // Parts named after their whole (“四同四有四立”中，“四有”和“四立”分别指什么; 四同四有四立里的四同) are what is
  // asked: an entry quoting the whole but none of those parts is about the whole or another part.
  const aboutWhole = (c: ScoredCandidate) =>
    named.some(({ part, whole }) => c.entry.quotedNames.some((name) => name !== part && name.includes(part) && whole.includes(name))) &&
    !named.some(({ part }) => c.entry.quotedNames.includes(part));
  if (named.length) preferHaving(candidates, (c) => !aboutWhole(c));
  return candidates;
}

/** A name made of numbered parts (四同四有四立) or a formula of parts (中心+会+团+室+库). */
const COMPOUND = /(?:[一二三四五六七八九十两]\p{Script=Han}){2,}|[\p{Script=Han}\dA-Za-z]+(?:\+[\p{Script=Han}\dA-Za-z]+)+/u;
/**
 * 四同四有四立里的四同: such a name, then (里的, 中的) one of its parts; or after a comma, pointed at (四同四有四立，四有是哪四有;
 * 中心+会+团+室+库，最后那个库指的是什么), when a part of one character must be pointed at.
 */
const PART_OF_COMPOUND = new RegExp(
  `(${COMPOUND.source})(里的|中的|里面的|当中的|之中的|[，,](?:最后|第[一二三四五六七八九十])?(?:[那这]个)?)([\\p{Script=Han}\\d]{1,8})`,
  'u',
);
/** After a comma, a part named is asked about only when the question asks what it is (四有是哪四有, 库指的是什么). */
const ASKS_WHAT_IT_IS = /^(?:具体)?(?:是|指|说|讲)?(?:的是|的)?(?:哪|什么|啥|何)/;

interface PartOfWhole {
  part: string;
  whole: string;
  /** Every part of the whole (中心, 会, 团, 室, 库 of 中心+会+团+室+库; 四同, 四有, 四立 of 四同四有四立). */
  components: string[];
}

/** The parts a compound name is made of, as written (“中心+会+团+室+库”, 四同四有四立), normalised. */
function componentsOf(written: string): string[] {
  const parts = written.includes('+') ? written.split('+') : (written.match(/[一二三四五六七八九十两]\p{Script=Han}/gu) ?? []);
  return parts.map(normaliseQuestion).filter(Boolean);
}

/**
 * The member's places without where they are now, when they also say where they are from (我是襄阳人，
 * 在上海上班，……家乡那次培训): a place written after 在 in their description of themselves (`normalised`
 * past `selfless`) is where they work or live, not the place of the fact.
 */
function withoutPlaceNow(places: Map<string, Place>, normalised: string, selfless: string): Map<string, Place> {
  const description = normalised.replace(selfless, ' ');
  const now = [...places.keys()].filter((place) => description.includes(`在${place}`) && !selfless.includes(place));
  // 我是德阳人，在襄阳工作，这边建了多少个基地; ……在德阳上班，我们单位刚评上: where the member is now is the place they ask about.
  const afterNow = now.length ? normalised.slice(normalised.indexOf(`在${now[0]}`)) : '';
  if (now.length && HERE.test(afterNow)) return new Map([...places].filter(([place]) => now.includes(place)));
  if (pointsToOwnPlace(selfless)) return places;
  // 我是四川人，在德阳上班: a province holding the place now says no other place the member is from.
  const from = [...places.keys()].filter(
    (place) => !now.includes(place) && description.includes(place) && now.every((here) => !places.get(here)?.within.includes(place)),
  );
  return now.length && from.length ? new Map([...places].filter(([place]) => !now.includes(place))) : places;
}

/** Words for the place the member is in (这边, 本市, 当地, 我们单位; 市里, 市委 or 街道 opening a clause). */
const HERE = /这边|这里|这儿|本市|本县|本区|本地|当地|我们单位|我单位|单位(?:这边|那边|这里|那里)|(?:^|[，,。？?！!\s])(?:市里|县里|区里|市委|县委|区委|全市|全县|全区|街道|社区)/;

/** A street's or community's name as written and without 街道 or 社区 (小营街道, 小营). */
function streetForms(name: string): string[] {
  return [name, name.replace(/街道$|社区$/, '')];
}

/** The names of an entry's tags that are not places of China (小营街道 and 小营, 红巷同心筑; not 杭州). */
function localNames(tags: string[], places: Map<string, Place>): string[] {
  return tags
    .map(normaliseQuestion)
    .filter((tag) => tag && ![...places.keys()].some((place) => tag.startsWith(place) && !LOCAL_PLACE.test(tag)))
    .flatMap((tag) => (LOCAL_PLACE.test(tag) ? streetForms(tag) : [tag]))
    .filter((name) => Array.from(name).length >= 2);
}

/** The places of the question's profiles whose whole it names after them (上城区全区, 杭州全市, 上城区一季度全区). */
function placesWholeIn(normalised: string, profiles: Array<EntityProfile | undefined>): Set<string> {
  const places = new Set(profiles.flatMap((profile) => [...(profile?.places.keys() ?? [])]));
  return new Set([...places].filter((place) => new RegExp(`${place}[省市区县]?\\p{Script=Han}{0,4}?全[省市区县]`, 'u').test(normalised)));
}

/**
 * Whether what an entry reports is its street's or community's, and the question (`normalised`,
 * naming `places`) asks a figure of a place's whole (`wholesAsked`, see placesWholeIn) other than a
 * whole the answer names, without naming the street. Only a figure: 全市有名的律师工作室建在哪个社区
 * describes the studio, and 红巷同心筑面向全区梳理了多少个子项目 says whom the street serves, while
 * 上城区全区一共有多少个子项目 counts another whole.
 */
function isLocal(entry: PreparedEntry, normalised: string, { places }: EntityProfile, wholesAsked: Set<string>): boolean {
  if (!entry.locals.length || !wholesAsked.size || entry.locals.some((name) => normalised.includes(name))) return false;
  return [...places.keys()].some((place) => !entry.wholes.has(place) && wholesAsked.has(place));
}

/**
 * Whether an answer names a place as a whole of its own (上城区各党派), not only as where the
 * entry's street or community lies (成华区培华社区: `locals`, with or without 街道 or 社区).
 */
function namesWhole(answer: string, place: string, locals: string[]): boolean {
  const streets = locals.flatMap(streetForms).filter(Boolean);
  for (let at = answer.indexOf(place); at >= 0; at = answer.indexOf(place, at + 1)) {
    const after = answer.slice(at + place.length).replace(/^[省市区县]/, '');
    if (!streets.some((street) => after.startsWith(street))) return true;
  }
  return false;
}

/** The parts a question names after their whole, quoted (“中心+会+团+室+库”里的“会”) or not, each with its whole. */
function partsOfWholes(asked: string): PartOfWhole[] {
  const text = asked.normalize('NFKC');
  const parts: PartOfWhole[] = [];
  // Compound names quoted so far, normalised.
  const wholes: Array<{ whole: string; components: string[] }> = [];
  for (const m of text.matchAll(QUOTED_PART)) {
    const name = normaliseQuestion(m[1]);
    if (!name) continue;
    for (const { whole, components } of wholes) if (whole !== name && whole.includes(name)) parts.push({ part: name, whole, components });
    if (COMPOUND.test(m[1])) wholes.push({ whole: name, components: componentsOf(m[1]) });
  }
  const m = PART_OF_COMPOUND.exec(text.replace(/[“”"「」『』]/g, ''));
  if (m) {
    const whole = normaliseQuestion(m[1]);
    const after = normaliseQuestion(m[3]);
    const components = componentsOf(m[1]);
    const afterComma = /^[，,]/.test(m[2]);
    // The longest start of what follows that the whole holds (四同是哪四个同: 四同); after a comma, one of its
    // parts whose meaning is asked, of one character only when pointed at (那个库).
    for (let k = after.length; k >= (/个$/.test(m[2]) ? 1 : 2); k--) {
      const part = after.slice(0, k);
      if (!whole.includes(part)) continue;
      // Read as written: normalising drops a final 是什么.
      const asksWhat = m[3].startsWith(part) && ASKS_WHAT_IT_IS.test(m[3].slice(part.length));
      if (!afterComma || (components.includes(part) && asksWhat)) parts.push({ part, whole, components });
      break;
    }
  }
  return parts;
}

/** How far after the whole a text names the part it asks about (泸州中心会团室库里头那个室). */
const PART_AFTER_WHOLE = 10;

/** Whether a (normalised) text names the whole of the parts asked and, after it, another of its parts but none of those. */
function asksOtherPart(text: string, named: PartOfWhole[]): boolean {
  const asked = named.map(({ part }) => part);
  return named.some(({ whole, components }) => {
    const at = text.indexOf(whole);
    if (at < 0) return false;
    const after = text.slice(at + whole.length, at + whole.length + PART_AFTER_WHOLE);
    const namesAsked = asked.some((part) => after.includes(part));
    return !namesAsked && components.some((other) => !asked.some((part) => part.includes(other)) && after.includes(other));
  });
}

/** Normalised question and similar questions; never empty, so every entry can be compared. */
function textsOf(entry: IndexableEntry): string[] {
  const texts = [entry.question, ...entry.similar].map(normaliseQuestion).filter(Boolean);
  return texts.length ? texts : [entry.question];
}

/** The names a text quotes (“四有”), normalised; one character is no name. */
function quotedNamesOf(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((m) => normaliseQuestion(m[1])).filter((name) => name.length >= 2);
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
