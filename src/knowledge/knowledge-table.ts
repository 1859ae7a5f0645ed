import crypto from 'node:crypto';
import { locateColumns, SheetRowError, type Sheet } from '../common/tabular';

/** An entry as organisers import and export it. */
export interface EntryInput {
  id?: string;
  question: string;
  similar: string[];
  /** Questions close to the entry that it does not answer: it is only suggested for them. */
  notAnswered?: string[];
  answer: string;
  tags: string[];
  category?: string | null;
  sourceFile?: string | null;
  sourceQuote?: string | null;
  threshold?: number | null;
  enabled?: boolean;
}

export class KnowledgeImportError extends SheetRowError {}

export const EXPORT_HEADER = ['编号', '问题', '相似问题', '答案', '标签', '来源文件', '来源原文', '排除问法'];

const OWN_COLUMNS = {
  id: ['编号', 'id', 'ID'],
  question: ['问题', '标准问题', '标准问'],
  similar: ['相似问题', '相似问法', '相似问'],
  answer: ['答案', '回答', '标准答案'],
  tags: ['标签', 'tags'],
  sourceFile: ['来源文件'],
  sourceQuote: ['来源原文'],
  notAnswered: ['排除问法'],
};

/** The FAQ export of 微信对话开放平台 (WeChat dialogue open platform). */
const WECHAT_FAQ_COLUMNS = {
  category: ['分类'],
  question: ['问题'],
  threshold: ['问题阈值'],
  similar: ['相似问题'],
  answer: ['机器人回答'],
  disabled: ['是否停用'],
};

/** A list in one cell of the project's own sheets: one a line (## as the FAQ platform writes it). */
const ONE_A_LINE = /\r?\n|##/;

export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const MAX_TEXT = 2000;

export function parseKnowledgeSheets(sheets: Sheet[]): EntryInput[] {
  for (const sheet of sheets) {
    const faq = locateColumns(sheet.rows, WECHAT_FAQ_COLUMNS, ['question', 'answer', 'similar', 'threshold']);
    if (faq) return readRows(sheet, faq.headerRow, faq.columns, wechatFaqRow);
    const own = locateColumns(sheet.rows, OWN_COLUMNS, ['question', 'answer']);
    if (own) return readRows(sheet, own.headerRow, own.columns, ownRow);
  }
  throw new KnowledgeImportError(sheets[0]?.name ?? 'csv', 1, 'no header row with 问题 and 答案 (or 机器人回答) columns');
}

/** A cell of the row by column key ('' when empty); `undefined` when the sheet has no such column. */
type Cell = (key: string) => string | undefined;
type Fail = (reason: string) => never;

function readRows(
  sheet: Sheet,
  headerRow: number,
  columns: Record<string, number>,
  read: (cell: Cell, fail: Fail) => EntryInput,
): EntryInput[] {
  const entries: EntryInput[] = [];
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || row.every((c) => !c)) continue;
    const fail: Fail = (reason) => {
      throw new KnowledgeImportError(sheet.name, r + 1, reason);
    };
    const cell: Cell = (key) => (columns[key] >= 0 ? (row[columns[key]] ?? '').trim() : undefined);
    const entry = read(cell, fail);
    checkEntry(entry, fail);
    const key = entry.id ?? entry.question;
    if (seen.has(key)) fail(`the same ${entry.id ? '编号' : '问题'} as row ${seen.get(key)}`);
    seen.set(key, r + 1);
    entries.push(entry);
  }
  if (!entries.length) throw new KnowledgeImportError(sheet.name, headerRow + 2, 'no entries below the header');
  return entries;
}

function ownRow(cell: Cell, fail: Fail): EntryInput {
  const id = cell('id') || undefined;
  if (id && !ID_PATTERN.test(id)) fail(`编号 "${id}" must be lowercase letters, digits, - or _`);
  const notAnswered = cell('notAnswered');
  return {
    id,
    question: cell('question') ?? '',
    similar: splitList(cell('similar'), ONE_A_LINE),
    // A sheet without the column (an older template) leaves an entry's list as it is.
    ...(notAnswered === undefined ? {} : { notAnswered: splitList(notAnswered, ONE_A_LINE) }),
    answer: cell('answer') ?? '',
    tags: splitList(cell('tags'), /[,，、;；\s]+/),
    sourceFile: cell('sourceFile') || null,
    sourceQuote: cell('sourceQuote') || null,
  };
}

function wechatFaqRow(cell: Cell, fail: Fail): EntryInput {
  const thresholdText = cell('threshold') ?? '';
  let threshold: number | null = null;
  if (thresholdText) {
    const value = Number(thresholdText.replace('%', ''));
    if (!Number.isFinite(value) || value < 0 || value > 100) fail(`问题阈值 "${thresholdText}" is not a number between 0 and 1`);
    threshold = value > 1 ? value / 100 : value;
  }
  const answers = splitList(cell('answer'), /##/);
  const disabled = cell('disabled') ?? '';
  const category = cell('category') || null;
  if (disabled && !['是', '否', 'true', 'false', '1', '0', 'yes', 'no'].includes(disabled.toLowerCase())) {
    fail(`是否停用 "${disabled}" must be 是 or 否`);
  }
  return {
    question: cell('question') ?? '',
    similar: splitList(cell('similar'), /##/),
    // The platform picks one of several answers at random; the first is kept as the answer.
    answer: answers[0] ?? '',
    tags: category ? [category] : [],
    category,
    threshold,
    enabled: !['是', 'true', '1', 'yes'].includes(disabled.toLowerCase()),
  };
}

function checkEntry(entry: EntryInput, fail: Fail): void {
  if (!entry.question) fail('问题 is empty');
  if (!entry.answer) fail('答案 is empty');
  if (entry.question.length > 500) fail('问题 is longer than 500 characters');
  if (entry.answer.length > MAX_TEXT) fail(`答案 is longer than ${MAX_TEXT} characters`);
  if (entry.similar.length > 200) fail('more than 200 相似问题');
  if (entry.similar.some((s) => s.length > 500)) fail('a 相似问题 is longer than 500 characters');
  if ((entry.notAnswered?.length ?? 0) > 200) fail('more than 200 排除问法');
  if (entry.notAnswered?.some((s) => s.length > 500)) fail('a 排除问法 is longer than 500 characters');
}

function splitList(text: string | undefined, separator: RegExp): string[] {
  return [...new Set((text ?? '').split(separator).map((s) => s.trim()).filter(Boolean))];
}

/** A stable id for an entry imported without one. */
export function entryIdFor(question: string): string {
  return `faq-${crypto.createHash('sha1').update(question).digest('hex').slice(0, 10)}`;
}
