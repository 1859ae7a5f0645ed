/**
 * Figures asked and given: which kind of quantity a question asks for (a head count, an amount, an
 * area, a count in some measure word), whether an answer gives one of that kind, and the figures a
 * member states with their measure (两百六十多人, 二十个子项目), which a check of a figure is about.
 */
import type { AnswerFacts } from './question-type';
import { clausesOf } from './asking';
import { ASKS_ACCOUNT, QUESTION_WORD } from './details';
import { normaliseQuestion } from './normalise';
import { MEASURES, NUM, numberMentions, parseChineseNumeral } from './numbers';

/** A quantity family, or `count:X` for a count in measure word X (篇, 场, 个...). */
export type Quantity = string;

/** A family's unit, and how an answer writes a figure before it. */
const FIGURE = `${NUM}万?[余多]?万?`;
const FAMILIES: Array<[Quantity, string, string]> = [
  ['people', '(?:人次|人|名|位)', FIGURE],
  ['money', '(?:万元|元|块钱)', FIGURE],
  ['area', '(?:平方米|平米|亩)', FIGURE],
  ['age', '(?:岁)', FIGURE],
  ['duration', '(?:个月|小时|天|周|年)', FIGURE],
  // A score (打了多少分); not 分钟, 几分之几 or 分别. It is written in digits: 十分 is "very".
  ['score', '(?:分)(?![钟之别会])', '\\d(?:\\.\\d+)?'],
];
const FAMILY_UNITS = FAMILIES.map(([family, unit]) => [family, new RegExp(`^${unit}$`)] as const);
export const FAMILY_IN_ANSWER = [
  ...FAMILIES.map(([family, unit, figure]) => [family, new RegExp(`${figure}${unit}`)] as const),
  // Years in Chinese digits (三年打造品牌), which NUM leaves to dates.
  // Not a date written in Chinese digits (二〇二三年) nor 一年一度.
  ['duration', /(?<![〇零\d一二两三四五六七八九十])[一二两三四五六七八九十]+年(?!一度|[级代度])/] as const,
  // A head count written before the people it counts (140万新的社会阶层人士, normalised 140万新阶层).
  ['people', new RegExp(`${FIGURE}[^，。、；,;\\d]{0,8}?(?:人士|成员|会员|党员|社员|盟员|干部|代表|新阶层)`)] as const,
];
const ASK_QUANTITY = new RegExp(
  `(?:多少|几(?!点)|多大)(?:万)?(平方米|平米|亩|人次|个人|人|名|位|钱|元|块|岁|个月|小时|天|周|分(?![钟之别会])|[${MEASURES}])?`,
);

/** 个 is the general measure word: "多少个" asks for a count of anything, but not for an amount of money. */
const GENERAL_MEASURE = '个';
/** 次 counts how often something happens: 20个 documents does not say how many times a body meets. */
export const TIMES_MEASURE = '次';
/** 份 counts papers of any kind: 多少份议案 is answered by 40余篇. 篇 and 件 may count different papers (40余篇 submitted, 18件 supervised). */
const ANY_PAPER = '份';
const PAPERS = ['篇', '件'];
const LATER_QUESTION = /哪个|哪些|哪一|什么|谁|怎么/;
/** 多少新阶层人士 counts people; 多少新阶层片会, 多少成员单位 and 多少党员之家 count what the people word describes. */
const PEOPLE_COUNTED = /^[^，。？?！!\d]{0,6}?(?:人士|成员|会员|党员|社员|盟员|干部|新阶层)(?!片会|城市|项目|单位|之家|企业|实践|创新|组织|基地|工作|联谊|服务|活动|队伍|团|站|中心|人士)/;

const ASK_MONEY = /价格|报名费|工资/;
const MONEY_WORDS = /钱|经费|资金|奖金|奖励|费|元|财政|补助|补贴|拨款/;
/** 多大一块, 多大的地方: how big a place is, as its area; 多大年纪 and 多大规模 ask otherwise. */
const ASK_AREA = /面积|占地|多大(?:一?块|的?地方|的?场地|的?空间)/;
const ASK_PHONE = /电话|热线|手机号|联系方式/;
const ASK_AGE = /年龄|岁数|几岁|多少岁/;
/** How many years (多少年换一届, 建了几年); not 近几年, 哪几年 or 前几年, which say when, nor 几年级 or 多少年轻干部. */
const ASK_YEARS = /(?<![近这那前头后最哪])(?:多少|几)年(?![级前代度轻青])|第几年/;
/** A rank in some order (排第几, 第几个, 排老几), which an answer gives as 首个 or 第三. */
const ASK_ORDINAL = /第几|第多少|排老几/;

/** A figure stated with its measure (二十个子项目, 两百六十多人, 五百平方米, 20万): a number in a name (十九大, 5G) has none. */
const MEASURE = `(?:平方米|平米|亩|人次|个人|万元|元|岁|[名位人${MEASURES}])`;
const FIGURE_WITH_MEASURE = new RegExp(`(?:${NUM})[余多来]?(?=[万亿]|${MEASURE})((?:万|亿)?${MEASURE}?)`, 'gu');
/** Years (2019届, 2018年) say which fact is meant, whatever the measure after them. */
const YEARS = { from: 1900, to: 2100 };

