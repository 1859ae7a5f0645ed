/**
 * Questions offering a choice (是民革还是民盟协办的; 到底叫“力量整合”还是“力量统筹”): a member preparing
 * for a quiz names the options, of which the knowledge writes one. Read whole, the option it does not
 * write counts against the entry writing the other, as a name the entry lacks would.
 */

const CLAUSE_END = /[，,。！？!?；;\n]/;
const CHOICE = '还是';
/** What a choice is put after: 是, 叫, 选 (是民革还是民盟, 叫“整合”还是“统筹”); else the clause's start. */
const CHOICE_VERB = /[是叫选]/g;
/** A guess left open (月月开还是咋的, 一年一次还是怎么样): no second option. */
/** An option is a name or a wording: 多还是少, 高还是低 compare. */
const MIN_OPTION = 2;
const YES_NO = /[吗么]$/;
const OPEN_GUESS = /^(?:咋的|咋地|咋样|怎么的|怎么着|怎么样|怎样|啥|啥的|什么的|别的|其他的?)(?:呢|啊|呀|嘛|哦)?$/;

/**
 * The question read once for each option of its first choice (还是), the other left out; for a guess
 * left open, the question without the open part. Empty when it offers no choice. A question is
 * answered by an option's reading only when the other option's is not (see decide): options the
 * knowledge writes neither of (剪纸还是刺绣) read alike.
 */
export function optionReadings(text: string): string[] {
  const at = text.indexOf(CHOICE);
  if (at < 0) return [];
  const start = lastClauseEnd(text, at) + 1;
  const endAt = text.slice(at + CHOICE.length).search(CLAUSE_END);
  const end = endAt < 0 ? text.length : at + CHOICE.length + endAt;
  const first = text.slice(start, at);
  const second = text.slice(at + CHOICE.length, end);
  if (!first.trim() || !second.trim()) return [];
  const withoutSecond = text.slice(0, at) + text.slice(end);
  if (OPEN_GUESS.test(second.trim())) return [withoutSecond];
  // 多还是少 compares; 还是20万吗 asks whether something stays as it was.
  if (Array.from(second.trim()).length < MIN_OPTION || YES_NO.test(second.trim())) return [];
  const verb = [...first.matchAll(CHOICE_VERB)].pop();
  const optionStart = start + (verb ? verb.index + 1 : 0);
  return [withoutSecond, text.slice(0, optionStart) + second + text.slice(end)];
}

function lastClauseEnd(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (CLAUSE_END.test(text[i])) return i;
  return -1;
}
