/**
 * Names and words members write in pinyin: a word the knowledge writes, spelt in full (xiangyang,
 * zhongyang, jiangli), is read as it is written in Chinese; a capitalised one (Beijing, Shantou)
 * is read first as a place of China or a name of the knowledge; and the initials of a noun of three
 * characters or more the knowledge writes often (tzb for 统战部, mzdp for 民主党派) as that noun.
 * Only when one reading clearly leads (泰州 and 台州 are both Taizhou, so neither is read), and not
 * for English: a run in capitals (GDP, KPI) is an abbreviation, and initials have no vowel (yes).
 */
import { pinyin } from 'pinyin-pro';
import { tagWords } from './segmenter';

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
/** Written as a name is (Xiangyang) or as members type (xiangyang, tzb); not GDP or KPI. */
const AS_TYPED = /^[A-Z]?[a-z]+$/;
const CAPITALISED = /^[A-Z]/;
const INITIALS = /^[b-df-hj-np-tv-z]+$/;
/** jieba's tags of nouns (统战部 nt, 民主党派 n); 各党派 and 单打独斗 are no names of a thing. */
const NOUN = /^n/;

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
  private names?: Readings;
  private words?: Readings;
  private initials?: Readings;

  /**
   * `counts`: how often the knowledge writes each of its words; `names`: the places of China and
   * the names the knowledge uses.
   */
  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    private readonly knownNames: () => Iterable<string>,
  ) {}

  /** The question (as written, before its case is lost) with each Latin run that spells a name or word read as it. */
  read(text: string): string {
    if (!/[A-Za-z]{3}/.test(text)) return text;
    this.build();
    return text.replace(LATIN_RUN, (run) => {
      if (!AS_TYPED.test(run)) return run;
      const key = run.toLowerCase();
      const spelt = key.length >= MIN_SPELLED ? (CAPITALISED.test(run) ? this.names?.get(key) : undefined) ?? this.words?.get(key) : undefined;
      const initials = run === key && key.length >= MIN_INITIALS && INITIALS.test(key) ? this.initials?.get(key) : undefined;
      return spelt ?? initials ?? run;
    });
  }

  /** The readings, built when a question first has Latin letters: most never do. */
  private build(): void {
    if (this.words) return;
    const names = new Map<string, Map<string, number>>();
    const words = new Map<string, Map<string, number>>();
    const initials = new Map<string, Map<string, number>>();
    const known = [...new Set(this.knownNames())].filter((name) => HAN_WORD.test(name));
    const written = [...this.counts].filter(([word]) => HAN_WORD.test(word));
    const all = [...known, ...written.map(([word]) => word)];
    // Each word read on its own (成都 is chengdu, 长沙 changsha): a separator keeps pinyin-pro from reading across words.
    const syllables = pinyin(all.join('，'), { toneType: 'none', type: 'array', v: true });
    let at = 0;
    all.forEach((word, i) => {
      const length = Array.from(word).length;
      const read = syllables.slice(at, at + length);
      at += length + 1;
      if (!read.every((s) => /^[a-z]+$/.test(s))) return;
      const count = this.counts.get(word) ?? 0;
      // A place the knowledge never writes still counts once (Beijing is 北京).
      if (i < known.length) return add(names, read.join(''), word, count + 1);
      add(words, read.join(''), word, count);
      if (length >= MIN_INITIALS && count >= MIN_WRITTEN && NOUN.test(tagWords(word)[0]?.tag ?? '')) {
        add(initials, read.map((s) => s[0]).join(''), word, count);
      }
    });
    this.names = leading(names);
    this.words = leading(words);
    this.initials = leading(initials);
  }
}
