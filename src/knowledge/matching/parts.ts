/**
 * The parts of a numbered name (五比五看, “三个带头”, “1+4+N”): which name a question asks the
 * parts of, and whether an answer gives them or only names it.
 */
import { compactText, escapeRegExp, normaliseText } from '../../common/text';

/**
 * A name made of numbered parts (五比五看, 四有四立, 一站六会), or a quoted name with a numeral
 * (“三个带头”, “4个有”), followed by a question for its parts (具体是哪三个, 比什么、看什么).
 * What a name means or what it is (是什么, 指什么) is left to the rest: an answer may explain it
 * in other words.
 */
const NUMERAL = '[一二三四五六七八九十两]';
const NUMERAL_CHAR = new RegExp(`^${NUMERAL}$`);
const NUMBERED_NAME = new RegExp(
  `[“"「『]([^”"」』]*(?:${NUMERAL}|\\d)[^”"」』]*)[”"」』]|(${NUMERAL}\\p{Script=Han}${NUMERAL}\\p{Script=Han})`,
  'gu',
);
const ASKS_PARTS =
  /^(?:[^，。,]{0,6}[，,])?[^，。,]{0,8}?(?:哪[一二三四五六七八九十两几些]|分别是|包括哪些|包括什么|有哪些|具体(?:是|指)?(?:什么|(?:咋|怎么)回事)|什么内容|具体内容|(\p{Script=Han})什么)/u;
