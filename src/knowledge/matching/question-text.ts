import { inMandarin } from './cantonese';
import { withoutChoices } from './quiz-stem';
import { sichuaneseInMandarin } from './sichuanese';

/** The question as the matcher reads it: a quiz question's stem without its choices, Cantonese and Sichuanese words in Mandarin. */
export function questionText(written: string): string {
  return sichuaneseInMandarin(inMandarin(withoutChoices(written)));
}
