/**
 * What kind of fact a question asks for (a count, an amount, a date, a district, a person, a
 * title) and whether an entry's answer can supply it. A question asking "how many people" is
 * not answered by an entry whose answer holds no head count, however alike the wording: this
 * is what turns away questions about details the sources do not give.
 */
import { compactText, normaliseText } from '../../common/text';
import { isLongQuestion, withoutSelfDescription, withoutToldFew, withPausesMarked } from './asking';
import { DETAILS, QUESTION_WORD, TITLES } from './details';
import { BODY_NAMES, DEPARTMENT_NAMES, PARTY_NAMES } from './entities';
import { ANY_NUMBER, COUNTS, DATING, extractNumbers, MEASURES, NUM } from './numbers';
import { type ParticularsAsked, particularsAsked, particularsGiven, particularsLacking, type ParticularsGiven } from './particulars';
import { normaliseQuestion } from './normalise';
import { partOfWholeAsked, partsAsked, partsGiven } from './parts';
import { askedQuantity, FAMILY_IN_ANSWER, MISSING_FACT, OTHER_KIND, type Quantity, quantityAgreement, TIMES_MEASURE } from './quantities';
import { namesPerson } from './person-names';
import { tagWords, wordStarts } from './segmenter';

export interface QuestionNeeds extends ParticularsAsked {
  quantity?: Quantity;
  /** What a count asks the number of (多少个民主党派 -> 民主党派), when the question names it. */
  counted?: string;
  /** The noun of `counted` (see nounCounted). */
  countedNoun?: string;
  date?: boolean;
  /** A month asked (哪个月印发的): a season or a year does not say it. */
  month?: boolean;
  clock?: boolean;
  place?: 'district' | 'county' | 'city';
  who?: boolean;
  /** What "who" is asked to have done (谁带头学: 带头学), which an answer writing it of someone (领导干部带头学) says. */
  whoDoes?: string;
  /** Titles asked about, with 副 when the question says it (部长 vs 副部长). */
  ranks: string[];
  /** Details members often ask that an answer either states or does not (see DETAILS). */
  details: string[];
  /** A numbered name whose parts the question asks for (“三个带头”具体是哪三个). */
  parts?: string;
  /** A part named of a numbered whole that its name does not write (see partOfWholeAsked). */
  partNamed?: string;
}

export interface AnswerFacts extends ParticularsGiven {
  /** 'any' when the answer states a number, plus the families and counts it states. */
  units: Set<Quantity>;
  /** The numbers the answer states. */
  numbers: Set<number>;
  /** The words right after each count of the answer (126名 -> 民主党派成员…): what it counts. */
  countedAfter: string[];
  /** `countedAfter` cut into words and tagged by jieba, phrase by phrase. */
  countedWords: Array<Array<{ word: string; tag: string }>>;
  /** The nouns (jieba's n) of `countedAfter`. */
  countedNouns: string[];
  date: boolean;
  month: boolean;
  clock: boolean;
  places: Set<'district' | 'county' | 'city'>;
  who: boolean;
  ranks: Set<string>;
  details: Set<string>;
  /** The answer with its punctuation, for what can only be checked against the question (see partsGiven). */
  answerText: string;
  /** Every text of the entry, normalised. */
  written: string;
}

