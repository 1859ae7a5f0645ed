import { type Place, PlaceFinder } from './gazetteer';
import { inRange, looseDigits, numberMentions, type NumberRange } from './numbers';
import { segment, wordStarts } from './segmenter';

/**
 * Administrative levels; a question about one level must not get another level's answer.
 * 中央 and 省委 mark central and provincial bodies (九三学社中央, 民盟省委), not a city's committee.
 */
const CITY_BODY = 'city body';
/**
 * A level's own bodies (区委, 县政协, 省社院): its committee, government, CPPCC, congress and socialist
 * institute, and its leaders (区领导: 哪位区领导批示的 is not answered by a city leader's instruction).
 */
const OWN_BODIES = ['委', '政府', '政协', '人大', '社会主义学院', '社院', '领导(?!小组)'];
function bodiesOf(level: string, ...more: string[]): RegExp {
  return new RegExp([...OWN_BODIES.map((body) => level + body), ...more].join('|'));
}
const LEVELS: Array<[string, RegExp]> = [
  // 全国性的 (nationwide) says what kind of thing, not whose level.
  ['national', /国家级|全国(?!性)|中央/],
  // 省级财政, 市级财政: the level's budget, a body like 省财政 (see below), not a thing of that level.
  ['provincial', /省级(?!财政)|省一级|省委/],
  // A central or provincial body (九三学社中央, 四川省委统战部) is not a thing of that level a city names (国家级基地, 省级基地).
  ['central body', /中央/],
  ['provincial body', bodiesOf('省', '省财政', '省级财政')],
  // The city's own department, government or budget (德阳市委统战部, 市财政): see bodyConflict.
  [CITY_BODY, /市委统战部|市政府|市级?财政/],
  // Money from the city's budget (市财政补助) is not money members gave (捐款捐物): an entry must speak of the budget.
  ['city budget', /市级?财政/],
  // A district's or county's committee (上城区委统战部) is not the city's, whose work most entries report.
  ['district body', bodiesOf('区')],
  ['county body', bodiesOf('县', '县级财政')],
  ['city', /市级(?!财政)|市一级/],
  ['county', /县级(?!财政)|区县级|县区级|各区县|各县区|各县市区/],
  ['district', /(?<!县)区级/],
  ['township', /乡镇级|镇级|乡级/],
];
/** The same patterns, to find every place a level is named (see wordsAroundLevels). */
const LEVELS_EVERYWHERE = LEVELS.map(([level, pattern]) => [level, new RegExp(pattern.source, 'g')] as const);

/**
 * The whole a figure or an audience covers (全省, 全市, 全区, 全县; not 健全区县, 完全市场化). An
 * entry naming one whole does not answer a question about another (面向全区 is not 面向全省); one
 * naming none may, unless it is about a street or community (see scopeConflict).
 */
const SCOPE = /(?<![健完安齐周保成顾求万])全(省|市|区|县)(?![场别])/g;

function scopesIn(text: string): Set<string> {
  return new Set([...text.matchAll(SCOPE)].map((m) => m[1]));
}

/** A question about others than what it names (除了, 以外, 其他). */
const ABOUT_OTHERS = /除了|以外|之外|其他|其它|别的/;
/** A county or a district (within its city and province), as a county-level city (玉门) is. */
const isCountyLevel = (place: Place) => place.within.length >= 2;

/**
 * Periods a question may name instead of a year: a figure of one period is not another's.
 * 今年 is left out, since members say it of whatever is current.
 */
