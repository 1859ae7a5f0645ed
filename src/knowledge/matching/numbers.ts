const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * A lone Chinese digit counts as a number only before a measure word ("四个深谈", "第二批"),
 * because most lone digits are part of words and slogans (统一, 三同三化, 一站六会).
 */
const MEASURE_WORDS = '个名场次件篇项类人位家所批条万元岁楼层';

const LOOSE_DIGIT = /[二两三四五六七八九十]/g;
/** What Arabic digits must not be joined to: Latin letters make a name (5G, 1A+6S) that counts nothing. */
const NOT_AFTER_JOINED = '(?<![a-zA-Z\\d.])';
const NOT_BEFORE_JOINED = '(?![a-zA-Z\\d.])';
const ARABIC = new RegExp(`${NOT_AFTER_JOINED}(\\d+(?:\\.\\d+)?)(万|亿)?${NOT_BEFORE_JOINED}`, 'g');
const CHINESE = /[零〇一二两三四五六七八九十百千万亿]+/g;

/** Value of a Chinese numeral such as 二十, 三万, 一百二十六, 二〇二三 (read digit by digit). */
export function parseChineseNumeral(text: string): number | null {
  const chars = Array.from(text);
  if (chars.every((c) => c in DIGITS)) {
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    if (c in DIGITS) {
      digit = DIGITS[c];
    } else if (c in UNITS) {
      section += (digit ?? 1) * UNITS[c];
      digit = null;
    } else if (c in BIG_UNITS) {
      if (digit === null && section === 0 && total === 0) return null;
      total = (total + section + (digit ?? 0)) * BIG_UNITS[c];
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * What follows a number that counts the words of a slogan or formula (十六个字, 四句话): members
 * describe a wording by its length, which the knowledge seldom writes as a figure.
 */
const WORDING_COUNT = /^个?[字句]/;

export interface NumberMention {
  value: number;
  /** Written as a lone Chinese digit (三个, 第二批) or counting a wording's words: weaker evidence than 165 or 二十. */
  soft: boolean;
  /** An estimate (一百二十几个, 200多个, 两百来个, 近30个): the values it allows, `value` among them. */
  range?: NumberRange;
}

export interface NumberRange {
  from: number;
  to: number;
}

export function inRange(n: number, { from, to }: NumberRange): boolean {
  return n >= from && n <= to;
}

/**
 * An estimate: a number followed by 余, 多 or 来 (几 after a numeral reads 余 once normalised),
 * maybe then 万 or 亿 (一百多万), or after 近 or 将近 (not 最近 or 附近, nor a span such as 近3年). 余 and
 * 多 allow the values up to the next step of the number's last digit (一百二十余: 120 to 129; 200多:
 * 200 to 299; 1.5万多: 15000 to 15999); 来 as much below as above (两百来个: 150 to 250); 近 up to
 * a fifth below; 左右 and 上下 after it as 来. An ordinal (第二十多) or a one-digit step (3多) is no estimate.
 */
const ABOUT_AFTER = /^(?:([余多](?!少))|来)([万亿])?/;
const NEARLY_BEFORE = /(?<![最附靠临])近$/;
/** 三十万左右, 200个上下, 两百平米左右: as much below as above, as 来 (not 上下游, 上下级). */
const AROUND_AFTER = new RegExp(`^([万亿])?(?:[${MEASURE_WORDS}]|平方米|平米|亩|公里|米){0,2}?(?:左右|上下(?![游级]))`);
const SPAN_AFTER = /^[年月天日周]/;
const NEARLY = 0.8;

/** The place value of a number's last digit: 十 of 一百二十, 百 of 两百, 0.1 of 1.5. */
function stepOf(numeral: string): number {
  const arabic = /(\d+)(?:\.(\d+))?/.exec(numeral);
  const big = Array.from(numeral).filter((c) => c in BIG_UNITS).reduce((times, c) => times * BIG_UNITS[c], 1);
  if (arabic) {
    if (arabic[2]) return 10 ** -arabic[2].length * big;
    const zeros = /0*$/.exec(arabic[1])?.[0].length ?? 0;
    return 10 ** zeros * big;
  }
  const chars = Array.from(numeral);
  const lastUnit = chars.reduce((at, c, i) => (c in UNITS || c in BIG_UNITS ? i : at), -1);
  if (lastUnit < 0) return 1;
  const unit = UNITS[chars[lastUnit]] ?? BIG_UNITS[chars[lastUnit]];
  // 一百零 (一百零几) and 一百二 step by the next place down.
  return lastUnit < chars.length - 1 ? unit / 10 : unit;
}

function estimate(text: string, start: number, numeral: string, value: number): { value: number; range?: NumberRange } {
  if (text.charAt(start - 1) === '第') return { value };
  const rest = text.slice(start + numeral.length);
  const about = ABOUT_AFTER.exec(rest);
  if (about) {
    const times = about[2] ? BIG_UNITS[about[2]] : 1;
    const step = stepOf(numeral) * times;
    const base = value * times;
    if (step === 1) return { value: base };
    return { value: base, range: about[1] ? { from: base, to: base + step - 1 } : { from: base - step / 2, to: base + step / 2 } };
  }
  const around = AROUND_AFTER.exec(rest);
  if (around) {
    // 三十万左右 steps by 十万, as 30万左右 does: the place of the last digit before 万.
    const [, digits, unit] = /^(.*?)([万亿]*)$/.exec(numeral) ?? ['', numeral, ''];
    const times = around[1] ? BIG_UNITS[around[1]] : 1;
    const step = stepOf(digits || numeral) * Array.from(unit).reduce((t, c) => t * BIG_UNITS[c], times);
    const base = value * times;
    if (step > 1) return { value: base, range: { from: base - step / 2, to: base + step / 2 } };
  }
  if (NEARLY_BEFORE.test(text.slice(0, start)) && !SPAN_AFTER.test(rest)) return { value, range: { from: Math.floor(value * NEARLY), to: value } };
  return { value };
}

/** 十余个, 十多万: a lone 十 and more of something is a count. */
function tensOf(text: string, at: number): boolean {
  return text.charAt(at) === '十' && new RegExp(`^[余多来][${MEASURE_WORDS}]`).test(text.slice(at + 1));
}

/** The numbers a normalised text states, Arabic or Chinese: "20余次" -> 20, "3万元" -> 30000, "二十大" -> 20. */
export function numberMentions(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const after = text.slice((m.index ?? 0) + m[0].length);
    const value = Number(m[1]) * (m[2] ? BIG_UNITS[m[2]] : 1);
    found.push({ ...estimate(text, m.index ?? 0, m[0], value), soft: WORDING_COUNT.test(after) });
  }
  for (const m of text.matchAll(CHINESE)) {
    const numeral = m[0];
    const next = text.charAt((m.index ?? 0) + numeral.length);
    const lone = Array.from(numeral).length === 1;
    const tens = tensOf(text, m.index ?? 0);
    if (lone) {
      const isDigitOrTen = numeral in DIGITS || numeral === '十';
      // 十余个, 十多万: ten and more of something is a count.
      if (numeral === '一' || !isDigitOrTen || !(MEASURE_WORDS.includes(next) || tens)) continue;
    }
    // Bare digit runs are names (九三学社) or slogans, unless a year or a count follows.
    if (!lone && /^[零〇一二两三四五六七八九]+$/.test(numeral) && !`年${MEASURE_WORDS}`.includes(next || '-')) continue;
    // 万 after an Arabic number was handled above ("3万").
    if (/^[万亿]/.test(numeral) && /\d$/.test(text.charAt((m.index ?? 0) - 1))) continue;
    const value = parseChineseNumeral(numeral);
    const countsWording = WORDING_COUNT.test(text.slice((m.index ?? 0) + numeral.length));
    // A floor (七楼, 三层) is a place in a building, never a slogan's count.
    const floor = /^[楼层]/.test(next);
    const soft = !floor && ((lone && !tens) || countsWording);
    if (value !== null && value > 0) found.push({ ...estimate(text, m.index ?? 0, numeral, value), soft });
  }
  return found;
}

export function extractNumbers(text: string): Set<number> {
  return new Set(numberMentions(text).map((m) => m.value));
}

/**
 * Every small number a text writes with a Chinese digit anywhere (六有 -> 6, 两大 -> 2). Used on
 * the entry side only, so that a question saying "六条标准" still agrees with "六有".
 */
export function looseDigits(text: string): number[] {
  return Array.from(text.matchAll(LOOSE_DIGIT), (m) => (m[0] === '十' ? 10 : DIGITS[m[0]]));
}

/** Measure words after a count (个, 项, 篇…), for what questions ask and answers give. */
export const MEASURES = '个项件篇场次批类条所家只处座本册楼层届期道张份户支队组间套台辆轮页';
// A number in an answer: Arabic, a Chinese numeral with a unit (二十, 三万), or Chinese digits
// before a measure word (五楼, 两个) or 大 (六大行动). 九三 (学社) and 一批 are not numbers.
export const NUM =
  `(?:${NOT_AFTER_JOINED}\\d+(?:\\.\\d+)?${NOT_BEFORE_JOINED}|[零〇一二两三四五六七八九]*[十百千万亿][零〇一二两三四五六七八九十百千万亿]*` +
  `|[一二两三四五六七八九十]*[二两三四五六七八九十](?=[${MEASURES}名位人大])|一(?=[个名位人项件篇场次]))`;
export const ANY_NUMBER = new RegExp(NUM);
/** A year (2018年, 2018浙江国际健康产业领袖峰会) or a party congress (十九大) dates something; it is no quantity of it. */
export const DATING = new RegExp(`(?<![\\d.])(?:19|20)\\d{2}(?![\\d.%万千百十亿余多${MEASURES}名位人元])|十[六七八九]大|二十大`, 'g');

/** A count and its measure word (10场次: 10, 场), with the number written as it is. */
export const COUNTS = new RegExp(`(${NUM})[余多]?([${MEASURES}])`, 'g');

/** The counts a text writes in a measure word (场 of 10场次), as numbers. */
export function countsIn(text: string, measure: string): number[] {
  return [...text.matchAll(COUNTS)].filter((m) => m[2] === measure).flatMap((m) => [...extractNumbers(m[1])]);
}
