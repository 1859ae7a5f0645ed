import { compactText, toSimplified } from '../../common/text';
import { locateColumns, rowPlace, SheetRowError } from '../../common/tabular';
import type { Sheet } from '../../common/tabular';
import { DEFAULT_POINTS, OPTION_LETTERS, TRUE_FALSE_OPTIONS, TYPE_LABELS, letterOf } from './types';
import type { BankDefinition, QuestionDefinition, QuestionType } from './types';
import { lettersIn, trueFalseWord } from './answer-parser';
import { TABLE_FIELDS, questionProblem, trueFalseAnswer } from './validate';

export class BankImportError extends SheetRowError {}

const LETTERS = [...OPTION_LETTERS];

const COLUMNS: Record<string, string[]> = {
  key: ['编号', 'ID', '题目编号', '试题编号', '题目ID'],
  type: ['题型', '题目类型', '试题类型', '类型'],
  stem: ['题干', '题目', '问题', '试题内容', '题目内容', '试题'],
  options: ['选项', '选项内容', '备选项', '备选答案'],
  answer: ['答案', '正确答案', '标准答案', '参考答案'],
  explanation: ['解析', '答案解析', '试题解析', '题目解析'],
  points: ['分数', '分值', '得分', '每题分值'],
  tags: ['标签', '知识点'],
  sourceFile: ['来源文件'],
  sourceQuote: ['来源原文'],
  ...Object.fromEntries(LETTERS.map((l) => [`option${l}`, [`选项${l}`, l, `${l}选项`]])),
};

const TYPE_NAMES: Record<QuestionType, string[]> = {
  single: ['单选', '单选题', '单项选择', '单项选择题', '单择题', 'single', 'singlechoice'],
  multiple: ['多选', '多选题', '多项选择', '多项选择题', 'multiple', 'multiplechoice', 'multi'],
  truefalse: ['判断', '判断题', '是非题', 'truefalse', 'tf'],
  fill: ['填空', '填空题', 'fill', 'fillin', 'blank'],
};

/** 单选题, 單選, 多项选择, truefalse, ... → the question type; undefined for other text (e.g. "Sheet1"). */
export function questionTypeFromLabel(label: string): QuestionType | undefined {
  const compact = compactText(label);
  return (Object.keys(TYPE_NAMES) as QuestionType[]).find((t) => TYPE_NAMES[t].includes(compact));
}

const FILL_SEPARATORS = /\s*[|;；]\s*/;
const TAG_SEPARATORS = /\s*[,，、;；|]\s*/;
const OPTION_SEPARATORS = /\s*(?:\||\r?\n)\s*/;

/** Drops an "A." / "A、" / "A:" prefix when it repeats the option's own letter. */
function withoutLetterPrefix(option: string, letter: string): string {
  const match = /^([A-Ha-h])\s*[.．、:：)）]\s*/.exec(option.normalize('NFKC'));
  return match && match[1].toUpperCase() === letter ? option.normalize('NFKC').slice(match[0].length).trim() : option;
}

/** A question read from a row, with where it came from. */
export interface SheetQuestion {
  sheet: string;
  row: number;
  question: QuestionDefinition;
}

/** Every problem of an uploaded bank, each with its sheet and spreadsheet row; the questions of the good rows. */
export interface BankReading {
  questions: SheetQuestion[];
  errors: BankImportError[];
}

/**
 * Reads questions from the layouts organisers use: one sheet with a 题型 column, or one sheet per type
 * named 单选题 / 多选题 / 判断题 / 填空题. Sheets without a 题干 + 答案 header (notes, instructions) are skipped.
 * Every bad row is reported, not the first only.
 */
export function readBankSheets(sheets: Sheet[]): BankReading {
  const rows: Array<SheetQuestion & { explicitKey: boolean }> = [];
  const errors: BankImportError[] = [];
  for (const sheet of sheets) {
    // Headers may be Traditional or full-width ("選項Ａ"); only the header lookup sees the simplified copy.
    const headerRows = sheet.rows.slice(0, 10).map((r) => r.map((c) => toSimplified((c ?? '').normalize('NFKC'))));
    const located = locateColumns(headerRows, COLUMNS, ['stem', 'answer']);
    if (!located) continue;
    const { headerRow, columns } = located;
    const sheetType = questionTypeFromLabel(sheet.name);
    if (columns.type < 0 && !sheetType) {
      errors.push(new BankImportError(sheet.name, headerRow + 1, `没有「题型」列，工作表名「${sheet.name}」也不是单选题、多选题、判断题、填空题之一。`));
      continue;
    }
    for (let r = headerRow + 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r] ?? [];
      if (cells.every((c) => !c?.trim())) continue;
      const cell = (key: string) => (columns[key] >= 0 ? (cells[columns[key]] ?? '').trim() : '');
      const fail = (reason: string): never => {
        throw new BankImportError(sheet.name, r + 1, reason);
      };
      try {
        const question = readRow(cell, sheetType, fail);
        rows.push({ question, explicitKey: Boolean(cell('key')), sheet: sheet.name, row: r + 1 });
      } catch (err) {
        if (!(err instanceof BankImportError)) throw err;
        errors.push(err);
      }
    }
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push(new BankImportError(sheets[0]?.name ?? 'csv', 1, '没有找到题目：应有一行含「题干」和「答案」列的表头。'));
  }
  errors.push(...assignKeys(rows));
  errors.sort((a, b) => sheets.findIndex((s) => s.name === a.sheet) - sheets.findIndex((s) => s.name === b.sheet) || a.row - b.row);
  return { questions: rows.map(({ explicitKey: _explicit, ...r }) => r), errors };
}