const PERIODS: Array<[string, RegExp]> = [
  ['去年', /去年/],
  ['前年', /前年/],
  ['明年', /明年|后年|来年/],
  ['上半年', /上半年/],
  ['下半年', /下半年/],
  // 一季度一次 is how often, not the first quarter.
  ['一季度', /(?<!每)(?:第?[一1]|首)季度(?!一?[次回]|(?:召)?开一?[次回])/],
  ['二季度', /第?[二2]季度/],
  ['三季度', /第?[三3]季度/],
  ['四季度', /第?[四4]季度/],
  ['疫情前', /疫情(?:之|以)?前/],
  ['疫情后', /疫情(?:之|以)?后|疫情结束/],
  // A figure a year (一年的运营经费) is not one given once (提供6万元经费).
  ['每年', /每年|每一年|全年|年均|(?<!\d)年度|(?<![哪那下上这同某第前后])一年(?![全两三级])/],
  ['十三五', /十三五/],
  ['十四五', /十四五/],
  ['十五五', /十五五/],
];

/**
 * A cadre's grade with its side (正县级, 副处级): 副县级 and 正县级 are both county level, but a
 * count of deputies does not say how many full-grade cadres there are.
 */
const CADRE_GRADE = /([正副])([省部厅局处县科])级/g;

