/** Known near misses of an entry: questions close to it that it does not answer, compared by character pairs. */

/**
 * A question more like one the entry is known not to answer than like any it answers (its own
 * questions and those members asked) is one of the near misses members ask of it: the entry is
 * at most suggested. Likeness is the Dice coefficient of character pairs; `least` keeps a question
 * that shares little with either from being judged by it. Chosen on the test halves' totals.
 * Only near misses whose own words (those the entry never writes) the question shares are
 * compared: 旌阳区…出了多少经费 is no near miss of 罗江区…出了多少经费.
 */
const NEAR_MISS = { least: 0.5, margin: 0.15 };

export interface KnownNearMiss {
  pairs: Set<string>;
  /**
   * What sets it apart: its character pairs that none of the entry's texts or its answer writes (罗江 against 旌阳),
   * within its words: a pair across a space or a mark (标准化体系 工具书: 系工) is how it was typed, not what it asks.
   */
  signature: Set<string>;
}

/** A text cut where its writer paused (a space or a mark), each part normalised as the whole is. */
export type Worded = { whole: string; words: string[] };

/** The character pairs within a text's words. */
export function pairsWithin(words: string[]): Set<string> {
  return new Set(words.flatMap((word) => [...pairsOf(word)]));
}

/** What is kept of a candidate to judge it: the pairs of the questions its entry answers and does not. */
export interface NearMissCandidate {
  entry: { answers: Array<Set<string>>; notAnswers: KnownNearMiss[] };
  nearMiss?: boolean;
}

/** The near misses of an entry, normalised, against `written`: the entry's texts and answer. */
export function knownNearMisses(notAnswered: Worded[], written: string[]): KnownNearMiss[] {
  if (!notAnswered.length) return [];
  const writtenPairs = pairsOf(written.join('|'));
  return notAnswered.map(({ whole, words }) => ({
    pairs: pairsOf(whole),
    signature: new Set([...pairsWithin(words)].filter((pair) => !writtenPairs.has(pair))),
  }));
}

/** Marks the candidates the question is a known near miss of (NEAR_MISS). */
export function markNearMisses(candidates: NearMissCandidate[], question: () => Worded): void {
  // Only entries with known near misses are compared, so most questions are never cut into pairs.
  if (!candidates.some((c) => c.entry.notAnswers.length)) return;
  const { whole, words } = question();
  const query = pairsOf(whole);
  const within = pairsWithin(words);
  for (const c of candidates) {
    if (!c.entry.notAnswers.length) continue;
    // A question sharing nothing of what sets a near miss apart (旌阳区… against 罗江区…) asks what the entry answers.
    const alike = c.entry.notAnswers.filter(({ signature }) => !signature.size || [...signature].some((pair) => within.has(pair)));
    const notAnswered = closestOf(query, alike.map(({ pairs }) => pairs));
    if (notAnswered >= NEAR_MISS.least && notAnswered > closestOf(query, c.entry.answers) + NEAR_MISS.margin) c.nearMiss = true;
  }
}

/** The likeness of the text closest to the query. */
function closestOf(query: Set<string>, texts: Array<Set<string>>): number {
  return texts.reduce((best, text) => Math.max(best, dice(query, text)), 0);
}

/** The distinct character pairs of a normalised text. */
export function pairsOf(text: string): Set<string> {
  const chars = Array.from(text);
  const pairs = new Set<string>();
  for (let i = 1; i < chars.length; i++) pairs.add(chars[i - 1] + chars[i]);
  return pairs;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0;
  let shared = 0;
  for (const pair of a) if (b.has(pair)) shared++;
  return (2 * shared) / (a.size + b.size);
}

