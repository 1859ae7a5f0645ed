/**
 * Particulars a question names that a neighbouring fact does not share: one of a series (第二期),
 * the members of a count it states (那13个部门具体是哪几家), a part of the country (东部), a choice
 * it offers (剪纸还是刺绣), the kind of institution it asks which one of (哪家医院). Near misses
 * change such a particular and keep the rest of a fact's wording, so each must be given by an
 * entry for it to answer.
 */
import { BODY_NAMES } from './entities';
import { pairsOf } from './near-misses';
import { normaliseQuestion } from './normalise';
import { ANY_NUMBER, countsIn, DATING, extractNumbers, inRange, MEASURES, NUM, numberMentions, type NumberRange } from './numbers';
import { tagWords } from './segmenter';

export interface ParticularsAsked {
  /** A count the question states and asks the members of: see MEMBERS_ASKED. */
  members?: number;
  /** The forms of each later one of a series the question names (第二期, 第2期): see ORDINAL. */
  ordinals: string[][];
  /** Which item of a list 第N个 may point at (懂统战、会统战，后面还有一个……第三个是什么): N, with the question it is read in. */
  listItem?: ListItemAsked;
  /** Parts of the country the question names: see REGION. */
  regions: string[];
  /** The two choices a question offers: see choicesOffered. */
  choices: string[];
  /** The kind of institution asked which one of: see INSTITUTION_ASKED. */
  institution?: string;
  /** Bodies named with the place they are of (玉门市人大): see placedBodies. */
  placedBodies: PlacedBody[];
  /** The clauses that ask how many of something, normalised; none when one asks how many in all (see COUNT_ASKED). */
  countingClauses: string[];
  /** Counts the question states of a named thing (5个创新试点城市): see statedCounts. */
  statedCounts: StatedCount[];
}

interface StatedCount {
  value: number;
  /** Stated as an estimate (二十余个重点项目): the values it allows. */
  range?: NumberRange;
  measure: string;
  /** Up to four characters after the measure word: the start of what is counted. */
  counted: string;
}

interface PlacedBody {
  place: string;
  body: string;
}

/** 第N个 in a question: N, the question it is read in, and the two characters after it. */
interface ListItemAsked {
  n: number;
  question: string;
  next: string;
}

export interface ParticularsGiven {
  /** The numbers of the answer's clauses that list names (5名成员被法检、教育、审计等部门聘请). */
  listedCounts: Set<number>;
  /** The lists of the answer's clauses (懂统战、会统战、善统战), item by item. */
  lists: string[][];
  /** Parts of the country the entry's texts name, or else its source paragraph (see KnowledgeIndex). */
  regions: Set<string>;
  /** The answer's bodies named with their place (酒泉市人大代表). */
  placedBodies: PlacedBody[];
  /** Items of the answer's lists that are counted only together (see itemsCountedTogether), normalised. */
  countedTogether: string[];
}

/**
 * `question` normalised; `written` with its punctuation, for what a clause's end tells; `asking`, the clause
 * that asks, normalised (不管是哪家出版社印的，……有多少字 asks no publisher).
 */
export function particularsAsked(question: string, written: string, asking = question): ParticularsAsked {
  return {
    members: membersAsked(written),
    ordinals: ordinalsAsked(question),
    listItem: listItemAsked(written),
    regions: regionsIn(question),
    choices: choicesOffered(written),
    institution: INSTITUTION_ASKED.exec(asking)?.[1],
    placedBodies: placedBodies(question),
    countingClauses: countingClauses(written),
    statedCounts: statedCounts(question),
  };
}

/** `answerText` with its punctuation; `all` every text of the entry, normalised. */
export function particularsGiven(answerText: string, all: string): ParticularsGiven {
  return {
    listedCounts: listedCounts(answerText),
    lists: answerText.split(/[，,。；;]/).map((clause) => clause.split('、')).filter((items) => items.length >= 2).map(itemsAlone),
    regions: new Set(regionsIn(all)),
    placedBodies: placedBodies(answerText),
    countedTogether: itemsCountedTogether(answerText),
  };
}

