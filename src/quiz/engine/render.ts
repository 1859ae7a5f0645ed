import { originalIndexOfShown, shownLetterOf } from './scoring';
import { TRUE_FALSE_OPTIONS, TYPE_LABELS, indexOfLetter, letterOf } from './types';
import type { DrawnQuestion, QuestionDefinition, QuestionType } from './types';

/** The options as shown, one "A. text" line each; truefalse on one line: "A. 正确  B. 错误". */
export function renderOptions(question: QuestionDefinition, drawn: DrawnQuestion): string[] {
  if (question.type === 'fill') return [];
  if (question.type === 'truefalse') return [`A. ${TRUE_FALSE_OPTIONS[0]}  B. ${TRUE_FALSE_OPTIONS[1]}`];
  return question.options.map((_, shown) => `${letterOf(shown)}. ${question.options[originalIndexOfShown(drawn, shown)]}`);
}

function instruction(type: QuestionType, secondsPerQuestion: number): string {
  const within = secondsPerQuestion > 0 ? `请在${secondsPerQuestion}秒内` : '请';
  switch (type) {
    case 'single':
      return `${within}回复选项字母`;
    case 'multiple':
      return `可多选，${within}回复所有正确选项的字母，例如 AC`;
    case 'truefalse':
      return `${within}回复 A 或 B（也可回复 对/错）`;
    case 'fill':
      return `${within}直接回复答案`;
  }
}

/**
 * One question as a chat message. `position` is 0-based (as in AttemptSnapshot) and shown from 1:
 * 第3题/共10题【单选】stem / A. ... / (请在60秒内回复选项字母). secondsPerQuestion 0 means untimed.
 */
export function renderQuestion(
  question: QuestionDefinition,
  drawn: DrawnQuestion,
  position: number,
  total: number,
  secondsPerQuestion: number,
): string {
  return [
    `第${position + 1}题/共${total}题【${TYPE_LABELS[question.type]}】${question.stem}`,
    ...renderOptions(question, drawn),
    `（${instruction(question.type, secondsPerQuestion)}）`,
  ].join('\n');
}

/** How to answer, for a reply that was not an answer; the caller repeats the question after it. */
export function answerHint(type: QuestionType): string {
  switch (type) {
    case 'single':
      return '没看懂你的答案。请回复一个选项字母，例如 B';
    case 'multiple':
      return '没看懂你的答案。可多选，请回复所有正确选项的字母，例如 AC';
    case 'truefalse':
      return '没看懂你的答案。请回复 A（正确）或 B（错误），也可回复 对/错';
    case 'fill':
      return '没看懂你的答案。请直接回复答案（50字以内）';
  }
}

/** The correct answer under the letters this member saw: "B. xxx", "AC\nA. xxx\nC. yyy", "A. 正确", or the first accepted fill answer. */
export function correctAnswerText(question: QuestionDefinition, drawn: DrawnQuestion): string {
  if (question.type === 'fill') return question.answer[0] ?? '';
  if (question.type === 'truefalse') {
    return question.answer[0] === 'true' ? `A. ${TRUE_FALSE_OPTIONS[0]}` : `B. ${TRUE_FALSE_OPTIONS[1]}`;
  }
  const shown = question.answer
    .map((letter) => ({ letter: shownLetterOf(drawn, indexOfLetter(letter)), text: question.options[indexOfLetter(letter)] }))
    .sort((a, b) => a.letter.localeCompare(b.letter));
  const lines = shown.map((s) => `${s.letter}. ${s.text}`);
  return shown.length === 1 ? lines[0] : [shown.map((s) => s.letter).join(''), ...lines].join('\n');
}

function withExplanation(lines: string[], question: QuestionDefinition, showExplanation: boolean): string {
  if (showExplanation && question.explanation) lines.push(`解析：${question.explanation}`);
  return lines.join('\n');
}

/** "✅ 回答正确" or "❌ 回答错误，正确答案：B. xxx", optionally followed by "解析：...". */
export function renderFeedback(correct: boolean, question: QuestionDefinition, drawn: DrawnQuestion, showExplanation: boolean): string {
  const head = correct ? '✅ 回答正确' : `❌ 回答错误，正确答案：${correctAnswerText(question, drawn)}`;
  return withExplanation([head], question, showExplanation);
}

/** For a question whose time ran out: "⏰ 超时未作答，正确答案：B. xxx" (+ 解析). */
export function renderTimedOut(question: QuestionDefinition, drawn: DrawnQuestion, showExplanation: boolean): string {
  return withExplanation([`⏰ 超时未作答，正确答案：${correctAnswerText(question, drawn)}`], question, showExplanation);
}
