import { compactText } from '../../common/text';

/** A source's opening lines: usually its title, date and lead, which say where and when. */
const OPENING_LINES = 3;

/**
 * The context an entry's fact was reported in: the source's opening lines and the paragraph that holds the entry's quote. Undefined when the quote is not found within
 * one paragraph (a paraphrased quote, another source).
 */
export function passageOf(sourceText: string, quote: string): string | undefined {
  const wanted = compactText(quote);
  if (!wanted) return undefined;
  const lines = sourceText.split(/\n/).filter((line) => line.trim());
  const paragraph = lines.find((line) => compactText(line).includes(wanted));
  return paragraph === undefined ? undefined : [...lines.slice(0, OPENING_LINES), paragraph].join('\n');
}
