import { boundedMemberText, trailingRun } from '../../common/text';
import { parseResponse } from './answer-parser';
import type { AnswerResponse } from './answer-parser';
import { renderOptions } from './render';
import { TYPE_LABELS, optionCountOf } from './types';
import type { DrawnQuestion, QuestionDefinition, QuestionType } from './types';

/** What parseAnswerSheet needs to know about each position: its type and how many letters it offers. */
export interface AnswerSlot {
  type: QuestionType;
  optionCount: number;
}

export type AnswerSheetResult = { ok: true; responses: AnswerResponse[] } | { ok: false; error: string };

export function answerSlotOf(question: Pick<QuestionDefinition, 'type' | 'options'>): AnswerSlot {
  return { type: question.type, optionCount: optionCountOf(question) };
}

/** All questions of a round in one message, numbered from 1, with how to reply. */
export function renderAnswerSheet(items: Array<{ question: QuestionDefinition; drawn: DrawnQuestion }>, roundTitle: string): string {
  const blocks = items.map(({ question, drawn }, i) =>
    [`${i + 1}.【${TYPE_LABELS[question.type]}】${question.stem}`, ...renderOptions(question, drawn)].join('\n'),
  );
  const types = items.map((item) => item.question.type);
  const notes = [`回复格式：在一条消息里按题号作答，例如「${shownExample(types)}」。`];
  if (types.includes('multiple')) notes.push('多选题写出全部正确选项的字母，如 AC。');
  if (types.includes('truefalse')) notes.push('判断题回复 A（正确）或 B（错误），也可回复 对/错。');
  const fill = types.indexOf('fill');
  if (fill >= 0) notes.push(`填空题在题号后加冒号写答案，如「${fill + 1}：答案」，与下一题用空格分开。`);
  return [`【${roundTitle}】共${items.length}题，请在一条消息里回复全部答案。`, ...blocks, notes.join('\n')].join('\n\n');
}

/** Items the rendered example shows before "…". */
const EXAMPLE_ITEMS = 4;

/** The start of sheetExample, as a message shows it. */
function shownExample(types: QuestionType[]): string {
  return EXAMPLE_ITEMS < types.length ? `${sheetExample(types.slice(0, EXAMPLE_ITEMS))} …` : sheetExample(types);
}

/** A reply to a sheet of these question types, as the sheet shows it: "1A 2AC 3对 4：答案". */
export function sheetExample(types: QuestionType[]): string {
  const answer: Record<QuestionType, string> = { single: 'A', multiple: 'AC', truefalse: '对', fill: '：答案' };
  return types.map((type, i) => `${i + 1}${answer[type]}`).join(' ');
}

const fail = (error: string): AnswerSheetResult => ({ ok: false, error });

// A question number starts an item at the start, after a separator, or right after a letter ("1A2C3B").
const ITEM_START = /(?<=^|[\s,;、。A-Za-z])(\d{1,3})\s*[.、:)\-—。]?\s*/g;
const SEQUENCE_SEPARATORS = /[\s,;、|/]+/;
const TRAILING_SEPARATORS = trailingRun('\\s,;、。');

/**
 * Reads a reply to an answer sheet; slots[i] describes position i (so the total is slots.length).
 * Numbered form: "1A 2C 3B", "1.A 2.C", "1-A,2-BC", "1A2C3B", fill answers as "4:答案" (required when any question is fill).
 * Sequence form: "ACB" (one character per question, only when no question is multiple choice) or
 * separated "A AC B" / "A,AC,B". Each answer is read like a chat answer (parseResponse), so 对/错 work for truefalse.
 * Returns the answers by position, or an error to send back, e.g. "第3题没有作答" or "共10题,你回复了8个答案".
 * Only the first MAX_MEMBER_TEXT_CHARS characters of the text are read.
 */
export function parseAnswerSheet(text: string, slots: AnswerSlot[]): AnswerSheetResult {
  const reply = boundedMemberText(text).normalize('NFKC').trim();
  if (!reply) return fail('没有收到答案');
  return /^\d/.test(reply) ? parseNumbered(reply, slots) : parseSequence(reply, slots);
}

function readItem(position: number, content: string, slots: AnswerSlot[]): AnswerResponse | string {
  const slot = slots[position];
  const parsed = parseResponse(slot.type, slot.optionCount, content);
  return parsed.kind === 'answer' ? parsed : `第${position + 1}题的答案“${content}”看不懂`;
}

function parseNumbered(reply: string, slots: AnswerSlot[]): AnswerSheetResult {
  const total = slots.length;
  const starts = [...reply.matchAll(ITEM_START)].map((m) => ({ n: Number(m[1]), start: m.index, contentStart: m.index + m[0].length }));
  const first = starts[0];
  if (first.n < 1 || first.n > total) return fail(`没有第${first.n}题，共${total}题`);
  const items = starts.filter((s) => s.n >= 1 && s.n <= total);

  const responses: Array<AnswerResponse | undefined> = new Array(total).fill(undefined);
  // Items only move forward, so finding each next item walks the list once in all.
  let next = 1;
  for (let index = 0; index < items.length; index = next) {
    const current = items[index];
    // For a fill question a number right where the answer begins is the answer ("4: 20"), not the next item.
    const answerStart = slots[current.n - 1].type === 'fill' ? current.contentStart : current.start;
    next = index + 1;
    while (next < items.length && items[next].start <= answerStart) next++;
    const content = reply.slice(current.contentStart, items[next]?.start ?? reply.length).replace(TRAILING_SEPARATORS, '');
    const position = current.n - 1;
    if (responses[position]) return fail(`第${current.n}题回答了两次`);
    if (content) {
      const item = readItem(position, content, slots);
      if (typeof item === 'string') return fail(item);
      responses[position] = item;
    }
  }
  const missing = responses.flatMap((r, i) => (r ? [] : [i + 1]));
  if (missing.length) return fail(`第${missing.join('、')}题没有作答`);
  return { ok: true, responses: responses as AnswerResponse[] };
}

function parseSequence(reply: string, slots: AnswerSlot[]): AnswerSheetResult {
  const total = slots.length;
  if (slots.some((s) => s.type === 'fill')) return fail(`有填空题，请按题号作答，例如「${shownExample(slots.map((slot) => slot.type))}」`);
  let answers = reply.split(SEQUENCE_SEPARATORS).filter(Boolean);
  if (answers.length === 1 && total > 1) {
    if (slots.some((s) => s.type === 'multiple')) return fail('有多选题时请用空格分开各题答案（例如 A AC B），或写作 1A 2AC 3B');
    answers = Array.from(answers[0]);
  }
  if (answers.length !== total) return fail(`共${total}题，你回复了${answers.length}个答案`);
  const responses: AnswerResponse[] = [];
  for (let i = 0; i < total; i++) {
    const item = readItem(i, answers[i], slots);
    if (typeof item === 'string') return fail(item);
    responses.push(item);
  }
  return { ok: true, responses };
}
