import { z } from 'zod';
import { MAX_FILL_ANSWER_LENGTH, OPTION_LETTERS, optionCountOf, type AnswerResponse, type QuestionDefinition } from '../quiz/engine';

/** One answer a page sends: the letters chosen ("AC") or the text filled in; empty or null when not answered. */
const webAnswer = z.string().max(MAX_FILL_ANSWER_LENGTH * 2).nullable();

/** The answers a page sends, by position; bounded before anything else reads them. */
export const webAnswersInput = z.object({
  attemptId: z.number().int().positive().max(2 ** 31 - 1),
  answers: z.array(webAnswer).max(100),
});
export type WebAnswersInput = z.output<typeof webAnswersInput>;

/** What a group-link visitor types: their unit (name or alias) and their name. */
export const groupStartInput = z.object({
  unit: z.string().trim().min(1, '请选择或填写单位').max(100),
  name: z
    .string()
    .transform((s) => personName(s))
    .pipe(z.string().min(1, '请填写姓名').max(20, '姓名最多20个字').regex(/^[\p{L}\p{M}·.\s-]+$/u, '姓名只能包含文字')),
});

/** A name as typed on two phones compares equal: full-width forms folded, spaces between Chinese characters dropped. */
export function personName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
}

/**
 * An answer from the page as the engine scores it: only the question's own letters count for a
 * choice, and a fill answer is the text as typed. Undefined when nothing usable was given.
 */
export function webResponse(question: Pick<QuestionDefinition, 'type' | 'options'>, raw: string | null | undefined): AnswerResponse | undefined {
  const text = (raw ?? '').trim();
  if (!text) return undefined;
  if (question.type === 'fill') return Array.from(text).length <= MAX_FILL_ANSWER_LENGTH ? { kind: 'answer', text } : undefined;
  const allowed = OPTION_LETTERS.slice(0, optionCountOf(question));
  const letters = [...new Set(text.toUpperCase())];
  if (!letters.every((l) => allowed.includes(l))) return undefined;
  return { kind: 'answer', letters: letters.sort() };
}