/**
 * How many of the particulars asked an entry does not give. `parts`: a numbered name whose parts
 * are asked (“4个有”是哪四个), which is judged on its own; `written`, every text of the entry.
 */
export function particularsLacking(
  asked: ParticularsAsked & { parts?: string },
  given: ParticularsGiven & { numbers: Set<number>; written: string; answerText: string },
): number {
  const { members } = asked;
  const lacking = [
    members !== undefined && !asked.parts && given.numbers.has(members) && !given.listedCounts.has(members),
    // 第二批还是第三批 names two, of which the entry gives one.
    asked.ordinals.length > 0 &&
      !asked.ordinals.some((forms) => forms.some((form) => given.written.includes(form))) &&
      !(asked.listItem !== undefined && listsItemOf(asked.listItem, given.lists)),
    // An entry naming no part of the country may still be about the one asked; one naming others is not.
    given.regions.size > 0 && asked.regions.some((region) => !given.regions.has(region)),
    asked.institution !== undefined && !given.answerText.includes(asked.institution.slice(-2)),
    asked.choices.length > 0 && !asked.choices.some((choice) => given.written.includes(choice) || given.answerText.includes(choice)),
    // 玉门市人大代表 is not answered by the 酒泉市人大代表 of an answer that names no 玉门 人大.
    asked.placedBodies.some(
      ({ place, body }) =>
        given.placedBodies.some((other) => other.body === body) && !given.placedBodies.some((other) => other.body === body && other.place === place),
    ),
    // 民主监督制度有几条 is not answered by 会议制度、民主监督制度…等8个模块20条具体制度.
    given.countedTogether.some((item) => asked.countingClauses.some((clause) => clause.includes(item))),
    asked.statedCounts.some((stated) => countsOtherwise(stated, given)),
  ];
  return lacking.filter(Boolean).length;
}

/**
 * A count the question states, then asks which they are (那13个政府部门，具体是哪几家; 引进的52个
 * 新品种具体都是哪些作物): an answer giving the count without naming them does not say.
 */
const MEMBERS_ASKED = new RegExp(
  `(${NUM})[余多]?[${MEASURES}名位][^。？?！!]{0,20}?(?:哪[几些两二三四五六七八九十]|(?:分别|都|具体)(?:是|有|指)?(?:什么|哪))`,
);

function membersAsked(written: string): number | undefined {
  const m = MEMBERS_ASKED.exec(written);
  return m ? [...extractNumbers(m[1])][0] : undefined;
}

/**
 * A count the question states of something (西部9省区市有5个创新试点城市，分别是哪5个) that the
 * answer counts otherwise (创新试点城市2个): the question rests on a figure the knowledge does not
 * give, and the answer would state another as if it were the one asked about. What is counted must
 * be written in the answer's clause with its count, by at least its first three characters.
 */
const STATED_COUNT = new RegExp(`(${NUM})[余多]?([${MEASURES}名位])(\\p{Script=Han}{2,4})`, 'gu');
const COUNTED_MIN = 3;

function statedCounts(question: string): StatedCount[] {
  // The count as written before its measure word (二十余), so that 余 and 多 make it an estimate.
  const countOf = (m: RegExpMatchArray) => m[0].slice(0, m[0].length - m[2].length - m[3].length);
  return [...question.matchAll(STATED_COUNT)].flatMap((m) => numberMentions(countOf(m)).slice(0, 1).map(({ value, range }) => ({ value, range, measure: m[2], counted: m[3] })));
}

function countsOtherwise(stated: StatedCount, given: { numbers: Set<number>; answerText: string }): boolean {
  const fits = (n: number) => (stated.range ? inRange(n, stated.range) : n === stated.value);
  if ([...given.numbers].some(fits)) return false;
  const chars = Array.from(stated.counted);
  // 创新试点城市, 创新试点城, 创新试点…: the longest beginning the answer writes, of three characters or more.
  const beginnings = Array.from({ length: chars.length - COUNTED_MIN + 1 }, (_, k) => chars.slice(0, chars.length - k).join(''));
  return given.answerText
    .split(/[，,。；;、]/)
    .some((clause) => beginnings.some((counted) => clause.includes(counted)) && countsIn(clause, stated.measure).some((value) => !fits(value)));
}

