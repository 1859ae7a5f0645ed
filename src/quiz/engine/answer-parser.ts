import { boundedMemberText, compactText, normaliseText, toSimplified, trailingRun } from '../../common/text';
import { MAX_FILL_ANSWER_LENGTH, OPTION_LETTERS } from './types';
import type { QuestionType } from './types';

export interface AnswerResponse {
  kind: 'answer';
  /** Choice and truefalse: the letters as SHOWN to the member, unique and sorted. */
  letters?: string[];
  /** Fill: the text as typed, trimmed. */
  text?: string;
}
export type ParsedResponse = AnswerResponse | { kind: 'not-an-answer' };

const NOT_AN_ANSWER: ParsedResponse = { kind: 'not-an-answer' };

/** Chat commands of the bot; never taken as a fill answer. Compared after compactText (so Traditional matches too). */
export const COMMAND_WORDS: ReadonlySet<string> = new Set(['帮助', '成绩', '我的成绩', '排行', '排行榜', '答题', '开始答题', '聊天答题', '继续答题', '退出', '菜单']);

// Compared in Simplified lower case with surrounding punctuation removed; Traditional (對/錯/正確/錯誤) arrives converted.
const TRUE_WORDS = new Set(['对', '对的', '正确', '√', '✓', '✔', '☑', 't', 'true', '是', 'yes']);
const FALSE_WORDS = new Set(['错', '错的', '错误', '不对', '不正确', '×', '✗', '✘', '✕', 'x', 'f', 'false', '否', 'no']);

// "选A", "我选 A", "答案: AC", "答案是B", "選項C" (Simplified by then).
const ANSWER_PREFIX = /^(?:答案是|答案为|答案|我选择|我选|选择|选项|选|答)\s*[:是为]?\s*/;
const TRAILING_PUNCTUATION = trailingRun('\\s.。!！~～');
const TRAILING_QUESTION_MARK = /[?？]\s*$/;
const LETTER_SEPARATORS = /[\s,，、;；/|.。+&和]+/g;
const LETTERS_WITH_SEPARATORS = /^[A-Z](?:[\s,，、;；/|.。+&和]*[A-Z])*$/;

function strippedReply(text: string): string {
  return toSimplified(boundedMemberText(text).normalize('NFKC'))
    .trim()
    .replace(ANSWER_PREFIX, '')
    .replace(/选项$/, '')
    .replace(TRAILING_PUNCTUATION, '')
    .trim();
}

/** 对/错/√/×/正确/错误/T/F/是/否/true/false (and Traditional) as true or false; undefined for anything else. */
export function trueFalseWord(text: string): boolean | undefined {
  const word = strippedReply(text).toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** "A", "a c", "A,C", "A、C", "ＡＣ" → ['A','C'] (unique, sorted); undefined when the text is not just letters. */
export function lettersIn(text: string): string[] | undefined {
  const reply = strippedReply(text).toUpperCase();
  if (!LETTERS_WITH_SEPARATORS.test(reply)) return undefined;
  return [...new Set(reply.replace(LETTER_SEPARATORS, ''))].sort();
}

/**
 * Reads a chat reply to the current question.
 *
 * Choice and truefalse: only letters (with the usual prefixes and separators) count; letters beyond the
 * shown options, commands and sentences are not answers, so the bot can repeat the question instead of
 * scoring chatter. A single-choice reply with several letters IS an answer (scored wrong): the member
 * committed to it, and re-asking would let them probe the question.
 * Truefalse also takes 对/错 and similar words as A (正确) / B (错误).
 * Fill: any non-empty text of at most 50 characters that is not a command word.
 * Only the first MAX_MEMBER_TEXT_CHARS characters of the reply are read.
 */
export function parseResponse(type: QuestionType, optionCount: number, reply: string): ParsedResponse {
  const text = boundedMemberText(reply);
  if (type === 'fill') return parseFillResponse(text);
  if (type === 'truefalse') {
    const value = trueFalseWord(text);
    if (value !== undefined) return { kind: 'answer', letters: [value ? 'A' : 'B'] };
  }
  const letters = lettersIn(text);
  if (!letters) return NOT_AN_ANSWER;
  const allowed = OPTION_LETTERS.slice(0, type === 'truefalse' ? 2 : optionCount);
  if (!letters.every((l) => allowed.includes(l))) return NOT_AN_ANSWER;
  return { kind: 'answer', letters };
}

function parseFillResponse(text: string): ParsedResponse {
  const answer = text.trim();
  if (!answer || Array.from(answer).length > MAX_FILL_ANSWER_LENGTH) return NOT_AN_ANSWER;
  const compact = compactText(answer);
  if (!compact || COMMAND_WORDS.has(compact) || looksLikeQuestion(answer)) return NOT_AN_ANSWER;
  return { kind: 'answer', text: answer };
}

/** A member asking about the question rather than answering it ("这题怎么答?", "什么意思"). */
function looksLikeQuestion(text: string): boolean {
  const simplified = normaliseText(text);
  return TRAILING_QUESTION_MARK.test(simplified) || /(怎么|怎样|如何|为什么|什么意思|不知道|不会|请问|提示)/.test(simplified);
}
