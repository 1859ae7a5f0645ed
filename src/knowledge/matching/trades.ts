/** Trades and associations a question names (会计师行业, 摄影家协会). */

/** A trade or association named by what it gathers (会计师行业, 摄影家协会): the word is read as a body's name (NOVEL_NAME). */
export const TRADE = /^(?:行业|协会|商会|学会|联谊会)/;
/** A trade asked about (医生行业, 会计师协会): before 商会 or 联谊会 a word is as often a verb or a place (动员商会). */
export const ASKED_TRADE = /^(?:行业|协会|学会)/;

/**
 * Whether the i-th word names a trade or association by the word after it (会计师 行业): a noun,
 * not 所在 or 这个. With `verbs`, also a word jieba reads as a verb before 行业, 协会 or 学会 where
 * it begins the phrase (银川会计行业, 那个会计行业), not after another verb or a preposition
 * (我在会计行业工作, 从事翻译行业): read so only for a word new to the knowledge (see
 * namesNovelName in novelty.ts), since a known verb there is mostly a verb (带动行业发展, 成立协会).
 */
export function namesTrade(words: Array<{ word: string; tag: string }>, i: number, trade = TRADE, verbs = false): boolean {
  const { word, tag } = words[i];
  const after = words[i + 1]?.word ?? '';
  const before = words[i - 1];
  const begins = !before || before.tag.startsWith('n') || before.tag === 'x' || ['那个', '这个', '的'].includes(before.word);
  const named = tag.startsWith('n') || tag === 'vn' || (verbs && tag === 'v' && begins && ASKED_TRADE.test(after));
  return Array.from(word).length >= 2 && named && trade.test(after);
}
