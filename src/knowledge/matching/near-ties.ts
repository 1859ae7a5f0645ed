import { answerKinds, askedKind, preferHaving } from './asking';
import { type PartOfWhole, quotedNamesOf } from './compound-parts';
import { normaliseQuestion } from './normalise';
import { partsAsked } from './parts';
import type { ScoredCandidate } from './prepared-entry';

/**
 * Of entries close to the best, those having what the question points at go first: the kind of
 * thing asked, or else the noun asked about, named in the answer (哪家酒店, 她说的主线是什么), a noun
 * asked about that few entries ask for written in the entry's own question (按照什么标准: the entry
 * asking for the 标准, not the one about what follows it), the kind of answer asked for in the entry's own
 * questions (谁, 多少), every name the asking sentence quotes in them (“三同三化”里的“同向”).
 */
export function breakNearTies(
  candidates: ScoredCandidate[],
  normalised: string,
  focus: string[],
  asked: string,
  named: PartOfWhole[],
  /** The word asked about, when few entries' own questions write it (TELLING_WORD_SHARE). */
  tellingWord: string | undefined,
  /** The figures that tell apart the options the question offers (see offeredFigures). */
  offeredValues: number[],
): ScoredCandidate[] {
  // 一万还是两万: the entry giving one of them goes before one giving another figure of the kind.
  if (offeredValues.length) preferHaving(candidates, (c) => offeredValues.some((value) => c.entry.facts.numbers.has(value)));
  const kind = askedKind(normalised) ?? focus.at(-1);
  if (kind) preferHaving(candidates, (c) => c.entry.facts.answerText.includes(kind));
  // 十个一是按照什么标准来的: the entry whose own question asks for the 标准 goes before the one about what has it.
  if (tellingWord) preferHaving(candidates, (c) => c.entry.texts[0].includes(tellingWord));
  const kinds = answerKinds(normalised);
  if (kinds.length === 1) preferHaving(candidates, (c) => c.entry.kinds.has(kinds[0]));
  const names = quotedNamesOf(asked);
  if (names.length >= 2) preferHaving(candidates, (c) => names.every((name) => c.entry.texts.some((t) => t.includes(name))));
  // The name whose parts are asked (“四有”具体是哪四个) is the one the entry's own question quotes,
  // not one its whole (“四同四有四立”) only holds.
  const parts = partsAsked(asked);
  if (parts) preferHaving(candidates, (c) => c.entry.quotedNames.includes(normaliseQuestion(parts)));
  // Parts named after their whole (“四同四有四立”中，“四有”和“四立”分别指什么; 四同四有四立里的四同) are what is
  // asked: an entry quoting the whole but none of those parts is about the whole or another part.
  const aboutWhole = (c: ScoredCandidate) =>
    named.some(({ part, whole }) => c.entry.quotedNames.some((name) => name !== part && name.includes(part) && whole.includes(name))) &&
    !named.some(({ part }) => c.entry.quotedNames.includes(part));
  if (named.length) preferHaving(candidates, (c) => !aboutWhole(c));
  return candidates;
}
