import { CLAUSE_MARKS } from './asking';
import { QUESTION_WORD } from './details';
import { extractNumbers } from './numbers';

/**
 * Questions offering a choice (是民革还是民盟协办的; 到底叫“力量整合”还是“力量统筹”): a member preparing
 * for a quiz names the options, of which the knowledge writes one. Read whole, the option it does not
 * write counts against the entry writing the other, as a name the entry lacks would.
 */

const CLAUSE_END = new RegExp(`[${CLAUSE_MARKS}]`);
const CHOICE = /还是|還是/;
/** What a choice is put after: 是, 叫, 选 (是民革还是民盟, 叫“整合”还是“统筹”); else the clause's start. */
const CHOICE_VERB = /[是叫選选]/g;
/** An option is a name or a wording: 多还是少, 高还是低 compare. */
const MIN_OPTION = 2;
/** How much longer than all that follows 还是 an option without 是 or 叫 before it may be. */
const UNEVEN = 2;
/** 还是20万吗 asks whether something stays as it was. */
const YES_NO = /[吗嗎么麼]$/;
/** 今年还是在微信上搞, 2024年还是20万: after a time or an adverb, 还是 is "still". */
const STILL_AFTER = /(?:今年|明年|去年|后年|前年|现在|目前|如今|以后|今后|后来|将来|未来|仍然|依然|照样|继续|也|都|还|年|年度)$/;
/** A guess left open (月月开还是咋的, 一年一次还是怎么样): no second option. */
const OPEN_GUESS = /^(?:咋的|咋地|咋样|怎么的|怎么着|怎么样|怎样|啥|啥的|什么的|别的|其他的?)(?:呢|啊|呀|嘛|哦)?$/;

export interface OptionReading {
  /** The question with the other option left out. */
  text: string;
  /** What sets this option apart from the other (“力量整合”: 整合); empty for a guess left open. */
  distinct: string;
}

/** Where a question offers its first choice (还是): the two options and the span they take. */
interface Choice {
  /** The first option, from the verb it is put after (是, 叫) or its clause's start, as written; it ends at `cut`. */
  first: string;
  /** Where the first option's reading leaves out the second: at 还是, or at the pause before it. */
  cut: number;
  /** Where the second option ends. */
  end: number;
  /** The second option, as written. */
  after: string;
  verb: boolean;
}

/**
 * The choice a question offers: 是民革还是民盟, or across a pause (是团结报社主办的，还是人民政协报主办的), where the first
 * option is the clause before. Undefined for 还是 as "still", or a choice with nothing before it.
 */
function choiceIn(text: string): Choice | undefined {
  const found = CHOICE.exec(text);
  if (!found) return undefined;
  const at = found.index;
  const past = at + found[0].length;
  let clauseStart = lastClauseEnd(text, at) + 1;
  let firstEnd = at;
  // 还是 opening a clause offers the other option to the clause before.
  if (!text.slice(clauseStart, at).trim() && clauseStart > 0 && /[，,]/.test(text[clauseStart - 1])) {
    firstEnd = clauseStart - 1;
    clauseStart = lastClauseEnd(text, firstEnd) + 1;
  }
  const endAt = text.slice(past).search(CLAUSE_END);
  const end = endAt < 0 ? text.length : past + endAt;
  const before = text.slice(clauseStart, firstEnd);
  const after = text.slice(past, end).trim();
  if (!before.trim() || !after || STILL_AFTER.test(before.trim())) return undefined;
  const verb = [...before.matchAll(CHOICE_VERB)].pop();
  const first = verb ? before.slice(verb.index + 1) : before;
  return { first, cut: firstEnd, end, after, verb: verb !== undefined };
}

/**
 * The question read once for each option of its first choice (还是), the other left out; for a guess
 * left open, the question without the open part. Empty when it offers no choice.
 */
export function optionReadings(text: string): OptionReading[] {
  const choice = choiceIn(text);
  if (!choice) return [];
  const { first, after, end, cut } = choice;
  const start = cut - first.length;
  const withoutSecond = text.slice(0, cut) + text.slice(end);
  // A guess after the question (多久开一回啊？月月开还是咋的) leaves the question as it is; a guess that is the
  // question (是团结报社办的还是咋的) must be what the answer writes.
  if (OPEN_GUESS.test(after)) {
    const clauseStart = lastClauseEnd(text, cut) + 1;
    return QUESTION_WORD.test(text.slice(0, clauseStart)) ? [{ text: text.slice(0, clauseStart) + text.slice(end), distinct: '' }] : [{ text: withoutSecond, distinct: first.trim() }];
  }
  if (Array.from(after).length < MIN_OPTION || YES_NO.test(after)) return [];
  // Without 是 or 叫, a choice weighs like against like (德阳还是玉门有126名): 项目经费还是20万 says "still".
  if (!choice.verb && Array.from(first).length > Array.from(after).length + UNEVEN) return [];
  // Within a clause, what follows the second option from its 的 (民盟还是民进的, 中江县还是罗江县的革命史料) follows the first too.
  const ofAt = CHOICE.test(text.slice(cut, cut + 2)) ? after.indexOf('的', MIN_OPTION) : -1;
  // No longer than the first option: 民盟襄阳市委会协办的 is one option.
  const of = ofAt <= first.length ? ofAt : -1;
  const second = of < 0 ? after : after.slice(0, of);
  const rest = of < 0 ? '' : after.slice(of);
  // The first option as long as the second, from its end (根据中江县 against 罗江县: 中江县).
  const firstChars = Array.from(first);
  const secondLength = Array.from(second).length;
  const aligned = firstChars.length > secondLength ? firstChars.slice(-secondLength).join('') : first;
  const shared = sharedStart(aligned, second);
  return [
    { text: text.slice(0, cut) + rest + text.slice(end), distinct: aligned.slice(shared) },
    { text: text.slice(0, start) + after + text.slice(end), distinct: second.slice(shared) },
  ];
}

/**
 * The options a question offers when they are figures (一万还是两万, 5月17号还是5月27号, 近30个还是近50个): the member
 * asks which figure is right, as one asking to have a figure checked, knowing neither.
 */
export function offeredFigures(text: string): OfferedFigures | undefined {
  const choice = choiceIn(text);
  if (!choice || YES_NO.test(choice.after) || OPEN_GUESS.test(choice.after)) return undefined;
  if (!FIGURE.test(choice.first) || !FIGURE.test(choice.after)) return undefined;
  const first = extractNumbers(choice.first);
  const second = extractNumbers(choice.after);
  const values = [...[...first].filter((n) => !second.has(n)), ...[...second].filter((n) => !first.has(n))];
  // Without 是 before it, the first option is its whole clause (每家奖一万还是两万): the figures start at its first.
  return { written: text.slice(choice.cut - choice.first.length + choice.first.search(FIGURE), choice.end), values };
}

export interface OfferedFigures {
  /** The options as written (一万还是两万). */
  written: string;
  /** The values that tell the options apart (5月17号还是5月27号: 17 and 27). */
  values: number[];
}

const FIGURE = /[\d０-９一二两三四五六七八九十百千万]/;

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function lastClauseEnd(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (CLAUSE_END.test(text[i])) return i;
  return -1;
}
