import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** Loading jieba's dictionary takes ~0.3 s: one instance per process, made on first use. */
let jieba: Jieba | undefined;

function instance(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** The words of a normalised text (jieba, precise mode). */
export function segment(text: string): string[] {
  return text ? instance().cut(text) : [];
}

/** The words of a normalised text with their part-of-speech tags (jieba, precise mode). */
export function tagWords(text: string): Array<{ word: string; tag: string }> {
  return text ? instance().tag(text, true) : [];
}

/** Whether jieba's dictionary knows the text as one word tagged as a place name (ns). */
export function isKnownPlaceWord(text: string): boolean {
  const tagged = instance().tag(text);
  return tagged.length === 1 && tagged[0].tag === 'ns';
}

/** Start offsets (in UTF-16 units) of each word of `words` in the text they were cut from. */
export function wordStarts(words: string[]): Set<number> {
  const starts = new Set<number>();
  let at = 0;
  for (const word of words) {
    starts.add(at);
    at += word.length;
  }
  return starts;
}

/** Whether jieba's dictionary holds the text as one word (no guessing of unknown words). */
export function isDictionaryWord(text: string): boolean {
  return instance().cut(text, false).length === 1;
}
