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
  if (!question.key.trim()) return `「${fields.key}」为空。`;
  if (question.key.length > 100) return `「${fields.key}」超过100个字符。`;
  if (!question.stem.trim()) return `「${fields.stem}」为空。`;
  if (!Number.isInteger(question.points) || question.points <= 0) {
    return `「${fields.points}」应为正整数，现为${question.points}。`;
  }
  if (options.length > MAX_OPTIONS) return `${typeName(type)}有${options.length}个选项，最多只能有${MAX_OPTIONS}个。`;
  if (type === 'single' || type === 'multiple') return choiceProblem(question, fields);
  if (options.length > 0) return `${typeName(type)}不应填写选项（${fields.options}）。`;
  if (type === 'truefalse') {
    return answer.length === 1 && (answer[0] === 'true' || answer[0] === 'false')
      ? undefined
      : `判断题的「${fields.answer}」应为正确或错误（对/错）。`;
  }
  const accepted = answer.filter((a) => compactText(a));
  if (accepted.length === 0 || accepted.length !== answer.length) {
    return `填空题至少要有一个可接受的答案，且不能有空答案（${fields.answer}）。`;
  }
  const tooLong = answer.find((a) => Array.from(a).length > MAX_FILL_ANSWER_LENGTH);
  if (tooLong) return `可接受的答案「${tooLong}」超过${MAX_FILL_ANSWER_LENGTH}个字，答题者无法输入。`;
  return undefined;
}

function choiceProblem(question: QuestionDefinition, fields: FieldNames): string | undefined {
  const { type, options, answer } = question;
  if (options.length < 2) return `${typeName(type)}至少要有2个选项，现有${options.length}个。`;
  const seen = new Map<string, string>();
  for (let i = 0; i < options.length; i++) {
    const compact = compactText(options[i]);
    if (!options[i].trim()) return `「${fields.option(letterOf(i))}」为空。`;
    const earlier = seen.get(compact);
    if (earlier && compact) return `「${fields.option(letterOf(i))}」与「${fields.option(earlier)}」重复。`;
    seen.set(compact, letterOf(i));
  }
  if (answer.length === 0) return `「${fields.answer}」为空。`;
  for (const letter of answer) {
    const index = letter.length === 1 ? indexOfLetter(letter) : -1;
    if (index < 0 || index >= options.length) {
      return `答案字母${letter}没有对应的选项（选项为${OPTION_LETTERS[0]}至${letterOf(options.length - 1)}）。`;
    }
  }
  if (new Set(answer).size !== answer.length) return `「${fields.answer}」中有重复的字母。`;
  if (type === 'single' && answer.length !== 1) return `单选题只能有1个答案，现有${answer.length}个（${answer.join('')}）。`;
  if (type === 'multiple' && answer.length < 2) {
    return `多选题至少要有2个答案，现有${answer.length}个（${answer.join('')}）。`;
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
