import fc from 'fast-check';
import { boundedMemberText } from '../../common/text';
import { FUZZ_RUNS, memberText, overlongMemberText } from '../../../test/support/member-text';
import { parseResponse } from './answer-parser';
import type { ParsedResponse } from './answer-parser';
import { MAX_FILL_ANSWER_LENGTH, MAX_OPTIONS, OPTION_LETTERS, QUESTION_TYPES } from './types';
import type { QuestionType } from './types';

type Case = [QuestionType, number, string, string[] | 'not-an-answer'];

describe('parseResponse for choice and truefalse', () => {
  const cases: Case[] = [
    ['single', 4, 'A', ['A']],
    ['single', 4, 'a', ['A']],
    ['single', 4, 'Ａ', ['A']],
    ['single', 4, 'ｂ', ['B']],
    ['single', 4, ' C ', ['C']],
    ['single', 4, '选A', ['A']],
    ['single', 4, '選B', ['B']],
    ['single', 4, '我选 C', ['C']],
    ['single', 4, 'A.', ['A']],
    ['single', 4, 'A。', ['A']],
    ['single', 4, '答案A', ['A']],
    ['single', 4, '答案:B', ['B']],
    ['single', 4, '答案：D', ['D']],
    ['single', 4, '答案是C', ['C']],
    ['single', 4, 'A选项', ['A']],
    ['single', 4, '选项D', ['D']],
    // several letters on a single-choice question: an answer, scored wrong
    ['single', 4, 'AC', ['A', 'C']],
    ['single', 4, 'E', 'not-an-answer'],
    ['single', 3, 'D', 'not-an-answer'],
    ['multiple', 4, 'AC', ['A', 'C']],
    ['multiple', 4, 'CA', ['A', 'C']],
    ['multiple', 4, 'A,C', ['A', 'C']],
    ['multiple', 4, 'A，C', ['A', 'C']],
    ['multiple', 4, 'A C', ['A', 'C']],
    ['multiple', 4, 'a、c', ['A', 'C']],
    ['multiple', 4, 'A;C;D', ['A', 'C', 'D']],
    ['multiple', 4, 'ＡＣ', ['A', 'C']],
    ['multiple', 4, 'ａ ｃ ｄ', ['A', 'C', 'D']],
    ['multiple', 4, '答案ACD', ['A', 'C', 'D']],
    ['multiple', 4, 'AA', ['A']],
    ['multiple', 4, 'ACE', 'not-an-answer'],
    ['multiple', 5, 'ACE', ['A', 'C', 'E']],
    ['truefalse', 2, 'A', ['A']],
    ['truefalse', 2, 'b', ['B']],
    ['truefalse', 2, 'C', 'not-an-answer'],
    ['truefalse', 2, '对', ['A']],
    ['truefalse', 2, '錯', ['B']],
    ['truefalse', 2, '對', ['A']],
    ['truefalse', 2, '错', ['B']],
    ['truefalse', 2, '正确', ['A']],
    ['truefalse', 2, '正確', ['A']],
    ['truefalse', 2, '错误', ['B']],
    ['truefalse', 2, '錯誤', ['B']],
    ['truefalse', 2, '√', ['A']],
    ['truefalse', 2, '×', ['B']],
    ['truefalse', 2, '✓', ['A']],
    ['truefalse', 2, '✗', ['B']],
    ['truefalse', 2, 'T', ['A']],
    ['truefalse', 2, 'f', ['B']],
    ['truefalse', 2, 'Ｔ', ['A']],
    ['truefalse', 2, '是', ['A']],
    ['truefalse', 2, '否', ['B']],
    ['truefalse', 2, 'true', ['A']],
    ['truefalse', 2, 'FALSE', ['B']],
    ['truefalse', 2, '答案:对', ['A']],
    ['truefalse', 2, '对。', ['A']],
    ['single', 4, '对', 'not-an-answer'],
    ['single', 4, '帮助', 'not-an-answer'],
    ['single', 4, '成绩', 'not-an-answer'],
    ['single', 4, '排行', 'not-an-answer'],
    ['single', 4, '这道题的答案到底是什么呢', 'not-an-answer'],
    ['single', 4, 'A是什么意思?', 'not-an-answer'],
    ['single', 4, '', 'not-an-answer'],
    ['single', 4, '   ', 'not-an-answer'],
    ['single', 4, 'ok', 'not-an-answer'],
    ['truefalse', 2, '我觉得是对的吧', 'not-an-answer'],
  ];

  it.each(cases)('%s with %d options reads %j', (type, optionCount, text, expected) => {
    const parsed = parseResponse(type, optionCount, text);
    if (expected === 'not-an-answer') expect(parsed).toEqual({ kind: 'not-an-answer' });
    else expect(parsed).toEqual({ kind: 'answer', letters: expected });
  });
});