/** How many of something a question asks (几条, 多少个); 一共 or 连…在内 asks for all of them. */
const COUNT_ASKED = /多少|几(?!点|乎)/;
const IN_ALL = /一共|总共|共有|总计|合计|加起来|加在一起|总数|在内/;

function countingClauses(written: string): string[] {
  if (IN_ALL.test(written)) return [];
  return written
    .split(/[，,。？?！!；;]/)
    .filter((clause) => COUNT_ASKED.test(clause))
    .map(normaliseQuestion);
}

/** A list of three or more items followed by 等 and a count: 会议制度、…、组织建设制度等8个模块20条具体制度. */
const LIST_THEN_COUNT = new RegExp(`((?:[^，,。；;：:、]+、){2,}[^，,。；;：:、]+?)等(?=${NUM})`, 'g');

/**
 * The items of the answer's lists that are counted only together: a list followed by 等 and a
 * count, whose items state no figure of their own. One of them named in a question asking how many
 * is a count the answer does not give.
 */
function itemsCountedTogether(answerText: string): string[] {
  return [...answerText.matchAll(LIST_THEN_COUNT)].flatMap((m) =>
    m[1]
      .split('、')
      .map((item, i) => (i === 0 ? afterLastVerb(item) : item))
      .filter((item) => !ANY_NUMBER.test(item))
      .map(normaliseQuestion)
      .filter((item) => Array.from(item).length >= 3),
  );
}

/** The words of a list's first item after the verb that opens the list (拟定会议制度: 会议制度). */
function afterLastVerb(item: string): string {
  const words = tagWords(item);
  const verb = words.map(({ tag }) => tag).lastIndexOf('v');
  return words
    .slice(verb + 1)
    .map(({ word }) => word)
    .join('');
}

/**
 * The numbers of an answer's clauses that list at least two names, in the clause itself (5名成员被
 * 法检、教育、审计等部门聘请) or the one after it (形成“4个有”统战功能，即有组织、有阵地…).
 */
function listedCounts(answerText: string): Set<number> {
  const clauses = answerText.split(/[，,。；;]/);
  const lists = clauses.map((clause) => clause.split('、').filter((item) => item && !ANY_NUMBER.test(item.replace(DATING, ''))).length >= 2);
  const listed = new Set<number>();
  clauses.forEach((clause, i) => {
    if (lists[i] || lists[i + 1]) for (const n of extractNumbers(clause)) listed.add(n);
  });
  return listed;
}

/**
 * One of a series (第二期培训, 第3批项目, 第二辑, 第二季, 二期扩建): an entry about the first, or about
 * the series without naming this one, does not answer it. The first (第一期) is often written 首期, so only
 * later ones are read.
 */
const ORDINAL = /第([二三四五六七八九十]|\d+)([期辑版届批轮次个季])|(?<![第\d一二三四五六七八九十])([二三四五六七八九])(期)(?=扩建|工程|项目|建设)/g;
const CHINESE_DIGITS = '〇一二三四五六七八九十';

function listItemAsked(question: string): ListItemAsked | undefined {
  const m = /第([二三四五六七八九十]|\d+)个(\p{Script=Han}{0,2})/u.exec(question);
  return m ? { n: /\d/.test(m[1]) ? Number(m[1]) : CHINESE_DIGITS.indexOf(m[1]), question, next: m[2] } : undefined;
}

/** The share of an item's character pairs the question must hold for the member to be reciting it. */
const RECITED_SHARE = 0.6;