export interface MeasuredFigure {
  value: number;
  /** The kind of quantity it is, as 多少 with its measure would ask (两百六十多人: people). */
  quantity: Quantity | undefined;
}

/** How far after a figure the thing it counts is looked for. */
const COUNTED_WORDS = 8;

/** The figures a normalised text states with a measure, years aside. */
export function measuredFigures(text: string): MeasuredFigure[] {
  return figuresIn(text).map(({ value, quantity }) => ({ value, quantity }));
}

/** The quantity of a month or a day a text dates something by (6月17号, 十二月八日). */
export const DAY_OF_YEAR = 'date';
const DATE_PART = /(\d{1,2}|[一二三四五六七八九十]{1,3})(?=月|日|号|號)/g;

/** The months and days a normalised text dates something by, as figures (6月17号: 6 and 17; 8号到9号: 8 and 9). */
export function datedFigures(text: string): MeasuredFigure[] {
  return [...text.matchAll(DATE_PART)].flatMap(([, written]) => {
    const value = /\d/.test(written) ? Number(written) : parseChineseNumeral(written);
    return value === null ? [] : [{ value, quantity: DAY_OF_YEAR }];
  });
}

/** A figure with the values it allows (二十多万: 200000 to 299999) and the word it counts, if one follows (60多名教师: 教师). */
interface FigureRead extends MeasuredFigure {
  from: number;
  to: number;
  counts: string;
  /** Written as two numbers (一两百, 二三十, 三五场): an estimate read as neither. */
  rough: boolean;
  /** The figure with its measure as the text writes it (70万人次). */
  written: string;
  /** Said as a bound or a guess (上百万, 超过300人, 将近150万, 3000人左右): no figure to be corrected. */
  hedged: boolean;
}

/** The word a figure counts: up to four characters after it, to a particle or a verb (60多名教师在……: 教师). */
const COUNTED_WORD = /^(?:(?![的里中在是有和与及了都就也被当])\p{Script=Han}){0,4}/u;
const HEDGE_BEFORE = /(?:上|超|过|逾|不下|不止|不少于|至少|起码|最少|不低于|多于|高于|大于|不到|不足|少于|低于|近|将近|接近|约|大约|大概|估计|差不多|可能|也许)(?:有|是|在|达|达到|到)?$/;
const HEDGE_AFTER = /^(?:以上|以下|以内|左右|上下|出头|开外)/;
const TWO_NUMBERS = /^(?:一两|两三|二三|三四|三五|四五|五六|六七|七八|八九)/;

function figuresIn(text: string): FigureRead[] {
  return [...text.matchAll(FIGURE_WITH_MEASURE)].flatMap((match) => {
    const [figure, measure] = match;
    const quantity = askedQuantity(`多少${measure}`);
    // 300万新阶层人士 counts people, 五百万资金 money: the words after a bare 万 say what it counts.
    const end = match.index + figure.length;
    const counted = quantity === 'any' ? askedQuantity(`多少${measure}${text.slice(end, end + COUNTED_WORDS)}`) : undefined;
    const counts = COUNTED_WORD.exec(text.slice(end))?.[0] ?? '';
    return numberMentions(figure)
      .slice(0, 1)
      .filter(({ value }) => value < YEARS.from || value > YEARS.to)
      .map(({ value, range }) => ({
        value,
        quantity: counted ?? quantity,
        from: range?.from ?? value,
        to: range?.to ?? value,
        counts,
        rough: TWO_NUMBERS.test(figure),
        written: figure,
        hedged: HEDGE_BEFORE.test(text.slice(0, match.index)) || HEDGE_AFTER.test(text.slice(end)),
      }));
  });
}

/**
 * The figures with a measure the member states as known: those of clauses that ask nothing
 * (玉门有200多名民主党派成员，他们分成了几个支部). A figure in the asking clause says which fact is
 * meant (奖励6万元的是哪一级).
 */
export function statedFigures(text: string, normalise: (text: string) => string): MeasuredFigure[] {
  return statingClauses(text).flatMap((clause) => measuredFigures(normalise(clause)));
}

/** The clauses of a question that ask nothing (玉门有200多名民主党派成员): what the member states. */
export function statingClauses(text: string): string[] {
  return clausesOf(text).filter((clause) => !QUESTION_WORD.test(clause));
}

/**
 * How far a figure may be from the member's and still be theirs: an estimate (两百来平 for 220余平方米,
 * 100多名 for 126名) is rough, an exact figure (136名 for 126名) is a wrong one.
 */
const SAME_FIGURE_SHARE = { estimate: 0.25, exact: 0.05 };

