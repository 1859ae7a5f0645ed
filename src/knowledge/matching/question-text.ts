import { inMandarin } from './cantonese';
import { classicalInMandarin } from './classical';
import { withoutCourtesies } from './courtesies';
import { withoutDoubts } from './doubts';
import { withoutRelaying } from './relayed';
import { jinInMandarin } from './jin';
import { englishInChinese } from './english';
import { minnanInMandarin } from './minnan';
import { nanyangInMandarin } from './nanyang';
import { netspeakInMandarin } from './netspeak';
import { northernInMandarin } from './northern';
import { withoutChoices } from './quiz-stem';
import { sichuaneseInMandarin } from './sichuanese';
import { asCorrected } from './self-correction';
import { wuInMandarin } from './wu';
import { xiangGanInMandarin } from './xiang-gan';

/** A half-width dot after a Chinese character ends a sentence (……留守娃娃.听说……), as 。 does; 2.5万 keeps its point. */
const DOT_AS_STOP = /(?<=\p{Script=Han})\.(?!\d)/gu;

/**
 * The question as the matcher reads it: a quiz question's stem without its choices, classical, Cantonese,
 * Sichuanese, Wu, Minnan, Xiang and Gan, Jin and northern words and the particles of Singapore and Malaysia in Mandarin, the asides typed online left out, English words mixed in read in Chinese, a dot
 * typed for a full stop read as one, greetings, thanks and WeChat's emoji left out, who a member asks for read as 请问, a guess the member doubts before asking openly left out, and what the member took back as they spoke left out.
 */
export function questionText(written: string): string {
  const read = READINGS.reduce((text, reading) => reading(text), written);
  return asCorrected(read.replace(DOT_AS_STOP, '。'));
}

/** In the order they are applied: 冇得 is Xiang's 没有 before Cantonese reads 冇 alone. */
const READINGS: Array<(text: string) => string> = [
  withoutCourtesies,
  withoutRelaying,
  withoutChoices,
  classicalInMandarin,
  xiangGanInMandarin,
  inMandarin,
  sichuaneseInMandarin,
  wuInMandarin,
  minnanInMandarin,
  jinInMandarin,
  northernInMandarin,
  nanyangInMandarin,
  netspeakInMandarin,
  englishInChinese,
  withoutDoubts,
];
