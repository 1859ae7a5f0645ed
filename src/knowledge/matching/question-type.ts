/**
 * What kind of fact a question asks for (a count, an amount, a date, a district, a title) and
 * whether an entry's answer can supply it. A question asking "how many people" is not answered
 * by an entry whose answer holds no head count, however alike the wording.
 */

type Quantity = 'people' | 'money' | 'area' | 'any';

export interface QuestionNeeds {
  quantity?: Quantity;
  date?: boolean;
  clock?: boolean;
  place?: 'district' | 'county' | 'city';
  /** Titles asked about, with 副 when the question says it (部长 vs 副部长). */
  ranks: string[];
}

export interface AnswerFacts {
  units: Set<Quantity>;
  date: boolean;
  clock: boolean;
  places: Set<'district' | 'county' | 'city'>;
  ranks: Set<string>;
}

const NUM = '(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿]{2,}|[一二两三四五六七八九十](?=[个名项件篇场次批类条所家位人]))';
const UNIT_CLASSES: Array<[Quantity, string]> = [
  ['people', '(?:人次|人|名|位)'],
  ['money', '(?:万元|元|块钱|块)'],
  ['area', '(?:平方米|平米|亩)'],
];
const ASK_QUANTITY = /(?:多少|多大|几(?!点))(万)?(平方米|平米|亩|人次|人|名|位|钱|元|块)?/;
const ASK_DATE = /什么时候|哪年|哪一年|几月|几号|哪个月|什么年份/;
const ASK_CLOCK = /几点|营业时间|开放时间|开门|关门/;
const ASK_PLACE: Array<[RegExp, 'district' | 'county' | 'city']> = [
  [/哪个区|哪一个区|什么区/, 'district'],
  [/哪个县|哪一个县|什么县/, 'county'],
  [/哪个城市|哪个市|哪座城市|哪些城市/, 'city'],
];
const TITLES = ['部长', '主任', '书记', '院长', '主席', '秘书长', '局长', '市长', '县长', '社长', '会长', '主委'];

const DATE_IN_ANSWER = /\d{4}年|\d+月|\d+日|[去今前]年|年底|年初|年中|[一二三四五六七八九十]+月|季度|每年|以来/;
const CLOCK_IN_ANSWER = /\d+[点时]|[上下]午|周[一二三四五六日末]|工作日|全天/;
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

/** What a normalised question asks for. */
export function questionNeeds(question: string): QuestionNeeds {
  const needs: QuestionNeeds = { ranks: ranksIn(question) };
  const quantity = ASK_QUANTITY.exec(question);
  if (quantity && !/哪几/.test(question)) {
    const unit = quantity[2] ?? (quantity[1] ? '元' : '');
    needs.quantity = UNIT_CLASSES.find(([, pattern]) => new RegExp(`^${pattern}$`).test(unit))?.[0] ?? 'any';
    if (unit === '钱') needs.quantity = 'money';
  }
  if (ASK_DATE.test(question)) needs.date = true;
  if (ASK_CLOCK.test(question)) needs.clock = true;
  needs.place = ASK_PLACE.find(([pattern]) => pattern.test(question))?.[1];
  return needs;
}

/**
 * The facts an entry can supply; `answer` is its normalised answer, `all` every text of it.
 * `namesPlace` says whether the answer names a known place (which answers "which city").
 */
export function answerFacts(answer: string, all: string, namesPlace: boolean): AnswerFacts {
  const units = new Set<Quantity>();
  if (new RegExp(NUM).test(answer)) units.add('any');
  for (const [kind, unit] of UNIT_CLASSES) {
    if (new RegExp(`${NUM}万?[余多]?${unit}`).test(answer)) units.add(kind);
  }
  const places = new Set<'district' | 'county' | 'city'>();
  for (const [kind, pattern] of Object.entries(PLACE_IN_ANSWER) as Array<[keyof typeof PLACE_IN_ANSWER, RegExp]>) {
    if (pattern.test(answer)) places.add(kind);
  }
  if (namesPlace) places.add('city');
  return {
    units,
    date: DATE_IN_ANSWER.test(answer),
    clock: CLOCK_IN_ANSWER.test(answer),
    places,
    ranks: new Set(ranksIn(all)),
  };
}

/** Factor applied for each kind of fact asked for that the answer does not hold. */
const MISSING_FACT = 0.55;

export function factsAgreement(needs: QuestionNeeds, facts: AnswerFacts): number {
  let factor = 1;
  if (needs.quantity && !facts.units.has(needs.quantity)) factor *= MISSING_FACT;
  if (needs.date && !facts.date) factor *= MISSING_FACT;
  if (needs.clock && !facts.clock) factor *= MISSING_FACT;
  if (needs.place && !facts.places.has(needs.place)) factor *= MISSING_FACT;
  if (needs.ranks.some((rank) => !facts.ranks.has(rank))) factor *= MISSING_FACT;
  return factor;
}
