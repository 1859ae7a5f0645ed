import { compactText } from '../../common/text';

/**
 * How much of a source's beginning counts as its opening: its title, date and the start of its
 * lead, which say where and when (a source without a title block starts with a long paragraph,
 * of which only the start is taken).
 */
const OPENING_CHARS = 160;

/** A source read for finding quotes: its opening and its paragraphs, each also compacted. */
export interface SourceParagraphs {
  opening: string;
  paragraphs: Array<{ text: string; compact: string }>;
}

/** Reads a source once for every quote looked up in it (see passageIn). */
export function paragraphsOf(sourceText: string): SourceParagraphs {
  const lines = withoutPinyinGlosses(sourceText).split(/\n/).filter((line) => line.trim());
  return { opening: lines.join('\n').slice(0, OPENING_CHARS), paragraphs: lines.map((text) => ({ text, compact: compactText(text) })) };
}

/**
 * The context an entry's fact was reported in: the source's opening and the paragraph that holds the entry's quote. Undefined when the quote is not found within
 * one paragraph (a paraphrased quote, another source).
 */
export function passageIn(source: SourceParagraphs, quote: string): string | undefined {
  const wanted = compactText(withoutPinyinGlosses(quote));
  if (!wanted) return undefined;
  const paragraph = source.paragraphs.find(({ compact }) => compact.includes(wanted));
  return paragraph === undefined ? undefined : [source.opening, paragraph.text].join('\n');
}

/** passageIn for a source read just for this quote. */
export function passageOf(sourceText: string, quote: string): string | undefined {
  return passageIn(paragraphsOf(sourceText), quote);
}

/** A character's reading glossed after it, as some pages print them (學(xué)社): they split the words they are in. */
const PINYIN_GLOSS = /(?<=\p{Script=Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+\)/gu;

function withoutPinyinGlosses(text: string): string {
  return text.replace(PINYIN_GLOSS, '');
}
