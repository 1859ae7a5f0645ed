/**
 * Words members write in pinyin (Xiangyang, tongzhan) or by their pinyin initials (tzb for 统战部,
 * mzdp for 民主党派), read as the knowledge's own words: a run of Latin letters that spells one of
 * its words of two characters or more in full, or the initials of one of three or more, stands for
 * that word. Only when one word clearly leads (新乡 is written far more often than 心想), and never
 * an English word, which spells no word of the knowledge.
 */
import { pinyin } from 'pinyin-pro';

/** A word read from pinyin must be written at least this many times as often as any other spelt alike. */
const LEAD = 2;
/** Initials shorter than this are too often English (HR, PR) or too ambiguous (dy). */
const MIN_INITIALS = 3;
/** Full pinyin of two syllables is at least this long (xian is one syllable or two). */
const MIN_SPELLED = 4;
const LATIN_RUN = /[a-z]+/g;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

type Readings = Map<string, string | null>;

function lead(map: Map<string, Array<[string, number]>>): Readings {
  const read: Readings = new Map();
  for (const [spelt, words] of map) {
    const [first, second] = words.sort((a, b) => b[1] - a[1]);
    read.set(spelt, !second || first[1] >= LEAD * second[1] ? first[0] : null);
  }
  return read;
}

export class PinyinWords {
  private readonly counts = new Map<string, number>();
  private spelled?: Readings;
  private initials?: Readings;

  /** Counts a word of the knowledge (as jieba cuts its texts). */
  add(word: string): void {
    if (HAN_WORD.test(word)) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
  }

  /** A normalised (lower-case) text with each Latin run that spells a word of the knowledge replaced by it. */
  read(text: string): string {
    if (!/[a-z]{3}/.test(text)) return text;
    this.build();
    return text.replace(LATIN_RUN, (run) => {
      const word = (run.length >= MIN_SPELLED ? this.spelled?.get(run) : undefined) ?? (run.length >= MIN_INITIALS ? this.initials?.get(run) : undefined);
      return word ?? run;
    });
  }

  /** The readings, built when a question first has Latin letters: most never do. */
  private build(): void {
    if (this.spelled) return;
    const spelled = new Map<string, Array<[string, number]>>();
    const initials = new Map<string, Array<[string, number]>>();
    const words = [...this.counts];
    const syllables = pinyin(words.map(([word]) => word).join(''), { toneType: 'none', type: 'array', v: true });
    let at = 0;
    for (const [word, count] of words) {
      const length = Array.from(word).length;
      const read = syllables.slice(at, at + length);
      at += length;
      const full = read.join('');
      if (!/^[a-z]+$/.test(full)) continue;
      (spelled.get(full) ?? spelled.set(full, []).get(full)!).push([word, count]);
      if (length >= MIN_INITIALS) {
        const first = read.map((s) => s[0]).join('');
        (initials.get(first) ?? initials.set(first, []).get(first)!).push([word, count]);
      }
    }
    this.spelled = lead(spelled);
    this.initials = lead(initials);
  }
}
