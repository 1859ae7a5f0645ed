export type QuestionType = 'single' | 'multiple' | 'truefalse' | 'fill';

export const QUESTION_TYPES: readonly QuestionType[] = ['single', 'multiple', 'truefalse', 'fill'];

export interface QuestionDefinition {
  key: string;
  type: QuestionType;
  stem: string;
  options: string[];
  /** choice: sorted letters over the ORIGINAL options, e.g. ['A','C']; truefalse: ['true'] or ['false']; fill: accepted answers */
  answer: string[];
  explanation?: string;
  points: number;
  tags: string[];
  source?: { file: string; quote: string };
}

export interface BankDefinition {
  slug: string;
  title: string;
  description?: string;
  questions: QuestionDefinition[];
}

/** order[i] = index into the original options shown at letter i; [] for fill. */
export interface DrawnQuestion {
  questionId: number;
  order: number[];
}

export const TYPE_LABELS: Record<QuestionType, string> = { single: '单选', multiple: '多选', truefalse: '判断', fill: '填空' };

export const OPTION_LETTERS = 'ABCDEFGH';
export const MAX_OPTIONS = OPTION_LETTERS.length;
export const DEFAULT_POINTS = 10;
/** A fill answer longer than this is not taken as an answer (see parseResponse), so no accepted answer may be longer. */
export const MAX_FILL_ANSWER_LENGTH = 50;

/** Truefalse questions are shown as two options: A. 正确  B. 错误. */
export const TRUE_FALSE_OPTIONS = ['正确', '错误'] as const;

/** How many letters the member can choose from: the options, 2 for truefalse, 0 for fill. */
export function optionCountOf(question: Pick<QuestionDefinition, 'type' | 'options'>): number {
  if (question.type === 'truefalse') return 2;
  if (question.type === 'fill') return 0;
  return question.options.length;
}

export function letterOf(index: number): string {
  return OPTION_LETTERS[index];
}

export function indexOfLetter(letter: string): number {
  return OPTION_LETTERS.indexOf(letter);
}
