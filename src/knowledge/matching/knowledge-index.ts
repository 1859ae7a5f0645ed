import { inSteps, nextTurn } from '../../common/steps';
import { offeredFigures } from './alternatives';
import { askedClause, askingSentence, confirmingClauses, exceptedNames, givesOnlyKnown, isLongQuestion, knownCount, laterSentencesOf, sentencesOf, wholeAndPart, wholeWeight, withoutSelfDescription, withoutToldFew, withPausesMarked } from './asking';
import { asksOtherPart, partsOfWholes, QUOTED } from './compound-parts';
import { bestTextCoverage, bigramShare, hasAllChars, queryCoverage } from './coverage';
import { eachOfCountAsked, givesCountOnly } from './each-asked';
import { EntityExtractor, type EntityProfile, entityAgreement, statedNumbers, withoutFigures } from './entities';
import { isLocal, placesWholeIn } from './entry-places';
import { questionFocus } from './focus';
import { fuzzySimilarities } from './fuzzy';
import { LexicalIndex } from './lexical-index';
import { type IndexParts, indexParts, partsOf } from './index-parts';
import { markNearMisses, pairsOf } from './near-misses';
import { breakNearTies } from './near-ties';
import { normaliseQuestion } from './normalise';
import { NOVEL_FOCUS, NOVEL_NAME, Novelty } from './novelty';
import { NumberedNames } from './numbered-names';
import { MEASURES } from './numbers';
import { withoutTitlesOf } from './person-names';
import { PinyinWords } from './pinyin-words';
import { type IndexableEntry, type PreparedEntry, type ScoredCandidate, wordsOf } from './prepared-entry';
import { QuestionEntities } from './question-entities';
import { questionText } from './question-text';
import { contradictedFigures, datedFigures, DAY_OF_YEAR, givesQuantity, type MeasuredFigure, measuredFigures, statedFigures, statingClauses } from './quantities';
import { factsAgreement, type QuestionNeeds, questionNeeds } from './question-type';
import { HomophoneCorrector } from './spelling';

export type { IndexableEntry } from './prepared-entry';

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
  /** What the confidence was made of: the shares of the question and of the entry explained, the fuzzy similarity, and the agreement factor. */
  evidence?: { querySide: number; entrySide: number; fuzzy: number; agreement: number; facts: number };
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
/** A figure with its measure and a guess's words, which say nothing of what is counted (好像是五个左右). */
const BARE_FIGURE = new RegExp(`[\\d.一二两三四五六七八九十百千万亿余多来]+[${MEASURES}名位人]?|左右|上下|大概|大约|差不多|好像|应该|估计|是|有|吧|吗|对|不`, 'g');

interface AboutPerson {
  people: string[];
  entities: EntityProfile;
}

export type CandidateSignals = Omit<ScoredCandidate, 'entry' | 'closest'> & { id: string; closest: string };

/** The part a question counts of a whole it has counted, named first (文化类的有多少个: 文化类; 律师占多少: 律师). */
function partNamed(part: string): string | undefined {
  return /^((?:(?![的有占是在被])\p{Script=Han}){2,8})(?:的|有|占|是|在|被)/u.exec(part)?.[1];
}

/**
 * Finds the knowledge entries a member's question is about. A BM25 index over character
 * bigrams picks a few dozen candidates; those are scored by how much of the query they
 * explain, by fuse.js, and by whether numbers, levels, names and the kind of fact asked agree.
 */
export class KnowledgeIndex {
  private readonly entries: PreparedEntry[];
  private readonly byId: Map<string, PreparedEntry>;
  private readonly lexical: LexicalIndex;
  private readonly extractor: EntityExtractor;
  private readonly spelling: HomophoneCorrector;
  private readonly novelty: Novelty;
  private readonly askedEntities: QuestionEntities;
  private readonly people: Set<string>;
  private readonly pinyin: PinyinWords;
  private readonly numberedNames: NumberedNames;
  private readonly questionWords: Map<string, number>;
  /** Marks the current query's bigram ids; reset after each query. */
  private readonly inQuery: Uint8Array;