/** 后面几句是什么, 那几个指的啥: which they are is asked, of a few the member knows of (normalising drops the 是什么). */
const WHICH_OF_FEW = new RegExp(`几[${MEASURES}句]?(?:分别|都|又|具体)?(?:是|指|叫)(?:的)?(?:什么|啥|哪)`);
const ORDINAL_IN_ANSWER = /首[个家批届]|第[一二三四五六七八九十\d]/;
/** A rank (第二批, 第3名); 第三届 and 第3次 also count how many were held, and stay counts. */
const ORDINAL_FIGURE = new RegExp(`第${NUM}(?=[批个名位项家所])`, 'g');
/** 谁 asking who did it; not "for whom" (给谁, 为谁, 服务谁), which asks about beneficiaries. */
const WHO = '(?<![给为对向帮]|服务)谁';
/** "Who did it"; not 由谁组成 either, which asks what kinds of people. */
const ASK_WHO = new RegExp(`${WHO}(?!组成)|哪位`);
/** The two or three characters after 谁 (谁带头学), what the person asked about did. */
const WHO_DOES = new RegExp(`${WHO}(\\p{Script=Han}{2,3})`, 'u');
/** An entry that can say who: it is asked "who" itself, or its answer names an office holder. */
const WHO_IN_ENTRY = /谁|哪位|哪个单位|哪些单位|什么人/;
/** Bodies an answer may name as the one who did something (九三学社酒泉市委会, 商会, 市财政); not 统战部, which most answers name as context. */
const BODY_IN_ANSWER = new RegExp(['委员会', '委会', '学社', '协会', '商会', '联合会', ...PARTY_NAMES, ...BODY_NAMES, ...DEPARTMENT_NAMES].join('|'));
/** Also the time something is done by (完成时间, 截止日期): 有没有定完成时间 asks for it. */
const ASK_DATE = /什么时候|哪年|哪一年|几月|几号|哪一?个月|什么月份|什么年份|哪一?天|几日|什么日子|具体日期|(?:完成|截止|启动|结束|建成|竣工|上线)的?(?:时间|时限|日期)/;
/** 几点 asks the time of day (几点开门), not how many points (几点要求, 做到哪几点). */
const ASK_CLOCK = /(?<!哪)几点(?:钟|开|关|到|上|下|结束|营业|$)|营业时间|开放时间|开门时间|关门时间|周几|星期几|礼拜几/;
const ASK_PLACE: Array<[RegExp, 'district' | 'county' | 'city']> = [
  // Inside something (党员之家里面有哪些区), 区 are its areas, not districts.
  [/(?<!(?:里面|里头|里边|内部|之家)(?:是|都)?(?:有|分了?|设了?|分成|设有)?)(?:哪个区|哪一个区|什么区|哪些区)/, 'district'],
  [/哪个县|哪一个县|什么县|哪些县/, 'county'],
  [/哪个城市|哪个市|哪座城市|哪些城市/, 'city'],
];

/** A question about the whole country is not answered by a city's practice. */
const NATIONAL_SCOPE = /我国|全国|中国|国家/;
const NATIONAL_IN_ENTRY = /全国|中国|我国|国家|中央/;

const ASK_MONTH = /几月|哪一?个?月|什么月份/;
const MONTH_IN_ANSWER = /\d+月|[一二三四五六七八九十]+月|月[底初中]|年[底初]|[上下]旬|春节|国庆|元旦/;
const DATE_IN_ANSWER = /\d{4}年|\d+月|\d+日|[去今前]年|年底|年初|年中|[一二三四五六七八九十]+月|季度|每年/;
const CLOCK_IN_ANSWER = /\d+[点时]|[上下]午|周[一二三四五六日末]|工作日|全天/;
// "X区" names a district unless it is one of the common nouns ending in 区 (地区, 社区, 景区, 阅览区...).
const PLACE_IN_ANSWER: Record<'district' | 'county' | 'city', RegExp> = {
  district: /\p{Script=Han}(?<![地城省社景园览流动能街辖片])区(?!市|县)/u,
  county: /\p{Script=Han}(?<![市区])县/u,
  city: /\p{Script=Han}(?<![城省区全各本地])市/u,
};

function ranksIn(text: string): string[] {
  const found: string[] = [];
  for (const title of TITLES) {
    let from = 0;
    let at: number;
    while ((at = text.indexOf(title, from)) >= 0) {
      found.push(text.charAt(at - 1) === '副' ? `副${title}` : title);
      from = at + title.length;
    }
  }
  return found;
}

const COUNT_WITH_PEOPLE = new RegExp(`${NUM}[余多]?[${MEASURES}名位人]`, 'g');

