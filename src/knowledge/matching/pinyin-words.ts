/**
 * Names and words members write in pinyin: a place or a name spelt in full (Xiangyang, xiaoying) is
 * read as it is written in Chinese, and the initials of one of the knowledge's common words of three
 * characters or more (tzb for 统战部, mzdp for 民主党派) as that word. Only when one reading clearly
 * leads (泰州 and 台州 are both taizhou, so neither is read), and not for English: a run in capitals
 * (GDP, KPI) is an abbreviation, and initials have no vowel (yes, sys are words).
 */
import { pinyin } from 'pinyin-pro';

/** A reading must be written at least this many times as often as any other spelt alike. */
const LEAD = 2;
/** Initials shorter than this are too ambiguous (dy, sz). */
const MIN_INITIALS = 3;
/** How often the knowledge must write a word for its initials to stand for it: only its common words. */
const MIN_WRITTEN = 5;
/** Full pinyin of two syllables is at least this long. */
const MIN_SPELLED = 4;
const LATIN_RUN = /(?<![A-Za-z])[A-Za-z]+(?![A-Za-z])/g;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;
/** Written as a name is (Xiangyang) or as members type (xiangyang, tzb); not GDP or KPI. */
const AS_TYPED = /^[A-Z]?[a-z]+$/;
const INITIALS = /^[b-df-hj-np-tv-z]+$/;

type Readings = Map<string, string | null>;

function leading(map: Map<string, Map<string, number>>): Readings {
  const read: Readings = new Map();
  for (const [spelt, words] of map) {
    const [first, second] = [...words].sort((a, b) => b[1] - a[1]);
    read.set(spelt, !second || first[1] >= LEAD * second[1] ? first[0] : null);
  }
  return read;
}

function add(map: Map<string, Map<string, number>>, key: string, word: string, count: number): void {
  const words = map.get(key) ?? map.set(key, new Map()).get(key)!;
  words.set(word, (words.get(word) ?? 0) + count);
}

export class PinyinWords {
  private spelled?: Readings;
  private initials?: Readings;

  /**
   * `counts`: how often the knowledge writes each of its words; `names`: the places of China and
   * the names the knowledge uses, which alone are read from full pinyin.
   */
  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    private readonly names: () => Iterable<string>,
  ) {}

  /** The question (as written, before its case is lost) with each Latin run that spells a name or word read as it. */
  read(text: string): string {
    if (!/[A-Za-z]{3}/.test(text)) return text;
    this.build();
    return text.replace(LATIN_RUN, (run) => {
      if (!AS_TYPED.test(run)) return run;
      const key = run.toLowerCase();
      const name = key.length >= MIN_SPELLED ? this.spelled?.get(key) : undefined;
      const word = run === key && key.length >= MIN_INITIALS && INITIALS.test(key) ? this.initials?.get(key) : undefined;
      return name ?? word ?? run;
    });
  }

  /** The readings, built when a question first has Latin letters: most never do. */
  private build(): void {
    if (this.spelled) return;
    const spelled = new Map<string, Map<string, number>>();
    const initials = new Map<string, Map<string, number>>();
    const names = [...new Set(this.names())].filter((name) => HAN_WORD.test(name));
    const common = [...this.counts].filter(([word, count]) => count >= MIN_WRITTEN && HAN_WORD.test(word) && Array.from(word).length >= MIN_INITIALS);
    const words = [...names, ...common.map(([word]) => word)];
    const syllables = pinyin(words.join(''), { toneType: 'none', type: 'array', v: true });
    let at = 0;
    words.forEach((word, i) => {
      const length = Array.from(word).length;
      const read = syllables.slice(at, at + length);
      at += length;
      if (!read.every((s) => /^[a-z]+$/.test(s))) return;
      // A place the knowledge never writes still counts once (Beijing is 北京, not 背景).
      if (i < names.length) add(spelled, read.join(''), word, (this.counts.get(word) ?? 0) + 1);
      else add(initials, read.map((s) => s[0]).join(''), word, this.counts.get(word) ?? 0);
    });
    this.spelled = leading(spelled);
    this.initials = leading(initials);
  }
}