  /** Built at once from entries, or from parts built step by step (see build). */
  constructor(source: IndexableEntry[] | IndexParts) {
    const parts = Array.isArray(source) ? partsOf(source) : source;
    this.entries = parts.entries;
    this.byId = new Map(parts.entries.map((entry) => [entry.id, entry]));
    this.lexical = parts.lexical;
    this.extractor = parts.extractor;
    this.spelling = parts.spelling;
    this.novelty = parts.novelty;
    this.askedEntities = parts.askedEntities;
    this.people = parts.people;
    this.pinyin = parts.pinyin;
    this.numberedNames = parts.numberedNames;
    this.questionWords = parts.questionWords;
    this.inQuery = new Uint8Array(this.lexical.vocabularySize);
  }

  /**
   * The same index, built in steps with `pause` awaited between them (by default, until the event
   * loop has served what waits): a service goes on answering with its current index meanwhile.
   */
  static async build(entries: IndexableEntry[], pause: () => Promise<void> = nextTurn): Promise<KnowledgeIndex> {
    return new KnowledgeIndex(await inSteps(indexParts(entries), pause));
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
        evidence: { querySide: c.querySide, entrySide: c.entrySide, fuzzy: c.fuzzy, agreement: c.agreement, facts: c.facts },
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
      // A figure alone (五个吧, 三十个左右) states nothing of what it counts: no entry can be told to give it otherwise.
      if (!measuredFigures(stated).length || Array.from(stated.replace(BARE_FIGURE, '')).length < 2) continue;
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
    return withoutSelfDescription(withPausesMarked(this.read(written)));
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
    const text = withPausesMarked(this.read(written));
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
    const entities = this.askedEntities.of(normalised, (selfless !== text && normalise(selfless)) || normalised, needsPart, setAside);
    // The title a member gives a person the knowledge names (浙江省委统战部长佟桂莉) is their belief: an entry
    // naming that person is weighed without it, and corrects it; any other is still weighed with it.
    const untitled = withoutTitlesOf(text, this.people);
    const told = untitled === text ? normalised : normalise(untitled);
    const aboutPerson = untitled === text ? undefined : this.aboutPerson(untitled, told, clause, setAside, normalise);
    // A figure the member asks to have confirmed is not one they know (see quantityAgreement).
    // So are the figures it offers as a choice (一万还是两万): the member knows neither.
    const offered = offeredFigures(text);
    const confirming = [...confirmingClauses(text), ...(offered === undefined ? [] : [offered.written])].map(normalise);
    const confirmed = new Set(confirming.flatMap((c) => [...statedNumbers(this.extractor.extract(c, true))]));
    const stated = new Set([...statedNumbers(entities)].filter((n) => !confirmed.has(n)));
    // A figure with its measure the member asks to have checked (260多人，是不是; 二十个子项目对吧) is answered by an
    // entry giving a figure of that kind, whether the member's is right or not. A year or a name (十九大) is no such figure.
    // So is a month or day the member asks to have confirmed (西部片会是6月17号开的，没错吧), by an entry giving a date.
    const measured = confirming.flatMap((clause) => [...measuredFigures(clause), ...datedFigures(clause)]);
    // An option without its measure (一万还是两万) is a figure of any kind.
    const bare = (offered?.values ?? []).filter((value) => !measured.some((check) => check.value === value)).map((value) => ({ value, quantity: 'any' as const }));
    const checks = [...measured, ...bare];
    // Any other figure the member states with its measure is what they believe (玉门有200多名民主党派成员，他们分成了几个支部):
    // an entry giving another figure of that kind corrects it, and is not held to have missed it.
    const premises = statedFigures(text, normalise).filter((figure) => !checks.some((check) => check.value === figure.value));
    // What kind of fact is asked is said where the question turns to asking (……我就想知道有几位当了人大代表).
    const asking = withoutToldFew(text);
    const asksFor =
      needsClause !== undefined && needsPart !== undefined
        ? questionNeeds(needsPart, needsClause, normalise, isLongQuestion(text))
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
    return breakNearTies(candidates, normalised, focus, asked, named, telling, offered?.values ?? []).sort((a, b) => b.score - a.score);
  }

  private aboutPerson(untitled: string, told: string, clause: string | undefined, setAside: string[], normalise: (t: string) => string): AboutPerson {
    const selfless = withoutSelfDescription(untitled);
    const asked = clause === undefined ? undefined : normalise(withoutTitlesOf(clause, this.people));
    return {
      people: [...this.people].filter((person) => untitled.includes(person)),
      entities: this.askedEntities.of(told, (selfless !== untitled && normalise(selfless)) || told, asked, setAside),
    };
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
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