/** The noun a count asks about: the Han characters after 多少个/几名, up to a particle or the end. */
const COUNTED = new RegExp(`(?:多少|几)[${MEASURES}名位人]((?:(?![的了呢吗啊呀哈啦哦嘛吧是有在和与及])\\p{Script=Han}){2,6})`, 'u');

/**
 * Or the noun before the count, after the whole it is part of (人士里网络大V有多少个): the
 * characters from a 里, 中 or 的 up to 有多少 or 有几, when there are two to six of them.
 */
const COUNTED_BEFORE = new RegExp(
  `(?:里|中|的)((?:(?![里中的])[\\p{Script=Han}A-Za-z]){2,6}?)(?:一共|总共|共|大概|大约|到底)?(?:有(?:多少|几)(?:[${MEASURES}名位人]|(?:平方米?|平米|亩))?|有?(?:多大面积|面积多大|多大))$`,
  'u',
);

/**
 * Divisions below a city counted by one character (对口联系了几个县, 覆盖多少个村): what the answer's
 * figures must count. 省, 市 and 区 are left out: answers count them before the figure (城市由15个
 * 增加到49个), in lists (襄阳市、哈尔滨市) and in 省区市.
 */
const DIVISIONS = '县乡镇村';
const COUNTED_DIVISION = new RegExp(`(?:多少|几)个([${DIVISIONS}])(?![\\p{Script=Han}])`, 'u');
/** The divisions a count of an answer counts, written together (25个乡镇, 3个县（市、区）). */
const DIVISIONS_COUNTED = /^[（(]?[省市县区乡镇村、）)]+/;
/** A division counted by a figure without a measure (12县). */
const DIVISION_AFTER_FIGURE = new RegExp(`\\d[余多]?[${DIVISIONS}]`, 'g');

function countedNoun(question: string): string | undefined {
  return COUNTED.exec(question)?.[1] ?? COUNTED_BEFORE.exec(question)?.[1] ?? COUNTED_DIVISION.exec(question)?.[1];
}

/**
 * Whether the counted noun (多少家企业: 企业) is a noun the entry never writes, not even one of
 * its character pairs, nor counts a word with its head: its figures count something else (“4个有”).
 * What follows 多少人 may be a verb (多少人去看过), which says nothing of what is counted.
 */
function countedMissing(needs: QuestionNeeds, facts: AnswerFacts): boolean {
  const noun = needs.countedNoun;
  if (!needs.quantity || !noun) return false;
  const chars = Array.from(noun);
  // A division (几个县) is counted where a figure of the answer counts it (45个村（社区）, 25个乡镇).
  if (chars.length === 1) {
    const counts = (after: string) => DIVISIONS_COUNTED.exec(after)?.[0].includes(noun);
    return !facts.countedAfter.some(counts) && !facts.answerText.match(DIVISION_AFTER_FIGURE)?.some((figure) => figure.endsWith(noun));
  }
  // A compound ends in its head: 小项 is counted by 10个子项目 (a noun holding 项; not 就业, a verb).
  const head = chars[chars.length - 1];
  if (facts.countedNouns.some((word) => word.includes(head))) return false;
  return chars.slice(1).every((c, i) => !facts.written.includes(chars[i] + c));
}

/**
 * The noun of a counted phrase: the phrase when it begins with one, or the noun that ends it when a
 * verb qualifies it (多少家入驻企业: 企业); none of one character but a division (县, 村).
 */
function nounCounted(counted: string): string | undefined {
  if (Array.from(counted).length === 1 && DIVISIONS.includes(counted)) return counted;
  const words = tagWords(counted);
  if (words[0]?.tag.startsWith('n')) {
    // The nouns it begins with (人受聘去给政法: 人; 活动空间): a verb after them starts what they did.
    const end = words.findIndex(({ tag }) => !tag.startsWith('n') && tag !== 'vn');
    const noun = (end < 0 ? words : words.slice(0, end)).map(({ word }) => word).join('');
    return Array.from(noun).length >= 2 ? noun : undefined;
  }
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return last?.tag === 'n' && Array.from(last.word).length >= 2 ? last.word : undefined;
}

