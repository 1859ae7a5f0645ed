/**
 * A quiz question pasted with its choices (……增加到了多少？ A.10万元 B.20万元 C.60.06万元 D.6万元)
 * asks what its stem asks. The choices are guesses, most of them wrong: their figures, places and
 * names are not what the member states, and would count against the very entry that answers.
 */

/** A choice's letter (A. A、 A： （A） Ａ．), not the end of a word such as APP. */
const letter = (l: string, wide: string) => `(?<![A-Za-z])(?:[（(][${l}${wide}][)）][.．、:：]?|[${l}${wide}]\\s*[.．、:：])`;
/** What a choice says: up to a sentence end, at most a few dozen characters. */
const CHOICE_TEXT = '[^。？?！!]{1,40}?';
/** The last choice ends at a pause or a space, where the member's own words or the next question begin. */
const LAST_CHOICE_TEXT = '[ \\t]*[^，,。？?！!\\s]{1,40}';
/** Three choices at least (A to C), a fourth and fifth when there are. */
const CHOICES = new RegExp(
  `${letter('A', 'Ａ')}${CHOICE_TEXT}${letter('B', 'Ｂ')}${CHOICE_TEXT}${letter('C', 'Ｃ')}` +
    `(?:${CHOICE_TEXT}${letter('D', 'Ｄ')})?(?:${CHOICE_TEXT}${letter('E', 'Ｅ')})?${LAST_CHOICE_TEXT}`,
  'u',
);
/** A stem shorter than this says too little to be matched alone: the choices are kept. */
const STEM_MIN_HAN = 8;
/** A stem asking which choice is right (下列说法正确的是, 关于玉门，以下哪项) has what it asks about in the choices. */
const ASKS_AMONG_CHOICES = /下列|以下|哪一?项|哪个选项|选项中|说法(?:正确|错误|不正确)|表述(?:正确|错误|不正确)/;
const PAUSE_BEFORE = /[\s，,。？?！!：:；;]$/;
const PAUSE_AFTER = /^[\s，,。？?！!：:；;]/;

/**
 * A stem asking which choice is not among what it names (以下哪个不在其中, 哪一项不属于): one choice is there
 * to be absent from the knowledge, and the list the stem names is what an entry writes.
 */
const ASKS_ODD_ONE_OUT = /不在其中|不在[^，,。？?]{0,12}之列|不在(?:名单|范围|里面|里头)|不属于|不包括|不包含/;

export function withoutChoices(text: string): string {
  const choices = CHOICES.exec(text);
  if (!choices) return text;
  const before = text.slice(0, choices.index);
  const asksAmong = ASKS_AMONG_CHOICES.test(before) && !ASKS_ODD_ONE_OUT.test(before);
  if ((before.match(/\p{Script=Han}/gu)?.length ?? 0) < STEM_MIN_HAN || asksAmong) return text;
  const after = text.slice(choices.index + choices[0].length);
  return PAUSE_BEFORE.test(before) || PAUSE_AFTER.test(after) ? before + after : `${before}，${after}`;
}