/** Whether an answer lists at least the item asked, in a list the member recites from (懂统战、会统战，……第三个是什么). */
function listsItemOf({ n, question, next }: ListItemAsked, lists: string[][]): boolean {
  const hanOf = (item: string) => item.replace(/[^\p{Script=Han}]/gu, '');
  // 第二个民主党派制度建设年 is another of an item the answer lists, not the list's second item.
  if (next.length === 2 && lists.some((items) => items.some((item) => hanOf(item).startsWith(next)))) return false;
  const recited = (item: string) => {
    const pairs = [...pairsOf(hanOf(item))];
    return pairs.length > 0 && pairs.filter((pair) => question.includes(pair)).length >= RECITED_SHARE * pairs.length;
  };
  return lists.some((items) => items.length >= n && items.some(recited));
}

/** A list's items without the words that lead into the first (确保一线统战工作者懂统战、会统战: 懂统战, 会统战). */
function itemsAlone(items: string[]): string[] {
  const [first, second, ...rest] = items;
  return [Array.from(first).slice(-Array.from(second).length).join(''), second, ...rest];
}

function ordinalsAsked(question: string): string[][] {
  // 头一个讲……第二个讲…… points at the items of a list, in order, not at one of a series.
  if (/头一|第一/.test(question)) return [];
  return [...question.matchAll(ORDINAL)].map(([whole, n1, m1, n2, m2]) => {
    const [n, measure] = n1 ? [n1, m1] : [n2, m2];
    const value = /\d/.test(n) ? Number(n) : CHINESE_DIGITS.indexOf(n);
    const other = /\d/.test(n) ? (value <= 10 ? CHINESE_DIGITS[value] : n) : String(value);
    return [whole, `第${n}${measure}`, `第${other}${measure}`];
  });
}

/**
 * The two choices a question ends a clause with (教的是哪门手艺，剪纸还是刺绣; 按月还是按季): the
 * two characters each side of 还是. An answer that writes neither speaks of something else.
 */
function choicesOffered(written: string): string[] {
  const m = /(\p{Script=Han}{2})还是(\p{Script=Han}{2})(?=[呢吗嗎啊呀的？?，,。！!]|$)/u.exec(written);
  // Figures offered (一万还是两万) are checked as figures, by the entries giving one of their kind (see offeredFigures).
  return m && !(FIGURE_FIRST.test(m[1]) && FIGURE_FIRST.test(m[2])) ? [m[1], m[2]] : [];
}

const FIGURE_FIRST = /^[一二两三四五六七八九十百千]/;

/**
 * Which institution of a kind did something (哪家医院的医生, 哪个党校挂的牌, 哪个商会牵头): an
 * answer naming no institution of that kind names another party to it.
 */
const INSTITUTION_ASKED = /哪一?[家个所座](医院|党校|律师事务所|律所|宾馆|酒店|饭店|会场|商会|大学|学校|银行|报社|出版社|电视台)/;

/**
 * Bodies of the united front named after the place they belong to (玉门市人大代表, 酒泉市政协委员,
 * 旌阳区政协): a member of one place's body is not a member of another's. Places are the words
 * jieba tags as such; a level alone (省人大代表) names no place.
 */
const LEVEL_WORD = /^[省市县区]$/;

function placedBodies(text: string): PlacedBody[] {
  const words = tagWords(text);
  const found: PlacedBody[] = [];
  words.forEach(({ word, tag }, i) => {
    if (tag !== 'ns') return;
    const next = words[i + 1] && LEVEL_WORD.test(words[i + 1].word) ? words[i + 2] : words[i + 1];
    // jieba may join the level to the body (襄阳 市妇联).
    const named = next?.word.replace(/^[省市县区]/, '');
    const body = named && BODY_NAMES.find((name) => named.startsWith(name));
    if (body) found.push({ place: word.replace(/[省市县区]$/, ''), body });
  });
  return found;
}

/**
 * Parts of the country (东部地区, 东北片会, 华东): a question about one is not answered by another's
 * fact. 西南 and 西北 are left out: they lie within 西部.
 */
const REGION = /东部|西部|中部|东北|华东|华南|华北|华中|东南/g;

export function regionsIn(text: string): string[] {
  return [...new Set([...text.matchAll(REGION)].map((m) => m[0]))];
}