/**
 * Whether the answer counts something else that the asked noun only qualifies: 126名民主党派成员
 * counts members, not parties (jieba reads a noun right after the asked one).
 */
function countsSomethingElse(counted: string, facts: AnswerFacts): boolean {
  const phrases = facts.countedWords.filter((_, i) => facts.countedAfter[i].startsWith(counted));
  if (!phrases.length) return false;
  return phrases.every((words) => {
    // The asked noun must end at a word of the answer, and a noun must follow it: two nouns, the
    // first qualifying the second (民主党派 成员); not 学习 计划, an activity's plan.
    const next = [...wordStarts(words.map(({ word }) => word))].indexOf(counted.length);
    return next > 0 && words[next - 1].tag.startsWith('n') && words[next].tag === 'n';
  });
}

/** A clause asking which they are of a count before it (有几个党派，分别是哪些): that count is asked too. */
const REFERS_BACK = /分别|哪些|都是|都叫|都有|各是|各叫/;

/**
 * Whether the question tells of a few of something (参加过几回, 所里有几位律师) in an asking clause
 * before the last, which asks with another word than 几 or 多少: there 几 says "a few".
 */
function toldSeveral(clauses: string[]): boolean {
  const last = clauses.at(-1) ?? '';
  return clauses.length >= 2 && !/几|多少/.test(last) && !REFERS_BACK.test(last) && clauses.slice(0, -1).some((clause) => clause.includes('几'));
}

/** The clauses of a question that hold a question word (哪些, 多少, 吗…): where it asks, not its context. */
export function askingClausesOf(asked: string): string[] {
  return normaliseText(withPausesMarked(withoutToldFew(asked)))
    .split(/[，,。？?！!；;]/)
    .filter((clause) => QUESTION_WORD.test(clause));
}

/**
 * The counted phrase cut where the question as written ends its clause (几个标准，我记得小营…:
 * 标准): its longest beginning written there. A phrase reworded by normalisation is kept whole.
 */
function withinClause(counted: string | undefined, written: string, question: string): string | undefined {
  if (!counted) return counted;
  const chars = Array.from(counted);
  // Counted after the count (几类、总数多少: 总数 is not what 几类 counts), its beginning must follow a count as written.
  const follows = COUNTED.exec(question)?.[1] === counted;
  const afterCount = (prefix: string) => new RegExp(`(?:多少|几)[${MEASURES}名位人]${prefix}`, 'u').test(written);
  for (let k = chars.length; k > 0; k--) {
    const prefix = chars.slice(0, k).join('');
    if (!written.includes(prefix)) continue;
    if (!follows || afterCount(prefix)) return prefix;
  }
  return follows && written.includes(chars[0]) && !afterCount(chars[0]) ? undefined : counted;
}

/** What a normalised question asks for; `asked`, the question as written, for what punctuation tells. */
/**
 * What a question (`question`, normalised; `asked`, as written) needs of an answer. `long`: whether the
 * whole message is long, telling a story before it asks, though `asked` may be only its asking clause.
 */