/** The eight democratic parties: names that tell entries apart as sharply as place names do. */
export const PARTY_NAMES = ['民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '台盟'];
/** The other bodies of the united front, named beside the parties (民主党派和工商联): as sharp. */
export const BODY_NAMES = ['工商联', '侨联', '台联', '妇联', '科协', '文联', '共青团', '工会', '政协', '人大', '无党派'];
/** 民主党派和无党派人士, one set phrase for the parties and those outside them: 无党派 there names no body apart from them. */
const PARTIES_AND_NON_PARTY = /党派(?:人士)?(?:和|、|及|与|以及)?无党派(?:人士)?/g;
/**
 * Departments of party committees and governments other than the united front work department,
 * which the knowledge is about: a question naming one (宣传部副部长) asks about someone else's work.
 * Three characters or more: shorter ones are read across words (平台办的 holds 台办).
 */
export const DEPARTMENT_NAMES = [
  '宣传部', '组织部', '政法委', '纪委监委', '网信办', '外事办', '国家民委', '民宗委', '民宗局', '宗教局', '民政局', '教育局',
  '财政局', '人社局', '公安局', '司法局', '商务局', '科技局', '卫健委', '发改委', '住建局', '文旅局', '统计局', '团市委',
  '公安部门', '公安机关', '财政部门', '省财政', '市财政', '县财政', '区财政',
  // A party school is not the socialist institute (社院) the knowledge speaks of.
  '党校',
];

/** Subject tags that name an event or a kind of thing rather than a place or a brand. */
const GENERIC_TAG = /(活动|片会|会议|地区|城市|单位|工作|部)$/;
const PLACE_SUFFIX = /^(.{2,})(街道|社区|市|县)$/;

export interface EntityProfile {
  numbers: Set<number>;
  /** Numbers written as a lone Chinese digit (三个导向), which an entry may list rather than count. */
  softNumbers: Set<number>;
  /**
   * Estimates (一百二十几个, 200多个, 近30个). A question's agrees with an entry's number in its
   * range or an entry's estimate it overlaps (20余个 against 近30个), and states its own figure (220
   * of 220多). An entry's are its figures written with 余, 多, 来 or 近, also in `numbers`.
   */
  estimates: Array<NumberRange & { value: number }>;
  levels: Set<string>;
  /** For a question, the words around each level it names (see levelsRecalled). */
  levelWords?: Map<string, string[]>;
  /** Wholes named (全省 -> 省): see SCOPE. */
  scopes: Set<string>;
  periods: Set<string>;
  /** Names from the knowledge's tags (parties, streets, subjects) that are not divisions of China. */
  names: Set<string>;
  /** Divisions of China, by stem. */
  places: Map<string, Place>;
}

/**
 * The names worth guarding, derived from the entries' normalised tags: each entry's first tag
 * (its subject, usually the city) when it is a short name, place tags such as 小营街道 with
 * their stem (小营), and the democratic parties.
 */
export function collectEntityNames(tagLists: string[][]): string[] {
  const names = new Set<string>([...PARTY_NAMES, ...BODY_NAMES, ...DEPARTMENT_NAMES]);
  for (const list of tagLists) {
    const tags = list.filter((t) => t.length >= 2);
    const subject = tags[0];
    if (subject && subject.length <= 4 && !GENERIC_TAG.test(subject)) names.add(subject);
    for (const tag of tags) {
      const place = PLACE_SUFFIX.exec(tag);
      if (place && tag.length <= 6) {
        names.add(tag);
        names.add(place[1]);
      }
    }
  }
  return [...names].sort((a, b) => b.length - a.length);
}

export class EntityExtractor {
  /** Names by their first character, for one pass over a text. */
  private readonly byFirstChar = new Map<string, string[]>();
  private readonly places: PlaceFinder;

  /** `knowledge`: every text of the entries, which tells which county stems count as places. */
  constructor(names: string[], knowledge: string[]) {
    this.places = new PlaceFinder(knowledge);
    for (const name of names) {
      const first = name.charAt(0);
      const list = this.byFirstChar.get(first) ?? [];
      list.push(name);
      this.byFirstChar.set(first, list);
    }
  }

  private namesIn(text: string): string[] {
    const found = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      for (const name of this.byFirstChar.get(text.charAt(i)) ?? []) {
        if (text.startsWith(name, i)) found.add(name);
      }
    }
    return [...found];
  }

  /**
   * Entities in a normalised text. For a query, a name that contains another found name is
   * reduced to the shorter one (小营街道 -> 小营), so that entries saying either form agree.
   */
  extract(text: string, isQuery = false): EntityProfile {
    // In a question a place must begin a word, so that no name is read across two words.
    const places = new Map(this.places.find(text, isQuery ? wordStarts(segment(text)) : undefined).map((p) => [p.name, p]));
    const found = this.namesIn(text.replace(PARTIES_AND_NON_PARTY, '党派')).filter((name) => !places.has(name));
    const names = new Set(
      isQuery ? found.filter((name) => !found.some((other) => other !== name && name.includes(other))) : found,
    );
    const levels = new Set<string>();
    // 县级市 says what a county-level city the question names is (需要一个县级市的例子……玉门), not a level it asks
    // about; unless the question asks about others than the place it names (旌阳区以外的县级市).
    const describes = isQuery && [...places.values()].some(isCountyLevel) && !ABOUT_OTHERS.test(text);
    const leveled = describes ? text.replaceAll('县级市', '市') : text;
    for (const [level, pattern] of LEVELS) if (pattern.test(leveled)) levels.add(level);
    const levelWords = isQuery ? wordsAroundLevels(leveled, levels) : undefined;
    for (const [, side, grade] of text.matchAll(CADRE_GRADE)) levels.add(`${side}${grade}`);
    const periods = new Set(PERIODS.filter(([, pattern]) => pattern.test(text)).map(([period]) => period));
    const mentions = numberMentions(text);
    const estimates = mentions.flatMap((m) => (m.range && !m.soft ? [{ ...m.range, value: m.value }] : []));
    const numbers = new Set(mentions.filter((m) => !isQuery || (!m.soft && !m.range)).map((m) => m.value));
    const softNumbers = new Set(mentions.filter((m) => m.soft && isQuery && !numbers.has(m.value)).map((m) => m.value));
    if (!isQuery) for (const digit of looseDigits(text)) numbers.add(digit);
    return { numbers, softNumbers, estimates, levels, ...(levelWords ? { levelWords } : {}), scopes: scopesIn(text), periods, names, places };
  }
}

/** How many characters around a level's word the question must share with a source to be recalling it. */
const RECALLED_RUN = 7;

/** Every run of RECALLED_RUN characters of the text holding each level's word (全国近30个地市 for 全国). */
function wordsAroundLevels(text: string, levels: Set<string>): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const [level, pattern] of LEVELS_EVERYWHERE) {
    if (!levels.has(level)) continue;
    const runs: string[] = [];
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      for (let from = Math.max(0, end - RECALLED_RUN); from <= start && from + RECALLED_RUN <= text.length; from++) runs.push(text.slice(from, from + RECALLED_RUN));
    }
    words.set(level, runs);
  }
  return words;
}