/** 要提升的是哪“四度”: the question for the parts right before the name. */
const ASKED_BEFORE = /哪(?:[几一二三四五六七八九十两]?[个条项点]|些)?$/;
const ENDS_QUESTION = /^[”"」』]?(?:的(?:要求|内容))?(?:[？?。，,！!；;]|$|呢|啊|吗|嘛|哦)/;
/** What follows a name in an answer that gives its parts (“四有”指有德、有才…; “4个有”统战功能，即…). */
const PARTS_FOLLOW = /^[”"」』]?[^。；;]{0,6}?(?:即|指|是|就是|包括|包含|分别|:|\()/;
/** What one number of a formula stands for (“4”指什么, “6S”是啥). */
const ASKS_MEANING = /^[^，。,]{0,8}?(?:指|是|代表)(?:的是)?(?:什么|哪)/;
/** A formula of numbered parts (1+4+N, 1A+6S): a name though it has no Chinese. */
const FORMULA = /[\dA-Za-z]\+[\dA-Za-z]/;
/** The formula as written within a name (数博大道1A+6S: 1A+6S). */
const FORMULA_WRITTEN = /[\dA-Za-z]+(?:\+[\dA-Za-z]+)+/;

/** The numbered name a question (as the member wrote it, punctuation and all) asks the parts of. */
export function partsAsked(question: string): string | undefined {
  const text = normaliseText(question).replace(/啥/g, '什么');
  const named: string[] = [];
  // A part named after its whole (“四同四有四立”活动品牌里，“四立”具体指哪四立) is the name asked; of two names, the first.
  let asked: string | undefined;
  for (const m of text.matchAll(NUMBERED_NAME)) {
    const written = (m[1] ?? m[2]).replace(/\s/g, '');
    let name = FORMULA.test(written) ? written : compactText(written);
    const after = text.slice((m.index ?? 0) + m[0].length);
    if (/^\d+$/.test(name) || !(/\p{Script=Han}/u.test(name) || FORMULA.test(name))) {
      // One term of a formula named before (“1+4+N”里的“4”, “数博大道1A+6S”里的“1A”指什么) asks for that formula's parts.
      const term = written.toUpperCase();
      const whole = named.map((n) => FORMULA_WRITTEN.exec(n)?.[0]).find((formula) => formula?.toUpperCase().split('+').includes(term));
      if (whole && ASKS_MEANING.test(after)) return whole;
      continue;
    }
    named.push(name);
    const ask = ASKS_PARTS.exec(after);
    // 比什么、看什么 asks the parts of 五比五看 with the name's own verbs; 有什么 asks something else, and so does
    // a numeral (一街一品，一居一什么 recalls the next name).
    const asksAfter = ask && (!ask[1] || (name.includes(ask[1]) && !NUMERAL_CHAR.test(ask[1])));
    const before = ASKED_BEFORE.exec(text.slice(0, m.index));
    // 哪些“五好”家庭 asks which families: after 哪些 or 哪几个 the name ends the question.
    // “三个一”，具体指的是哪三个“一”: one character after it is a part of the name asked before, not a name.
    const asksBefore = before && Array.from(name).length >= 2 && (before[0] === '哪' || ENDS_QUESTION.test(after));
    if ((asksAfter || asksBefore) && (asked === undefined || asked.includes(name))) asked = name;
  }
  return asked;
}

/** A list in a clause: two separators (有德、有才、有能), or one and a closing 和 (A、B和C). */
const LISTED = /[、;；][^、;；]*[、;；]|、[^、]*(?:和|及|与)/;

/**
 * Whether an answer that names the asked name also gives its parts: right after the name
 * (“四有”指…, “4个有”统战功能，即…) or as a list in the clause that names it (有德、有才、有能、
 * 有力的“四有”). A name it only mentions (做到“三个带头”要求) answers another question; an
 * answer not naming it is judged by the rest.
 */
export function partsGiven(name: string, written: string): boolean {
  // Names are read in lower case (1+4+n), as questions are.
  const answer = written.toLowerCase();
  if (!answer.includes(name)) return true;
  for (let at = answer.indexOf(name); at >= 0; at = answer.indexOf(name, at + 1)) {
    if (PARTS_FOLLOW.test(answer.slice(at + name.length))) return true;
  }
  // A name followed by 、 or 等 is one item of a list of other things (“五融共进”、…, …、“五融共进”等),
  // not their whole; parts that repeat it (想在一起、站在一起、干在一起) are its parts.
  const item = new RegExp(`${escapeRegExp(name)}[”"」』]?(?:、|等)`);
  const oneOfList = (clause: string) => item.test(clause) && clause.split(name).length === 2;
  // Two parts joined right before the name (围绕爱国主义教育和社会服务实践两大核心功能) are all of a name of two.
  const pairBefore = (clause: string) => TWO.test(name) && PAIR_BEFORE.test(clause.slice(0, clause.indexOf(name)));
  return answer.split(/[，,。]/).some((clause) => clause.includes(name) && !oneOfList(clause) && (LISTED.test(clause) || pairBefore(clause)));
}

/** A name of two parts (两大核心功能, 双渠道, 二为). */
const TWO = /^[两二双]/;
/** Two items joined at the end of what comes before a name (爱国主义教育和社会服务实践). */
const PAIR_BEFORE = /\p{Script=Han}{2,}(?:和|与|及|、)\p{Script=Han}{2,12}$/u;

/**
 * A part the member names of a numbered whole that is not one of its written parts (泸州“四度”统战里的“深度”,
 * “三同三化”里“同乐”): an answer must write it to say what it is. Parts the whole's name writes
 * (“三同三化”里的“三化”, “中心+会+团+室+库”里的“室”) are left to partsAsked and the rest.
 */
const PART_OF_WHOLE = /[“"「『]([^”"」』]{2,12})[”"」』][^，。,？?“"「『]{0,6}?(?:里|中|当中|里面|里头|里向)(?:的|面的)?(?:那个|那一个|这个)?[“"「『]([^”"」』]{1,6})[”"」』]/;

export function partOfWholeAsked(question: string): string | undefined {
  const m = PART_OF_WHOLE.exec(normaliseText(question));
  if (!m) return undefined;
  const [whole, part] = [compactText(m[1]), compactText(m[2])];
  return /[一二三四五六七八九十两\d]/.test(whole) && part && !whole.includes(part) ? part : undefined;
}
