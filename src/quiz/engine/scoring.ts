import { compactText } from '../../common/text';
import type { AnswerResponse } from './answer-parser';
import { indexOfLetter, letterOf, MAX_OPTIONS } from './types';
import type { DrawnQuestion, QuestionDefinition } from './types';

export interface ScoredResponse {
  correct: boolean;
  points: number;
  /** What to store: the shown letters ('AC') or the fill text as typed. */
  response: string;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_NUMBER = /[零〇一二两三四五六七八九十百千]+/g;

/** 七 → 7, 二十 → 20, 三百零五 → 305, 二〇二三 → 2023 (digit by digit when there are no units); odd runs (十四五) stay as written. */
function chineseNumberValue(run: string): string {
  const chars = Array.from(run);
  if (!chars.some((c) => c in UNITS)) return chars.map((c) => DIGITS[c]).join('');
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  for (const c of chars) {
    if (c in UNITS) {
      if (UNITS[c] >= lastUnit) return run;
      total += (pending ?? 1) * UNITS[c];
      lastUnit = UNITS[c];
      pending = null;
    } else if (c === '零' || c === '〇') {
      if (pending !== null) return run;
    } else {
      if (pending !== null) return run;
      pending = DIGITS[c];
    }
  }
  return String(total + (pending ?? 0));
}

/**
 * The form two fill answers are compared in: compactText (NFKC, Simplified, lower case, no spaces or
 * punctuation), Chinese numerals as Arabic digits, and 万/亿 after a number multiplied out,
 * so 七万, 7万 and 70000 agree. Applied to both sides, so words made of numerals (一靠二借) still match themselves.
 */
export function canonicalFillText(text: string): string {
  return compactText(text)
    .replace(CHINESE_NUMBER, chineseNumberValue)
    .replace(/(\d+(?:\.\d+)?)(万|亿)/g, (_, n: string, unit: string) => {
      const value = Number(n) * (unit === '万' ? 1e4 : 1e8);
      return Number.isSafeInteger(value) ? String(value) : `${n}${unit}`;
    });
}

/** A question's accepted answers in canonical form, kept while its definition is (the cached bank keeps the same array). */
const canonicalAccepted = new WeakMap<readonly string[], Set<string>>();

export function fillAnswerMatches(text: string, accepted: string[]): boolean {
  const given = canonicalFillText(text);
  if (given === '') return false;
  let canonical = canonicalAccepted.get(accepted);
  if (!canonical) canonicalAccepted.set(accepted, (canonical = new Set(accepted.map(canonicalFillText))));
  return canonical.has(given);
}

/** The original option index shown at each letter; identity when the draw recorded no order. */
export function originalIndexOfShown(drawn: DrawnQuestion, shownIndex: number): number {
  return drawn.order.length ? (drawn.order[shownIndex] ?? -1) : shownIndex;
}

/**
 * The options a response picked, in the bank's original order, as bits (option i: 1 << i): what
 * reports count, so they need not read the draw. Meaningful for choice questions; 0 for a timeout.
 */
export function pickedOptionBits(drawn: DrawnQuestion, response: string): number {
  let bits = 0;
  for (const letter of response) {
    const shown = indexOfLetter(letter);
    const original = shown < 0 ? -1 : originalIndexOfShown(drawn, shown);
    if (original >= 0 && original < MAX_OPTIONS) bits |= 1 << original;
  }
  return bits;
}

/** The letter under which an original option is shown. */
export function shownLetterOf(drawn: DrawnQuestion, originalIndex: number): string {
  const shown = drawn.order.length ? drawn.order.indexOf(originalIndex) : originalIndex;
  return letterOf(shown);
}

/** Scores a parsed answer. Letters are the SHOWN letters; multiple choice is all-or-nothing. */
export function scoreResponse(question: QuestionDefinition, drawn: DrawnQuestion, parsed: AnswerResponse): ScoredResponse {
  if (question.type === 'fill') {
    const text = parsed.text ?? '';
    const correct = fillAnswerMatches(text, question.answer);
    return { correct, points: correct ? question.points : 0, response: text };
  }
  const shown = [...new Set(parsed.letters ?? [])].sort();
  const original = shown.map((l) => originalIndexOfShown(drawn, indexOfLetter(l)));
  let correct: boolean;
  if (question.type === 'truefalse') {
    const value = original.length === 1 ? (original[0] === 0 ? 'true' : original[0] === 1 ? 'false' : undefined) : undefined;
    correct = value === question.answer[0];
  } else {
    const chosen = original.map((i) => (i >= 0 ? letterOf(i) : '?')).sort();
    const expected = [...question.answer].sort();
    correct = chosen.length === expected.length && chosen.every((l, i) => l === expected[i]);
  }
  return { correct, points: correct ? question.points : 0, response: shown.join('') };
}