describe('parseResponse for fill', () => {
  const answers: Array<[string, string]> = [
    ['两翼多点', '两翼多点'],
    ['  兩翼多點 ', '兩翼多點'],
    ['20', '20'],
    ['1+4+N', '1+4+N'],
    ['A', 'A'],
  ];
  it.each(answers)('takes %j as the answer %j', (text, expected) => {
    expect(parseResponse('fill', 0, text)).toEqual({ kind: 'answer', text: expected });
  });

  const notAnswers = ['', '   ', '帮助', '幫助', '成绩', '成績', '排行', '答题', '答題', '继续答题', '退出', '「帮助」', '？', '长'.repeat(51)];
  it.each(notAnswers)('does not take %j as an answer', (text) => {
    expect(parseResponse('fill', 0, text)).toEqual({ kind: 'not-an-answer' });
  });

  it('takes exactly 50 characters', () => {
    expect(parseResponse('fill', 0, '长'.repeat(50)).kind).toBe('answer');
  });
});

describe('fill answers that are really questions', () => {
  it.each(['这题怎么答?', '什么意思', '不知道', '請問答案是什麼？'])('does not score %s', (text) => {
    expect(parseResponse('fill', 0, text)).toEqual({ kind: 'not-an-answer' });
  });
});

describe('parseResponse on any text', () => {
  const question = fc.record({ type: fc.constantFrom(...QUESTION_TYPES), optionCount: fc.integer({ min: 2, max: MAX_OPTIONS }) });

  function expectWellFormed(type: QuestionType, optionCount: number, parsed: ParsedResponse): void {
    if (parsed.kind === 'not-an-answer') return expect(parsed).toEqual({ kind: 'not-an-answer' });
    if (type === 'fill') {
      expect(parsed.letters).toBeUndefined();
      expect(Array.from(parsed.text!).length).toBeLessThanOrEqual(MAX_FILL_ANSWER_LENGTH);
      return;
    }
    const allowed = OPTION_LETTERS.slice(0, type === 'truefalse' ? 2 : optionCount);
    expect(parsed.letters!.length).toBeGreaterThan(0);
    expect(parsed.letters!.every((letter) => allowed.includes(letter))).toBe(true);
    expect(parsed.letters).toEqual([...new Set(parsed.letters)].sort());
  }

  it('never throws and returns an answer within the shown options or not-an-answer', () => {
    fc.assert(
      fc.property(question, memberText, ({ type, optionCount }, text) => expectWellFormed(type, optionCount, parseResponse(type, optionCount, text))),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads a reply longer than the cap as its first MAX_MEMBER_TEXT_CHARS characters', () => {
    fc.assert(
      fc.property(question, overlongMemberText, ({ type, optionCount }, text) => {
        expect(parseResponse(type, optionCount, text)).toEqual(parseResponse(type, optionCount, boundedMemberText(text)));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads 100,000 letters followed by chatter by their capped part', () => {
    expect(parseResponse('multiple', 4, `${'A '.repeat(50_000)}我不确定`)).toEqual({ kind: 'answer', letters: ['A'] });
  });
});
