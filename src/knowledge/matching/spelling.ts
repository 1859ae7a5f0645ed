/**
 * Homophone typos, corrected against the knowledge's own wording. Members type with pinyin input
 * methods, so their typos are mostly a character of the same sound (哈尔宾 for 哈尔滨, 关摩 for
 * 观摩). Four characters the knowledge never writes in a row whose sounds match four it does
 * write, differing in one character, are read as those four; unless that character is a function
 * word (那/哪, 的/得) or makes a dictionary word with a neighbour (德阳 is not a typo of 德养).
 */
import { pinyin } from 'pinyin-pro';
import { FUNCTION_CHARS } from './lexical-index';
import { isDictionaryWord } from './segmenter';

const SPAN = 4;
const HAN = /^\p{Script=Han}+$/u;

/** Toneless pinyin of single characters, shared by every index in the process. */
const sounds = new Map<string, string>();

function soundsOf(chars: string[]): string[] {
  const unknown = [...new Set(chars.filter((c) => !sounds.has(c)))];
  if (unknown.length) {
    // One call for all new characters: pinyin-pro costs far more per call than per character.
    const read = pinyin(unknown.join(''), { toneType: 'none', type: 'array' });
    unknown.forEach((c, i) => sounds.set(c, read[i] ?? c));
  }
  return chars.map((c) => sounds.get(c) ?? c);
}

export class HomophoneCorrector {
  /** Every run of SPAN Han characters in the knowledge. */
  private readonly runs = new Set<string>();
  /** The runs by their sound; a sound shared by several runs is ambiguous and corrects nothing. */
  private readonly bySound = new Map<string, string | null>();

  constructor(texts: string[]) {
    for (const text of texts) {
      const chars = Array.from(text);
      for (let i = 0; i + SPAN <= chars.length; i++) {
        const run = chars.slice(i, i + SPAN).join('');
        if (HAN.test(run)) this.runs.add(run);
      }
    }
    const runs = [...this.runs];
    const read = soundsOf(Array.from(runs.join('')));
    runs.forEach((run, k) => {
      const key = read.slice(k * SPAN, (k + 1) * SPAN).join(' ');
      this.bySound.set(key, this.bySound.has(key) && this.bySound.get(key) !== run ? null : run);
    });
  }

  /** The text with each unknown run that sounds like exactly one known run, one character apart, replaced. */
  correct(text: string): string {
    const chars = Array.from(text);
    if (chars.length < SPAN) return text;
    const read = soundsOf(chars);
    let changed = false;
    for (let i = 0; i + SPAN <= chars.length; i++) {
      const run = chars.slice(i, i + SPAN).join('');
      if (this.runs.has(run) || !HAN.test(run)) continue;
      const known = this.bySound.get(read.slice(i, i + SPAN).join(' '));
      if (!known) continue;
      const fixed = Array.from(known);
      const differing = fixed.flatMap((c, k) => (c === chars[i + k] ? [] : [k]));
      if (differing.length !== 1) continue;
      const [k] = differing;
      if (FUNCTION_CHARS.has(chars[i + k]) || FUNCTION_CHARS.has(fixed[k])) continue;
      const at = i + k;
      if ((at > 0 && isDictionaryWord(chars[at - 1] + chars[at])) || isDictionaryWord(chars[at] + (chars[at + 1] ?? ''))) continue;
      for (let k = 0; k < SPAN; k++) chars[i + k] = fixed[k];
      changed = true;
    }
    return changed ? chars.join('') : text;
  }
}
