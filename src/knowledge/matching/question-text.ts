import { inMandarin } from './cantonese';
import { englishInChinese } from './english';
import { northernInMandarin } from './northern';
import { withoutChoices } from './quiz-stem';
import { sichuaneseInMandarin } from './sichuanese';
import { wuInMandarin } from './wu';

/**
 * The question as the matcher reads it: a quiz question's stem without its choices, Cantonese,
 * Sichuanese, Wu and northern words in Mandarin, and English words mixed in read in Chinese.
 */
export function questionText(written: string): string {
  return englishInChinese(northernInMandarin(wuInMandarin(sichuaneseInMandarin(inMandarin(withoutChoices(written))))));
}