/**
 * The figures of a normalised clause an answer contradicts: it gives figures of their kind about
 * what they count, and neither one of them nor the sum of two is near the member's (260个 against
 * 126名; not 23名政协委员 against 6名 and 17名, nor 二十多万 against 近30万). A figure written as
 * two numbers (一两百人) is an estimate too rough to contradict.
 */
export function contradictedFigures(clause: string, facts: AnswerFacts): Array<MeasuredFigure & { written: string; hedged: boolean }> {
  const given = [...facts.numbers];
  const pairs = given.flatMap((a, i) => given.slice(i + 1).map((b, j) => ({ sum: a + b, from: i + j + 1 })));
  // A member adding up three of the answer's figures (6名、17名、2名: 一共25名) has them right too.
  const sums = [...pairs.map(({ sum }) => sum), ...pairs.flatMap(({ sum, from }) => given.slice(from + 1).map((c) => sum + c))];
  const answer = normaliseQuestion(facts.answerText);
  // Against an answer that estimates (20余个, 近30万元), an exact figure near it may be the member's.
  const rough = numberMentions(answer).some(({ range }) => range !== undefined);
  return figuresIn(clause).filter((figure) => {
    if (figure.rough || !givesQuantity(figure.quantity, facts)) return false;
    if (figure.counts.length >= 2 && !answer.includes(figure.counts)) return false;
    const share = figure.from === figure.to && !rough ? SAME_FIGURE_SHARE.exact : SAME_FIGURE_SHARE.estimate;
    const near = (n: number) => n >= figure.from * (1 - share) && n * (1 - share) <= figure.to;
    return ![...given, ...sums].some(near);
  });
}

const NO_FIGURES: ReadonlySet<number> = new Set();

/** Whether an answer gives a figure of this kind (people for 两百六十多人, an area for 五百平方米). */
export function givesQuantity(quantity: Quantity | undefined, facts: AnswerFacts): boolean {
  return quantity !== undefined && quantityAgreement(quantity, facts, NO_FIGURES) === 1;
}

/** 几加几加N asks the shape of a formula (1+4+N), not a figure. */
const FORMULA_SHAPE = /几加几(?:加(?:n|几))?(?:那种|那样|那个样子|的样子|吗|呢|嘛|$)/i;

export function askedQuantity(question: string): Quantity | undefined {
  if (ASK_PHONE.test(question)) return 'phone';
  if (FORMULA_SHAPE.test(question)) return undefined;
  if (ASKS_ACCOUNT.test(question)) return undefined;
  if (ASK_AGE.test(question)) return 'age';
  // 第几年打造品牌 asks in how many years, which an answer gives as 三年打造品牌.
  if (ASK_YEARS.test(question)) return 'duration';
  if (ASK_ORDINAL.test(question)) return 'ordinal';
  if (ASK_MONEY.test(question)) return 'money';
  if (ASK_AREA.test(question)) return 'area';
  const ask = ASK_QUANTITY.exec(question);
  if (!ask || /哪几/.test(question)) return undefined;
  // "泸州的几项合作里哪个还在推进": the count only describes; the question is the 哪个.
  if (LATER_QUESTION.test(question.slice(ask.index + ask[0].length))) return undefined;
  const unit = ask[1] ?? '';
  // 多少万 alone counts anything in tens of thousands (people too): money only when the question says so.
  if (MONEY_WORDS.test(question)) return 'money';
  if (unit === '个人') return 'people';
  const family = FAMILY_UNITS.find(([, pattern]) => pattern.test(unit))?.[0];
  if (family) return family;
  if (unit === GENERAL_MEASURE) return 'count';
  if (unit && MEASURES.includes(unit)) return `count:${unit}`;
  // 有多少新阶层人士 counts people with no measure word between, as an answer's 140万新阶层人士 does.
  if (!unit && PEOPLE_COUNTED.test(question.slice(ask.index + ask[0].length))) return 'people';
  return 'any';
}

export const MISSING_FACT = 0.55;
/** The answer has a number, but of another kind: a count of people asked, 165个 or 3万元 given. */
export const OTHER_KIND = 0.6;

export function quantityAgreement(asked: Quantity, facts: AnswerFacts, queryNumbers: ReadonlySet<number>): number {
  if (asked === 'ordinal') return facts.units.has('ordinal') ? 1 : MISSING_FACT;
  // A question that already states every number of the answer asks for some other figure
  // ("of the 165 bases, how many are religious?").
  const known = facts.numbers.size > 0 && [...facts.numbers].every((n) => queryNumbers.has(n));
  if (known || !facts.units.has('any')) return MISSING_FACT;
  if (facts.units.has(asked) || asked === 'any') return 1;
  if (asked === `count:${ANY_PAPER}` && PAPERS.some((m) => facts.units.has(`count:${m}`))) return 1;
  const general = asked.startsWith('count:') && asked !== `count:${TIMES_MEASURE}`;
  if (general && facts.units.has(`count:${GENERAL_MEASURE}`)) return 1;
  return OTHER_KIND;
}
