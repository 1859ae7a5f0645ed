/**
 * Places and names members write in pinyin (Xiangyang, xiaoying), read as the knowledge writes them,
 * and the initials of a noun of three characters or more the knowledge writes often (tzb for 统战部,
 * mzdp for 民主党派), read as that noun. Only the knowledge's own places and names are read: a
 * common word spelt in pinyin (zhongyang, jiangli) may be a county's name as well (中阳), and a place
 * the knowledge never writes (Beijing) may be a word it does (背景); either is left as it is, and
 * the rest of the question is matched as before. Only when one reading clearly leads, and not for
 * English: a run in capitals (GDP, KPI) is an abbreviation, and initials have no vowel (yes).
 */
import { pinyin } from 'pinyin-pro';
import { tagWords } from './segmenter';

/** A reading must be written at least this many times as often as any other spelt alike. */
const LEAD = 2;
/** Initials shorter than this are too ambiguous (dy, sz). */
const MIN_INITIALS = 3;
/** How often the knowledge must write a word for its initials to stand for it: only its common words. */
const MIN_WRITTEN = 5;
/** Shorter runs (Jian, Xian) are as often a person's name or two readings. */
const MIN_SPELLED = 5;
const LATIN_RUN = /(?<![A-Za-z])[A-Za-z]+(?![A-Za-z])/g;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;
/** Written as a name is (Xiangyang) or as members type (xiangyang, tzb); not GDP or KPI. */
const AS_TYPED = /^[A-Z]?[a-z]+$/;
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
  private initials?: Readings;

  /**
   * `counts`: how often the knowledge writes each of its words; `names`: the places and names the
   * knowledge writes, with how many of its entries name each.
   */
  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    private readonly knownNames: () => ReadonlyMap<string, number>,
  ) {}

  /** The question (as written, before its case is lost) with each Latin run that spells a name or noun read as it. */
  read(text: string): string {
    if (!/[A-Za-z]{3}/.test(text)) return text;
    this.build();
    return text.replace(LATIN_RUN, (run) => {
      if (!AS_TYPED.test(run)) return run;
      const key = run.toLowerCase();
      const name = key.length >= MIN_SPELLED ? this.names?.get(key) : undefined;
      const noun = run === key && key.length >= MIN_INITIALS && INITIALS.test(key) ? this.initials?.get(key) : undefined;
      return name ?? noun ?? run;
    });
  }

  /** The readings, built when a question first has Latin letters: most never do. */
  private build(): void {
    if (this.names) return;
    const names = new Map<string, Map<string, number>>();
    const initials = new Map<string, Map<string, number>>();
    const known = [...this.knownNames()].filter(([name]) => HAN_WORD.test(name));
    const nouns = [...this.counts].filter(
      ([word, count]) => count >= MIN_WRITTEN && HAN_WORD.test(word) && Array.from(word).length >= MIN_INITIALS && NOUN.test(tagWords(word)[0]?.tag ?? ''),
    );
    const all = [...known, ...nouns];
    // Each read on its own (成都 is chengdu, 长沙 changsha): a separator keeps pinyin-pro from reading across them.
    const syllables = pinyin(all.map(([word]) => word).join('，'), { toneType: 'none', type: 'array', v: true });
    let at = 0;
    all.forEach(([word, count], i) => {
      const length = Array.from(word).length;
      const read = syllables.slice(at, at + length);
      at += length + 1;
      if (!read.every((s) => /^[a-z]+$/.test(s))) return;
      if (i < known.length) add(names, read.join(''), word, count);
      else add(initials, read.map((s) => s[0]).join(''), word, count);
    });
    this.names = leading(names);
    this.initials = leading(initials);
  }
}