/**
 * The levels a question names in words it shares with the source paragraph an entry's fact comes from
 * (……全国近30个地市的统战部门 for the report opening 全国近30个地市级统战部门……): the member recalls the
 * report, whose event was of that level, and asks about it; not a fact of another level.
 */
export function levelsRecalled(query: EntityProfile, passage: string): Set<string> {
  const recalled = new Set<string>();
  if (!passage || !query.levelWords) return recalled;
  for (const [level, runs] of query.levelWords) if (runs.some((run) => passage.includes(run))) recalled.add(level);
  return recalled;
}

/** Factor for each of the query's entities the candidate lacks, and the lowest the product goes. */
const MISS = { names: 0.45, levels: 0.35, periods: 0.35, numbers: 0.55, places: 0.45 };
const FLOOR = { names: 0.3, levels: 0.3, periods: 0.3, numbers: 0.45, places: 0.3 };
/** The question names places the entry mentions but none it is about (its tags' places). */
const OFF_SUBJECT = 0.8;
/** The question names only the province holding the entry's places (see aboveSubject). */
const ABOVE_SUBJECT = 0.7;
/**
 * A place within one the candidate names (a county or district of its city). The fact may be the
 * city's, but a question naming 绵竹 asks about Mianzhu: a city's figure is at most suggested.
 */
const WITHIN_NAMED = 0.6;
/**
 * A place named only in the answer and not within the entry's own places: 酒泉 in a Yumen
 * entry's "酒泉市政协委员" does not make the entry about Jiuquan.
 */
const PLACE_IN_ANSWER_ONLY = 0.7;
/** A name the candidate mentions only in its answer is weaker evidence. */
const ANSWER_ONLY = 0.85;
/**
 * Factor when a lone-Chinese-digit number of the query is nowhere in the candidate: mild, since
 * members count what an answer lists without saying how many (闭环的四个环节, 哪两个比喻).
 */
const SOFT_NUMBER_MISS = 0.92;

/**
 * Factor for an entity of the query that the candidate names only in the source paragraph its
 * answer comes from (or that source's opening): context the fact was reported in, such as the
 * year or the meeting a long question recalls, not something else asked about. Not for levels
 * (a source names bodies of every level), and for a place only beside a place or name the entry
 * has, or within the entry's place (上城区 for a Hangzhou entry whose paragraph is about 上城区小营):
 * a question naming just 嘉峪关 asks about Jiayuguan, even if a Yumen paragraph mentions it.
 */
const IN_PASSAGE = 0.85;

type Kind = 'names' | 'levels' | 'periods' | 'numbers';

function agreement<T>(wanted: Set<T>, main: Set<T>, answer: Set<T>, passage: Set<T> | undefined, kind: Kind): number {
  return Math.max(missing(wanted, main, answer, passage, kind), FLOOR[kind]);
}

/** The product of the factors for what the candidate lacks of `wanted`, before any floor. */
function missing<T>(wanted: Set<T>, main: Set<T>, answer: Set<T>, passage: Set<T> | undefined, kind: Kind): number {
  let factor = 1;
  for (const item of wanted) {
    if (main.has(item)) continue;
    factor *= answer.has(item) ? (kind === 'names' ? ANSWER_ONLY : 1) : passage?.has(item) ? IN_PASSAGE : MISS[kind];
  }
  return factor;
}

/**
 * A question naming a place its candidate does not name asks about somewhere else, unless the
 * place only locates another place of the question that the candidate names (四川 in 四川德阳).
 */
