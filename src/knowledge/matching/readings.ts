/** What ends a clause, for a lookahead: punctuation, a symbol, a space or the end. */
export const CLAUSE_END = '[\\s\\p{P}\\p{S}]|$';
/** Where a clause begins, for a lookbehind: the start, punctuation, a symbol or a space. */
export const CLAUSE_START = '(?<=^|[\\s\\p{P}\\p{S}])';

/** Words making a clause of their own, alone or one after another, each with any of `trailing` after it (家人们谁懂啊, 辛苦了，打扰了). */
export function standingAlone(words: readonly string[], trailing: string): RegExp {
  return new RegExp(`${CLAUSE_START}(?:(?:${words.join('|')})[${trailing}]*)+(?=${CLAUSE_END})`, 'gu');
}

/** A word of a dialect and the Mandarin it is read as (啥子 -> 什么). */
export type Reading = [RegExp, string];

/** The text with each reading applied in turn: a list gives longer words before their parts. */
export function readWith(readings: readonly Reading[], text: string): string {
  return readings.reduce((read, [pattern, mandarin]) => read.replace(pattern, mandarin), text);
}
