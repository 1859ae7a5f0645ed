/** What ends a clause, for a lookahead: punctuation, a symbol, a space or the end. */
export const CLAUSE_END = '[\\s\\p{P}\\p{S}]|$';

/** A word of a dialect and the Mandarin it is read as (啥子 -> 什么). */
export type Reading = [RegExp, string];

/** The text with each reading applied in turn: a list gives longer words before their parts. */
export function readWith(readings: readonly Reading[], text: string): string {
  return readings.reduce((read, [pattern, mandarin]) => read.replace(pattern, mandarin), text);
}