export function questionNeeds(
  question: string,
  asked?: string,
  normalise: (text: string) => string = normaliseQuestion,
  long = isLongQuestion(asked ?? question),
): QuestionNeeds {
  const clauses = asked === undefined ? [] : askingClausesOf(asked);
  const asking = clauses.join('，');
  const written = asked === undefined ? question : normaliseText(asked);
  // 参加过几回读书分享，…具体是哪四个: a few of something is told, not asked.
  const told = toldSeveral(clauses);
  // A long question tells a story before it asks (我之前在公众号上看到过，……叫什么): the details it asks for are where it asks.
  const detailSpan = clauses.length && long ? clauses.map(normalise).join(' ') : question;
  // The measure asked is read past what the member says of themselves (我这个岁数了，记不住): 德阳陈列馆的建筑面积，……你能告诉我吗 still asks an area.
  const measureSpan = asked !== undefined && long ? normalise(withoutSelfDescription(asked)) || question : question;
  const counted = told ? undefined : asked === undefined ? countedNoun(question) : withinClause(countedNoun(question), written, question);
  return {
    parts: asked === undefined ? undefined : partsAsked(asked),
    partNamed: asked === undefined ? undefined : partOfWholeAsked(asked),
    // Ranks of the corrected question (付部长 is 副部长), where it asks: 主任让我学… is the member's context.
    ranks: ranksIn(question).filter((rank) => !asking || asking.includes(rank.slice(-2))),
    quantity: told || WHICH_OF_FEW.test(written) ? undefined : askedQuantity(measureSpan),
    counted,
    countedNoun: counted && nounCounted(counted),
    date: ASK_DATE.test(question),
    month: ASK_MONTH.test(question),
    clock: ASK_CLOCK.test(question),
    place: ASK_PLACE.find(([pattern]) => pattern.test(question))?.[1],
    who: ASK_WHO.test(question),
    whoDoes: WHO_DOES.exec(question)?.[1],
    ...particularsAsked(question, written, clauses.length ? normalise(clauses[clauses.length - 1]) : question),
    details: [
      ...DETAILS.filter((d) => d.asks?.test(detailSpan) || d.asksInClause?.test(asking) || d.asksInText?.test(written)).map((d) => d.name),
      ...(NATIONAL_SCOPE.test(question) ? ['national'] : []),
    ],
  };
}

/**
 * The facts an entry can supply; `answer` is its normalised answer, `all` every text of it.
 * `namesPlace` says whether the answer names a known place (which answers "which city").
 */
export function answerFacts(answer: string, all: string, namesPlace: boolean, answerText = answer): AnswerFacts {
  // The answer with its punctuation, which lists and clause ends are read from.
  const punctuated = normaliseText(answerText);
  const units = new Set<Quantity>();
  const quantities = answer.replace(DATING, '');
  if (ANY_NUMBER.test(quantities)) units.add('any');
  // 第二批 ranks a project, it counts nothing: an answer giving only that says no 多少个 or 多少人.
  const counted = quantities.replace(ORDINAL_FIGURE, '第');
  // A family's figure is a figure, though NUM alone may not read it (三年).
  for (const [family, pattern] of FAMILY_IN_ANSWER) if (pattern.test(counted)) units.add(family).add('any');
  for (const m of counted.matchAll(COUNTS)) units.add(`count:${m[2]}`).add('count');
  if (units.has('people')) units.add('count');
  if (/\d{6,}/.test(answer)) units.add('phone');
  if (ORDINAL_IN_ANSWER.test(answer)) units.add('ordinal');
  const places = new Set<'district' | 'county' | 'city'>();
  for (const [kind, pattern] of Object.entries(PLACE_IN_ANSWER) as Array<[keyof typeof PLACE_IN_ANSWER, RegExp]>) {
    if (pattern.test(answer)) places.add(kind);
  }
  if (namesPlace) places.add('city');
  const counts = countedAfter(punctuated);
  const countedWords = counts.map(tagWords);
  return {
    units,
    numbers: extractNumbers(answer),
    countedAfter: counts,
    countedWords,
    countedNouns: countedWords.flatMap((words) => words.filter(({ tag }) => tag === 'n').map(({ word }) => word)),
    date: DATE_IN_ANSWER.test(answer),
    month: MONTH_IN_ANSWER.test(answer),
    clock: CLOCK_IN_ANSWER.test(answer),
    places,
    who: WHO_IN_ENTRY.test(all) || ranksIn(answer).length > 0 || BODY_IN_ANSWER.test(answer),
    ranks: new Set(ranksIn(all)),
    details: new Set([
      ...DETAILS.filter((d) => d.gives.test(answer) || d.givesInText?.test(punctuated)).map((d) => d.name),
      ...(NATIONAL_IN_ENTRY.test(all) ? ['national'] : []),
      ...(namesPerson(answer) ? ['person'] : []),
      // A place named says where a meeting was held (深圳会议 held in 深圳) as a hall does.
      ...(namesPlace ? ['venue'] : []),
    ]),
    answerText: punctuated,
    written: all,
    ...particularsGiven(punctuated, all),
  };
}

