import * as OpenCC from 'opencc-js';

const hongKongToSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const taiwanToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const simplifiedToTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

export function toSimplified(text: string): string {
  return taiwanToSimplified(hongKongToSimplified(text));
}

export function toTraditional(text: string): string {
  return simplifiedToTraditional(text);
}

function changedChars(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let n = 0;
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) n++;
  return n + Math.abs(x.length - y.length);
}

/** True when the text is written in Traditional characters (more of it changes going to Simplified than the reverse). */
export function isTraditional(text: string): boolean {
  const toS = changedChars(text, toSimplified(text));
  if (toS === 0) return false;
  return toS > changedChars(text, toTraditional(text));
}

/** Answers in the script the member wrote in. */
export function inScriptOf(sample: string, text: string): string {
  return isTraditional(sample) ? toTraditional(text) : text;
}

/**
 * The most of a member's message that is ever parsed. A reply to an answer sheet of 100 fill
 * questions (up to 50 characters each, with their numbers) stays under it; longer text is read as
 * its first MAX_MEMBER_TEXT_CHARS characters.
 */
export const MAX_MEMBER_TEXT_CHARS = 6000;

/** The part of a member's message that is parsed: its first MAX_MEMBER_TEXT_CHARS characters, never half a surrogate pair. */
export function boundedMemberText(text: string): string {
  if (text.length <= MAX_MEMBER_TEXT_CHARS) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_MEMBER_TEXT_CHARS - 1]) ? MAX_MEMBER_TEXT_CHARS - 1 : MAX_MEMBER_TEXT_CHARS;
  return text.slice(0, end);
}

/**
 * A pattern matching a run of `characters` at the end of the text, in linear time: the lookbehind
 * lets only the first character of a run start a match, where a plain `[…]+$` rescans the run
 * from each of its characters.
 */
export function trailingRun(characters: string): RegExp {
  return new RegExp(`(?<![${characters}])[${characters}]+$`, 'u');
}

/** A text to match literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** NFKC (full-width to half-width), Simplified characters, lower case, single spaces. */
export function normaliseText(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

const PUNCTUATION = /[\s\p{P}\p{S}]+/gu;

/** normaliseText without any punctuation, symbols or spaces: for comparing short answers and names. */
export function compactText(text: string): string {
  return normaliseText(text).replace(PUNCTUATION, '');
}
