import { bigramsOf, type LexicalIndex } from './lexical-index';
import { tagWords } from './segmenter';
import type { HomophoneCorrector } from './spelling';
import { ASKED_TRADE, namesTrade, TRADE } from './trades';

/**
 * Factor for a candidate lacking the word the question asks about when the knowledge never
 * writes that word: enough to keep a near miss sharing the rest of the wording from an answer.
 */
export const NOVEL_FOCUS = 0.75;
/**
 * Factor for every candidate when the question names a body the knowledge never writes (央视,
 * 致公党, 全国工商联: words jieba tags as organisations or abbreviations), a platform (MEANS) or
 * a trade (TRADE) it never writes: it asks about someone else's work, however much of the rest it
 * shares with an entry.
 */
export const NOVEL_NAME = 0.6;
const NAME_TAGS = new Set(['nt', 'j']);
/**
 * On or through what something was done (在抖音上, 通过快手平台): the word is read as a body's name (NOVEL_NAME).
 * 在上海上班 says where someone works: 上 begins 上班, 上学, 上课.
 */
const MEANS = /(?:在|通过|利用|依托|借助)([\p{Script=Han}A-Za-z]{2,4}?)(?:上(?![班学课岗任])|平台)/gu;

/** What in a question is new to the knowledge: words, bodies, platforms and trades no entry writes. */
export class Novelty {
  constructor(
    private readonly lexical: LexicalIndex,
    private readonly spelling: HomophoneCorrector,
  ) {}

  /**
   * Whether a word is new to the knowledge: one of its character pairs appears in no entry and
   * does not sound like a two-character word of the knowledge (名子 is 名字 mistyped, not new).
   */
  isNovel(word: string): boolean {
    return bigramsOf(Array.from(word)).some((g) => !this.lexical.hasBigram(g) && !this.spelling.soundsKnown(g));
  }

  /** Whether the question names a body (NAME_TAGS), a trade (TRADE) or a platform (MEANS) new to the knowledge. */
  namesNovelName(normalised: string): boolean {
    const words = tagWords(normalised);
    const body = words.some(({ word, tag }, i) => (NAME_TAGS.has(tag) || namesTrade(words, i, TRADE, true)) && this.isNovel(word));
    return body || [...normalised.matchAll(MEANS)].some((m) => this.isNovel(m[1]));
  }

  /**
   * The trades a question names (银川那个医生行业的基地提供啥服务), which an entry must write like
   * a quoted name: one that never does is about another trade's body. `asked` is the question
   * without the member's own story (我在律师行业干了这么多年，……), or what follows its turn to
   * asking. A trade new to the knowledge already lowers every entry (see namesNovelName).
   */
  tradesAsked(asked: string): string[] {
    const words = tagWords(asked);
    return words.filter((word, i) => namesTrade(words, i, ASKED_TRADE) && !this.isNovel(word.word)).map(({ word }) => word);
  }

  /** The character ids of each word the question asks about that is new to the knowledge. */
  focusIds(focus: string[]): number[][] {
    return focus.filter((word) => this.isNovel(word)).map((word) => this.lexical.prepareQuery(word).charIds);
  }
}
