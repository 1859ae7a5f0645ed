/**
 * The word a question asks about: the noun its question word governs (什么平台, 几次会议) or,
 * when the question word comes last or was dropped as a frame (奖品是什么 -> 奖品), the noun
 * before it. A question whose focus the knowledge never writes asks for a detail no entry
 * states (一等奖的奖品, 多大年纪), however much of the rest of it an entry shares.
 */
import { tagWords } from './segmenter';

/** Question words, in the normalised forms (啥 -> 什么, 咋 -> 怎么). */
const ASKS = /什么|多少|几|哪|谁|怎么|多大|多久/;
/** Nouns, verbal and adjectival nouns, and time words (年纪): what a question can ask about. */
const NOUN_TAG = /^(?:n|vn|an|t)/;
/** Words between a noun and a final question word (奖品是什么, 年龄有多少, 奖品都是些什么, 年龄到底是多少). */
const LINKS = new Set(['是', '的', '有', '了', '为', '叫', '都', '些', '都是', '是些']);
/** Nouns that only say "what kind" (什么样子, 啥模样): they ask about the rest of the question, not a detail of their own. */
const GENERIC = new Set(['样子', '模样', '样儿']);

export interface FocusWord {
  word: string;
  /** Offset in characters (code points) in the text it was found in. */
  start: number;
}

export function questionFocus(text: string): FocusWord[] {
  const words: Array<FocusWord & { tag: string }> = [];
  let at = 0;
  for (const { word, tag } of tagWords(text)) {
    words.push({ word, tag, start: at });
    at += Array.from(word).length;
  }
  const isNoun = (i: number) =>
    i >= 0 && i < words.length && NOUN_TAG.test(words[i].tag) && Array.from(words[i].word).length >= 2 && !GENERIC.has(words[i].word);
  const focus: FocusWord[] = [];
  const asks = words.flatMap((w, i) => (ASKS.test(w.word) ? [i] : []));
  for (const i of asks) {
    // 什么样的机制: the noun may follow a 的.
    const after = words[i + 1]?.word === '的' ? i + 2 : i + 1;
    if (isNoun(after)) {
      focus.push(words[after]);
      continue;
    }
    let before = i - 1;
    while (before >= 0 && LINKS.has(words[before].word)) before--;
    // 如今都有哪些: a time word before 都 says when, not what is asked.
    const pastAll = words.slice(before + 1, i).some(({ word }) => word.includes('都'));
    if (isNoun(before) && !(pastAll && words[before].tag.startsWith('t'))) focus.push(words[before]);
  }
  if (!asks.length && isNoun(words.length - 1)) focus.push(words[words.length - 1]);
  return focus.map(({ word, start }) => ({ word, start }));
}