/** The questions of an upload; throws BankImportError naming the sheet and spreadsheet row of the first bad row. */
export function parseBankSheets(sheets: Sheet[]): QuestionDefinition[] {
  const { questions, errors } = readBankSheets(sheets);
  if (errors.length) throw errors[0];
  return questions.map((q) => q.question);
}

function readRow(cell: (key: string) => string, sheetType: QuestionType | undefined, fail: (reason: string) => never): QuestionDefinition {
  const typeText = cell('type');
  const type = typeText ? questionTypeFromLabel(typeText) : sheetType;
  if (!type) fail(typeText ? `题型「${typeText}」不是单选、多选、判断、填空之一。` : '「题型」为空。');
  const questionType = type as QuestionType;

  const answerText = cell('answer');
  if (!answerText) fail('「答案」为空。');
  const pointsText = cell('points');
  if (pointsText && !/^\d+(?:\.0+)?$/.test(pointsText)) fail(`分值「${pointsText}」不是正整数。`);

  const question: QuestionDefinition = {
    key: cell('key'),
    type: questionType,
    stem: cell('stem'),
    options: readOptions(cell, questionType),
    answer: readAnswer(questionType, answerText, fail),
    points: pointsText ? Number(pointsText) : DEFAULT_POINTS,
    tags: cell('tags').split(TAG_SEPARATORS).filter(Boolean),
  };
  const explanation = cell('explanation');
  if (explanation) question.explanation = explanation;
  const sourceFile = cell('sourceFile');
  const sourceQuote = cell('sourceQuote');
  if (sourceFile || sourceQuote) {
    if (!sourceFile) fail('填写了「来源原文」，但「来源文件」为空。');
    if (!sourceQuote) fail('填写了「来源文件」，但「来源原文」为空。');
    question.source = { file: sourceFile, quote: sourceQuote };
  }
  // The key is checked after defaults are assigned (assignKeys).
  const problem = questionProblem({ ...question, key: question.key || 'pending' }, TABLE_FIELDS);
  if (problem) fail(problem);
  return question;
}

function readOptions(cell: (key: string) => string, type: QuestionType): string[] {
  let options = LETTERS.map((l) => withoutLetterPrefix(cell(`option${l}`), l));
  const last = options.findLastIndex(Boolean);
  if (last >= 0) {
    options = options.slice(0, last + 1);
  } else {
    const parts = cell('options').split(OPTION_SEPARATORS).filter(Boolean);
    options = parts.map((p, i) => withoutLetterPrefix(p, letterOf(i) ?? ''));
  }
  // A 判断题 sheet often repeats 正确/错误 in the option columns; that is the fixed presentation anyway.
  if (type === 'truefalse' && options.every((o) => trueFalseWord(o) !== undefined)) return [];
  return options;
}

function readAnswer(type: QuestionType, text: string, fail: (reason: string) => never): string[] {
  if (type === 'fill') return text.split(FILL_SEPARATORS).filter(Boolean);
  if (type === 'truefalse') {
    const value = trueFalseAnswer(text);
    return value ? [value] : fail(`判断题的答案「${text}」不是正确或错误（也可写对/错、√/×、A/B）。`);
  }
  return lettersIn(text) ?? fail(`答案「${text}」不是选项字母（应写成 A 或 AC 这样）。`);
}

/** Rows without 编号 get q1, q2, ... (their position among all questions), skipping keys used explicitly; returns the rows whose 编号 is taken. */
function assignKeys(rows: Array<{ question: QuestionDefinition; explicitKey: boolean; sheet: string; row: number }>): BankImportError[] {
  const errors: BankImportError[] = [];
  const firstRowOfKey = new Map<string, { sheet: string; row: number }>();
  for (const r of rows.filter((x) => x.explicitKey)) {
    const earlier = firstRowOfKey.get(r.question.key);
    if (earlier) errors.push(new BankImportError(r.sheet, r.row, `编号${r.question.key}已在${rowPlace(earlier)}用过。`));
    else if (r.question.key.length > 100) errors.push(new BankImportError(r.sheet, r.row, '「编号」超过100个字符。'));
    else firstRowOfKey.set(r.question.key, r);
  }
  let n = 0;
  for (const r of rows) {
    n++;
    if (r.explicitKey) continue;
    let key = `q${n}`;
    for (let suffix = 2; firstRowOfKey.has(key); suffix++) key = `q${n}-${suffix}`;
    r.question.key = key;
    firstRowOfKey.set(key, r);
  }
  return errors;
}

export const BANK_SHEET_HEADER = ['编号', '题型', '题干', ...LETTERS.map((l) => `选项${l}`), '答案', '解析', '分值', '标签', '来源文件', '来源原文'];

/** The answer as the 答案 cell writes it: B, ACD, 正确, 8|八. */
export function answerCell(question: Pick<QuestionDefinition, 'type' | 'answer'>): string {
  if (question.type === 'truefalse') return question.answer[0] === 'true' ? TRUE_FALSE_OPTIONS[0] : TRUE_FALSE_OPTIONS[1];
  if (question.type === 'fill') return question.answer.join('|');
  return question.answer.join('');
}

/** The bank as one sheet in the 题型 layout (for writeWorkbook); parseBankSheets reads it back to the same questions. */
export function bankToSheet(bank: BankDefinition): { name: string; header: string[]; rows: Array<Array<string | number>> } {
  const rows = bank.questions.map((q) => [
    q.key,
    TYPE_LABELS[q.type],
    q.stem,
    ...LETTERS.map((_, i) => q.options[i] ?? ''),
    answerCell(q),
    q.explanation ?? '',
    q.points,
    q.tags.join(','),
    q.source?.file ?? '',
    q.source?.quote ?? '',
  ]);
  return { name: '题库', header: [...BANK_SHEET_HEADER], rows };
}