/**
 * What each count of an answer counts: the words after it, up to a punctuation mark (25个乡镇（街道）:
 * 乡镇; the bracket gives another name for the same thing, not a noun it qualifies).
 */
function countedAfter(answerText: string): string[] {
  return [...answerText.matchAll(COUNT_WITH_PEOPLE)].map((m) =>
    compactText(answerText.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 12).split(/[\p{P}\s]/u)[0]),
  );
}

/** Factor applied for each kind of fact asked for that the answer does not hold. */

/**
 * Whether an answer naming the counted noun gives a figure beside it, in a clause naming it or its
 * last two characters (政府部门 in 13个政府工作部门): 设有…和会议活动区，建筑面积220余平方米
 * names the room but measures the whole house.
 */
function figureBeside(counted: string, facts: AnswerFacts): boolean {
  if (!tagWords(counted)[0]?.tag.startsWith('n') || !facts.answerText.includes(counted)) return true;
  const head = counted.slice(-2);
  return facts.answerText
    .split(/[，,。；;：:]/)
    .some((clause) => (clause.includes(counted) || clause.includes(head)) && ANY_NUMBER.test(clause.replace(DATING, '')));
}

/** People an answer may name by what they are rather than by name (领导干部, 统战对象, 党外人士). */
const PEOPLE_OF_A_KIND = /(?:干部|党员|成员|会员|委员|代表|人士|群众|居民|专家|志愿者|对象|同志)$/;

/** Whether an answer writes of people of a kind doing what "who" asks about (领导干部带头学 for 谁带头学). */
function doneBySomeone(done: string | undefined, answer: string): boolean {
  if (!done) return false;
  for (let at = answer.indexOf(done); at > 0; at = answer.indexOf(done, at + 1)) {
    if (PEOPLE_OF_A_KIND.test(answer.slice(0, at))) return true;
  }
  return false;
}

export function factsAgreement(needs: QuestionNeeds, facts: AnswerFacts, queryNumbers: Set<number>): number {
  let factor = 1;
  // 几次片会 counts meetings, which an answer counts with 个 (4个片会).
  const { counted } = needs;
  const countsEvents = needs.quantity === `count:${TIMES_MEASURE}` && counted !== undefined && facts.countedAfter.some((after) => after.startsWith(counted));
  if (needs.quantity) factor *= quantityAgreement(countsEvents ? 'count' : needs.quantity, facts, queryNumbers);
  if (needs.quantity && needs.counted && !figureBeside(needs.counted, facts)) factor *= OTHER_KIND;
  if (needs.counted && (countsSomethingElse(needs.counted, facts) || countedMissing(needs, facts))) factor *= OTHER_KIND;
  if (needs.date && !(needs.month ? facts.month : facts.date)) factor *= MISSING_FACT;
  if (needs.clock && !facts.clock) factor *= MISSING_FACT;
  if (needs.place && !facts.places.has(needs.place)) factor *= MISSING_FACT;
  if (needs.who && !facts.who && !doneBySomeone(needs.whoDoes, facts.answerText)) factor *= MISSING_FACT;
  if (needs.ranks.some((rank) => !facts.ranks.has(rank))) factor *= MISSING_FACT;
  for (const detail of needs.details) if (!facts.details.has(detail)) factor *= MISSING_FACT;
  if (needs.parts && !partsGiven(needs.parts, facts.answerText)) factor *= MISSING_FACT;
  if (needs.partNamed && !facts.written.includes(needs.partNamed)) factor *= MISSING_FACT;
  factor *= Math.pow(MISSING_FACT, particularsLacking(needs, facts));
  return factor;
}
