import { inMandarin } from './cantonese';
import { withoutChoices } from './quiz-stem';

/** The question as the matcher reads it: a quiz question's stem without its choices, Cantonese words in Mandarin. */
export function questionText(written: string): string {
  return inMandarin(withoutChoices(written));
}
