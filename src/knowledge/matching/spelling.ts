/**
 * Homophone typos, corrected against the knowledge's own wording. Members type with pinyin input
 * methods, so their typos are mostly a character of the same sound (哈尔宾 for 哈尔滨, 关摩 for
 * 观摩). Four characters the knowledge never writes in a row whose sounds match four it does
 * write, differing in one character, are read as those four; unless that character is a function
 * word (那/哪, 的/得), makes a word with a neighbour (德阳 is not a typo of 德养; nor 微信, which the
 * knowledge writes, of 微新), or is part of a name the knowledge quotes (四立分别 is not a typo of
 * 四力分别 where “四立” is one).
 */
import { pinyin } from 'pinyin-pro';
import { FUNCTION_CHARS } from './lexical-index';
import { isDictionaryWord, segment } from './segmenter';

const SPAN = 4;
/**
 * Characters of tense, mood and saying (将 will, 会 would, 讲 says): one read as a typo of another
 * changes what is asked (讲要 is not 将要). A typo of another character (讲励 for 奖励) is one.
 */
const GRAMMATICAL = new Set(Array.from('将讲会该应已曾正'));

function changesGrammar(typed: string, fixed: string): boolean {
  return FUNCTION_CHARS.has(typed) || FUNCTION_CHARS.has(fixed) || (GRAMMATICAL.has(typed) && GRAMMATICAL.has(fixed));
}
const HAN = /^\p{Script=Han}+$/u;

/** Toneless pinyin of single characters, shared by every index in the process, as syllable ids. */
const sounds = new Map<string, number>();
const syllables = new Map<string, number>();
/** More than the toneless syllables of Mandarin (~410), so that a run's sound packs into one number. */
const SYLLABLE_BASE = 1024;

function soundsOf(chars: string[]): number[] {
  const unknown = [...new Set(chars.filter((c) => !sounds.has(c)))];
  if (unknown.length) {
    // One call for all new characters: pinyin-pro costs far more per call than per character.
    const read = pinyin(unknown.join(''), { toneType: 'none', type: 'array' });
    unknown.forEach((c, i) => {
      const syllable = read[i] ?? c;
      if (!syllables.has(syllable)) syllables.set(syllable, syllables.size % SYLLABLE_BASE);
      sounds.set(c, syllables.get(syllable)!);
    });
  }
  return chars.map((c) => sounds.get(c) ?? 0);
}

/** The sound of SPAN characters from `at` as one number (exact: SPAN * 10 bits < 53). */
function soundKey(read: number[], at: number): number {
  let key = 0;
  for (let k = 0; k < SPAN; k++) key = key * SYLLABLE_BASE + read[at + k];
  return key;
}

function pairKey([first, second]: number[]): number {
  return first * SYLLABLE_BASE + second;
}

export class HomophoneCorrector {
  /**
   * Every run of SPAN Han characters in the knowledge, by its sound; null when several runs
   * sound alike (ambiguous, so they correct nothing). Keys are numbers: a knowledge base of
   * 10,000 entries has about a million runs.
   */
  private readonly bySound = new Map<number, string | null>();
  /** How often the knowledge writes each two Han characters in a row. */
  private readonly pairs = new Map<string, number>();
  /** The sounds of the two-character words of the knowledge (at most ~410² keys). */
  private readonly pairSounds = new Set<number>();

  /** Names the knowledge quotes, which are written as they are meant. */
  private readonly names: string[];
  /** How often the knowledge writes each of its words (as jieba cuts them). */
  readonly wordCounts = new Map<string, number>();

  constructor(texts: string[], names: Iterable<string> = []) {
    this.names = [...new Set(names)].filter((name) => Array.from(name).length >= 2);
    for (const text of texts) {
      const chars = Array.from(text);
      const read = soundsOf(chars);
      // jieba's words follow one another through the text, so each word's sounds are already in `read`.
      let at = 0;
      for (const word of segment(text)) {
        const length = Array.from(word).length;
        this.wordCounts.set(word, (this.wordCounts.get(word) ?? 0) + 1);
        if (length === 2 && HAN.test(word)) this.pairSounds.add(pairKey(read.slice(at, at + 2)));
        at += length;
      }
      for (let i = 1; i < chars.length; i++) {
        const pair = chars[i - 1] + chars[i];
        if (HAN.test(pair)) this.pairs.set(pair, (this.pairs.get(pair) ?? 0) + 1);
      }
      for (let i = 0; i + SPAN <= chars.length; i++) {
        const run = chars.slice(i, i + SPAN).join('');
        if (!HAN.test(run)) continue;
        const key = soundKey(read, i);
        const known = this.bySound.get(key);
        if (known === undefined) this.bySound.set(key, run);
        else if (known !== run) this.bySound.set(key, null);
      }
    }
  }

  /** Whether two characters sound like a two-character word of the knowledge (名子 like 名字). */
  soundsKnown(pair: string): boolean {
    const chars = Array.from(pair);
    return chars.length === 2 && this.pairSounds.has(pairKey(soundsOf(chars)));
  }

  /** The text with each unknown run that sounds like exactly one known run, one character apart, replaced. */
  correct(text: string): string {
    const chars = Array.from(text);
    if (chars.length < SPAN) return text;
    const read = soundsOf(chars);
    // Which characters belong to a quoted name is only looked up when a correction is at hand.
    let named: boolean[] | undefined;
    let changed = false;
    for (let i = 0; i + SPAN <= chars.length; i++) {
      const known = this.bySound.get(soundKey(read, i));
      if (!known || !HAN.test(chars.slice(i, i + SPAN).join(''))) continue;
      const fixed = Array.from(known);
      const differing = fixed.flatMap((c, k) => (c === chars[i + k] ? [] : [k]));
      if (differing.length !== 1) continue;
      const [k] = differing;
      if (changesGrammar(chars[i + k], fixed[k])) continue;
      const at = i + k;
      named ??= this.namedPositions(chars);
      if (named[at]) continue;
      const next = chars[at + 1] ?? '';
      if ((at > 0 && this.keepsWord(chars[at - 1] + chars[at], chars[at - 1] + fixed[k])) || this.keepsWord(chars[at] + next, fixed[k] + next)) continue;
      for (let k = 0; k < SPAN; k++) chars[i + k] = fixed[k];
      changed = true;
    }
    return changed ? chars.join('') : text;
  }

  /**
   * Whether the typed pair is a word to keep: one of jieba's dictionary, or two characters the
   * knowledge writes in a row (微信, which the dictionary lacks) at least as often as the corrected
   * pair (微新). 德央 is still 德阳: 央统 (中央统战) is written, but less often than 阳统 (德阳统战).
   */
  private keepsWord(typed: string, fixed: string): boolean {
    const typedCount = this.pairs.get(typed) ?? 0;
    return isDictionaryWord(typed) || (typedCount > 0 && typedCount >= (this.pairs.get(fixed) ?? 0));
  }

  /** Which characters of the text belong to a quoted name of the knowledge. */
  private namedPositions(chars: string[]): boolean[] {
    const named = chars.map(() => false);
    const text = chars.join('');
    for (const name of this.names) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        // Positions count characters, not UTF-16 units.
        const start = Array.from(text.slice(0, at)).length;
        for (let k = 0; k < Array.from(name).length; k++) named[start + k] = true;
      }
    }
    return named;
  }
}