function placeAgreement(
  wanted: Map<string, Place>,
  main: Map<string, Place>,
  answer: Map<string, Place>,
  subject: Map<string, Place>,
  passage: Map<string, Place> | undefined,
  namesAgree: boolean,
): number {
  let factor = aboutSubject(wanted, subject) ? 1 : aboveSubject(wanted, subject) ? ABOVE_SUBJECT : OFF_SUBJECT;
  const named = (name: string) => main.has(name) || answer.has(name);
  for (const [name, place] of wanted) {
    if (main.has(name)) continue;
    const inside = place.within.some((outer) => main.has(outer));
    if (answer.has(name)) factor *= inside ? 1 : PLACE_IN_ANSWER_ONLY;
    else if ([...wanted.values()].some((other) => named(other.name) && other.within.includes(name))) continue;
    else if (passage?.has(name) && (namesAgree || inside || [...wanted.keys()].some((other) => other !== name && named(other)))) factor *= IN_PASSAGE;
    else factor *= inside ? WITHIN_NAMED : MISS.places;
  }
  return Math.max(factor, FLOOR.places);
}

/**
 * Whether every place the question names holds the entry's subject places (四川 for a Deyang
 * entry): it asks about the province's own work, of which the city's is not the figure.
 */
function aboveSubject(wanted: Map<string, Place>, subject: Map<string, Place>): boolean {
  if (!wanted.size || !subject.size) return false;
  return [...wanted.keys()].every((name) => [...subject.values()].every((place) => place.within.includes(name)));
}

/**
 * Whether a question naming places names the entry's subject place (from its tags) or one within
 * it. An entry about Yumen that mentions 酒泉市政协 hardly answers how many members Jiuquan has;
 * but 襄阳 in "what did Luzhou's speaker say at Xiangyang" names where, not whom.
 */
function aboutSubject(wanted: Map<string, Place>, subject: Map<string, Place>): boolean {
  if (!wanted.size || !subject.size) return true;
  return [...wanted.values()].some((place) => subject.has(place.name) || place.within.some((outer) => subject.has(outer)));
}

/**
 * What an entry's source paragraph can lend it as context (see IN_PASSAGE): its entities, less the
 * parties it names beside the entry's own party: 民建's member home in a paragraph that goes on to
 * 民盟's base is not 民盟's. An entry whose answer counts the parties together (襄阳民主党派56个基层组织)
 * and names none gives their figure, not one party's: the paragraph's 民革 is no context for it.
 * Fixed per entry, so it is worked out once, when the entry is indexed.
 */
export function passageContext(passage: EntityProfile, main: EntityProfile, answer: EntityProfile, answerText = ''): EntityProfile {
  const own = PARTY_NAMES.filter((party) => main.names.has(party) || answer.names.has(party));
  if (!own.length && !PARTIES_TOGETHER.test(answerText)) return passage;
  return { ...passage, names: new Set([...passage.names].filter((name) => !PARTY_NAMES.includes(name) || own.includes(name))) };
}

/** A figure of the parties together (民主党派56个基层组织, 126名民主党派成员), not a mention of them (与各民主党派省委会联系). */
const PARTIES_TOGETHER = /(?:民主党派|各党派)[^，。、；\d]{0,6}\d|\d[^，。、；\d]{0,3}(?:民主党派|各党派)/;

function without<T>(set: Set<T>, item: T): Set<T> {
  if (!set.has(item)) return set;
  const rest = new Set(set);
  rest.delete(item);
  return rest;
}

/**
 * Most entries report a city's work without naming its committee, so a question naming the city's
 * department (德阳市委统战部) needs no entry to name it; but it does not get a fact the entry gives
 * of a district's or county's committee (旌阳区委统战部提供6万元) unless the entry names the city's too.
 */
function bodyConflict(wanted: Set<string>, main: Set<string>, answer: Set<string>): number {
  if (!wanted.has(CITY_BODY)) return 1;
  const has = (level: string) => main.has(level) || answer.has(level);
  return !has(CITY_BODY) && (has('district body') || has('county body')) ? MISS.levels : 1;
}

