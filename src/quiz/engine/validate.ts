import { compactText } from '../../common/text';
import { lettersIn, trueFalseWord } from './answer-parser';
import { MAX_FILL_ANSWER_LENGTH, MAX_OPTIONS, OPTION_LETTERS, TYPE_LABELS, indexOfLetter, letterOf } from './types';
import type { QuestionDefinition, QuestionType } from './types';

/** How a problem names the fields: YAML field names, or the Chinese column headers of a spreadsheet. */
export interface FieldNames {
  key: string;
  stem: string;
  options: string;
  option: (letter: string) => string;
  answer: string;
  points: string;
}

export const YAML_FIELDS: FieldNames = {
  key: 'id',
  stem: 'stem',
  options: 'options',
  option: (letter) => `option ${letter}`,
  answer: 'answer',
  points: 'points',
};

export const TABLE_FIELDS: FieldNames = {
  key: '编号',
  stem: '题干',
  options: '选项',
  option: (letter) => `选项${letter}`,
  answer: '答案',
  points: '分值',
};

const typeName = (type: QuestionType) => `${TYPE_LABELS[type]}题`;

/** true/false, 对/错, 正确/错误, √/×, 是/否, T/F, and A (正确) / B (错误) as organisers write them. */
export function trueFalseAnswer(value: string | boolean): 'true' | 'false' | undefined {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const word = trueFalseWord(value);
  if (word !== undefined) return word ? 'true' : 'false';
  const letters = lettersIn(value);
  if (letters?.length === 1 && (letters[0] === 'A' || letters[0] === 'B')) return letters[0] === 'A' ? 'true' : 'false';
  return undefined;
}

/** The first thing wrong with a question, phrased with the given field names; undefined when it is valid. */
export function questionProblem(question: QuestionDefinition, fields: FieldNames = YAML_FIELDS): string | undefined {
  const { type, options, answer } = question;
  if (!question.key.trim()) return `${fields.key} is empty`;
  if (question.key.length > 100) return `${fields.key} is longer than 100 characters`;
  if (!question.stem.trim()) return `${fields.stem} is empty`;
  if (!Number.isInteger(question.points) || question.points <= 0) {
    return `${fields.points} must be a positive whole number, got ${question.points}`;
  }
  if (options.length > MAX_OPTIONS) return `${typeName(type)} has ${options.length} options, at most ${MAX_OPTIONS} allowed`;
  if (type === 'single' || type === 'multiple') return choiceProblem(question, fields);
  if (options.length > 0) return `${typeName(type)} must not have options (${fields.options})`;
  if (type === 'truefalse') {
    return answer.length === 1 && (answer[0] === 'true' || answer[0] === 'false')
      ? undefined
      : `${fields.answer} of a 判断题 must be true or false (对/错)`;
  }
  const accepted = answer.filter((a) => compactText(a));
  if (accepted.length === 0 || accepted.length !== answer.length) {
    return `填空题 needs at least one accepted answer and no empty ones (${fields.answer})`;
  }
  const tooLong = answer.find((a) => Array.from(a).length > MAX_FILL_ANSWER_LENGTH);
  if (tooLong) return `accepted answer "${tooLong}" is longer than ${MAX_FILL_ANSWER_LENGTH} characters, nobody can type it`;
  return undefined;
}

function choiceProblem(question: QuestionDefinition, fields: FieldNames): string | undefined {
  const { type, options, answer } = question;
  if (options.length < 2) return `${typeName(type)} needs at least 2 options, got ${options.length}`;
  const seen = new Map<string, string>();
  for (let i = 0; i < options.length; i++) {
    const compact = compactText(options[i]);
    if (!options[i].trim()) return `${fields.option(letterOf(i))} is empty`;
    const earlier = seen.get(compact);
    if (earlier && compact) return `${fields.option(letterOf(i))} repeats ${fields.option(earlier)}`;
    seen.set(compact, letterOf(i));
  }
  if (answer.length === 0) return `${fields.answer} is empty`;
  for (const letter of answer) {
    const index = letter.length === 1 ? indexOfLetter(letter) : -1;
    if (index < 0 || index >= options.length) {
      const range = `options ${OPTION_LETTERS[0]}–${letterOf(options.length - 1)}`;
      return `answer letter ${letter} has no option (${range})`;
    }
  }
  if (new Set(answer).size !== answer.length) return `${fields.answer} repeats a letter`;
  if (type === 'single' && answer.length !== 1) return `单选题 has ${answer.length} answers (${answer.join('')})`;
  if (type === 'multiple' && answer.length < 2) {
    return `多选题 needs at least 2 answers, got ${answer.length} (${answer.join('')})`;
  }
  return undefined;
}

/** The first key used twice, with the positions (0-based) of both uses. */
export function repeatedKey(questions: Pick<QuestionDefinition, 'key'>[]): { key: string; first: number; second: number } | undefined {
  const seen = new Map<string, number>();
  for (let i = 0; i < questions.length; i++) {
    const first = seen.get(questions[i].key);
    if (first !== undefined) return { key: questions[i].key, first, second: i };
    seen.set(questions[i].key, i);
  }
  return undefined;
}