/**
 * A question about one whole (全省) against an entry naming only others (全区); or, naming none,
 * about a street or community (`local`): 上城区全区的服务清单 is not 小营街道's.
 */
function scopeConflict(wanted: Set<string>, main: Set<string>, answer: Set<string>, local: boolean): number {
  const named = new Set([...main, ...answer]);
  if (!named.size) return local && wanted.size ? MISS.levels : 1;
  return [...wanted].some((scope) => !named.has(scope)) ? MISS.levels : 1;
}

/** The question without these figures: a figure the member asks to have checked need not be the entry's. */
export function withoutFigures(query: EntityProfile, figures: Set<number>): EntityProfile {
  if (!figures.size) return query;
  return {
    ...query,
    numbers: new Set([...query.numbers].filter((n) => !figures.has(n))),
    estimates: query.estimates.filter((e) => !figures.has(e.value)),
  };
}

/** The figures a question states: its numbers, and the figure of each estimate (220 of 220多, as an answer's 220余). */
export function statedNumbers(query: EntityProfile): Set<number> {
  return new Set([...query.numbers, ...query.estimates.map((e) => e.value)]);
}

/**
 * How the question's figures agree with the entry's, its exact numbers (see agreement) and its
 * estimates together, under one floor. An estimate agrees as a number within it would: through a
 * number of the entry's texts in its range or an estimate of theirs it overlaps, or less through
 * its source paragraph's.
 */
function figureAgreement(query: EntityProfile, main: EntityProfile, answer: EntityProfile, passage: EntityProfile | undefined): number {
  let factor = missing(query.numbers, main.numbers, answer.numbers, passage?.numbers, 'numbers');
  const within = (range: NumberRange) => (profile: EntityProfile) =>
    [...profile.numbers].some((n) => inRange(n, range)) || profile.estimates.some((e) => e.from <= range.to && e.to >= range.from);
  for (const range of query.estimates) {
    if ([main, answer].some(within(range))) continue;
    factor *= passage && within(range)(passage) ? IN_PASSAGE : MISS.numbers;
  }
  return Math.max(factor, FLOOR.numbers);
}

function softAgreement(wanted: Set<number>, main: Set<number>, answer: Set<number>): number {
  for (const n of wanted) if (!main.has(n) && !answer.has(n)) return SOFT_NUMBER_MISS;
  return 1;
}

/**
 * Factor in (0, 1] for how well a candidate agrees with the query's numbers, levels and names.
 * `main` holds the entities of the entry's question, similar questions and tags; `answer` those
 * of its answer; `subject` the places of its tags; `local`, whether it is about a street or community
 * the question does not name.
 */
export function entityAgreement(
  query: EntityProfile,
  main: EntityProfile,
  answer: EntityProfile,
  subject: Map<string, Place>,
  passage?: EntityProfile,
  local = false,
  passageText = '',
): number {
  // A name the entry knows as a place (兰州 in 甘肃兰州) is the place it is about.
  const names = [...query.names].some((name) => main.places.has(name) || answer.places.has(name))
    ? new Set([...query.names].filter((name) => !main.places.has(name) && !answer.places.has(name)))
    : query.names;
  return (
    agreement(names, main.names, answer.names, passage?.names, 'names') *
    placeAgreement(query.places, main.places, answer.places, subject, passage?.places, [...query.names].some((name) => main.names.has(name))) *
    agreement(without(query.levels, CITY_BODY), main.levels, answer.levels, levelsRecalled(query, passageText), 'levels') *
    bodyConflict(query.levels, main.levels, answer.levels) *
    scopeConflict(query.scopes, main.scopes, answer.scopes, local) *
    agreement(query.periods, main.periods, answer.periods, passage?.periods, 'periods') *
    figureAgreement(query, main, answer, passage) *
    softAgreement(query.softNumbers, main.numbers, answer.numbers)
  );
}
