import fc from 'fast-check';
import { boundedMemberText } from '../../common/text';
import { FUZZ_RUNS, memberText, overlongMemberText } from '../../../test/support/member-text';
import { answerSlotOf, parseAnswerSheet, renderAnswerSheet, sheetExample } from './answer-sheet';
import type { AnswerSlot } from './answer-sheet';
import type { QuestionDefinition } from './types';

const single: AnswerSlot = { type: 'single', optionCount: 4 };
const multiple: AnswerSlot = { type: 'multiple', optionCount: 5 };
const truefalse: AnswerSlot = { type: 'truefalse', optionCount: 2 };
const fill: AnswerSlot = { type: 'fill', optionCount: 0 };
const letters = (...ls: string[]) => ls.map((l) => ({ kind: 'answer', letters: [...l] }));

describe('parseAnswerSheet', () => {
  const three = [single, single, single];

  it.each(['1A 2C 3B', '1.A 2.C 3.B', '1、A 2、C 3、B', '1-A,2-C,3-B', '1A2C3B', '１Ａ ２Ｃ ３Ｂ', '1:a\n2:c\n3:b', '3B 1A 2C', 'ACB', 'acb', 'A C B', 'A,C,B', 'A、C、B'])(
    'reads %j',
    (text) => {
      expect(parseAnswerSheet(text, three)).toEqual({ ok: true, responses: letters('A', 'C', 'B') });
    },
  );

  it('reads multiple choice in the numbered form and the separated sequence form', () => {
    const slots = [single, multiple, truefalse];
    expect(parseAnswerSheet('1A 2BC 3对', slots)).toEqual({ ok: true, responses: letters('A', 'BC', 'A') });
    expect(parseAnswerSheet('1-A,2-BC,3-B', slots)).toEqual({ ok: true, responses: letters('A', 'BC', 'B') });
    expect(parseAnswerSheet('A BC 错', slots)).toEqual({ ok: true, responses: letters('A', 'BC', 'B') });
  });

  it('requires separators in the sequence form when there is a multiple-choice question', () => {
    const result = parseAnswerSheet('ABCB', [single, multiple, truefalse]);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('有多选题时请用空格分开') });
  });

  it('reads truefalse words in the sequence form', () => {
    expect(parseAnswerSheet('对错√', [truefalse, truefalse, truefalse])).toEqual({ ok: true, responses: letters('A', 'B', 'A') });
  });

  it('reads fill answers in the numbered form, digits included', () => {
    const slots = [single, truefalse, single, fill, fill];
    expect(parseAnswerSheet('1A 2B 3C 4:两翼多点 5: 20', slots)).toEqual({
      ok: true,
      responses: [...letters('A', 'B', 'C'), { kind: 'answer', text: '两翼多点' }, { kind: 'answer', text: '20' }],
    });
    expect(parseAnswerSheet('1A\n2B\n3C\n4：同心 驿站\n5：2736', slots)).toMatchObject({
      ok: true,
      responses: [{}, {}, {}, { text: '同心 驿站' }, { text: '2736' }],
    });
  });

  it('takes a number right after a fill question number as its answer', () => {
    expect(parseAnswerSheet('1: 2 2A 3B', [fill, single, single])).toEqual({
      ok: true,
      responses: [{ kind: 'answer', text: '2' }, ...letters('A', 'B')],
    });
  });

  it('asks for the numbered form when there is a fill question', () => {
    expect(parseAnswerSheet('A B', [single, fill])).toEqual({ ok: false, error: expect.stringContaining('例如「1A 2：答案」') });
  });

  it.each([
    ['1A 2C', '第3题没有作答'],
    ['1A 2 3B', '第2题没有作答'],
    ['1A', '第2、3题没有作答'],
    ['AC', '共3题，你回复了2个答案'],
    ['A C B D', '共3题，你回复了4个答案'],
    ['1A 1B 2C 3D', '第1题回答了两次'],
    ['1A 2E 3B', '第2题的答案“E”看不懂'],
    ['AXB', '第2题的答案“X”看不懂'],
    ['4A 1B', '没有第4题，共3题'],
    ['  ', '没有收到答案'],
  ])('rejects %j with %j', (text, error) => {
    expect(parseAnswerSheet(text, three)).toEqual({ ok: false, error });
  });

  it('reports the count for ten questions answered with eight', () => {
    expect(parseAnswerSheet('ABCDABCD', Array(10).fill(single))).toEqual({ ok: false, error: '共10题，你回复了8个答案' });
  });

  it('reads two-digit question numbers', () => {
    const slots: AnswerSlot[] = Array(12).fill(single);
    const text = Array.from({ length: 12 }, (_, i) => `${i + 1}${'ABCD'[i % 4]}`).join('');
    const result = parseAnswerSheet(text, slots);
    expect(result.ok && result.responses.map((r) => r.letters?.join('')).join('')).toBe('ABCDABCDABCD');
  });
});

describe('renderAnswerSheet', () => {
  const question = (type: QuestionDefinition['type'], stem: string, options: string[] = []): QuestionDefinition => ({
    key: stem,
    type,
    stem,
    options,
    answer: type === 'fill' ? ['x'] : type === 'truefalse' ? ['true'] : ['A'],
    points: 10,
    tags: [],
  });

  it('lists every question with its shown options and the reply format', () => {
    const items = [
      { question: question('single', '片会在哪召开?', ['重庆', '成都']), drawn: { questionId: 1, order: [1, 0] } },
      { question: question('truefalse', '成都有130万新阶层人士。'), drawn: { questionId: 2, order: [0, 1] } },
    ];
    const text = renderAnswerSheet(items, '西部片会');
    expect(text).toContain('【西部片会】共2题');
    expect(text).toContain('1.【单选】片会在哪召开?\nA. 成都\nB. 重庆');
    expect(text).toContain('2.【判断】成都有130万新阶层人士。\nA. 正确  B. 错误');
    expect(text).toContain('回复格式：在一条消息里按题号作答，例如「1A 2对」。');
    expect(text).not.toContain('填空题');
    expect(text).not.toContain('每题一个字母');
  });

  it('explains the multiple-choice and fill forms when those are present', () => {
    const items = [
      { question: question('multiple', '多选?', ['甲', '乙', '丙']), drawn: { questionId: 1, order: [0, 1, 2] } },
      { question: question('fill', '填空?'), drawn: { questionId: 2, order: [] } },
    ];
    const text = renderAnswerSheet(items, '测试');
    expect(text).toContain('例如「1AC 2：答案」');
    expect(text).toContain('如「2：答案」');
    expect(text).not.toContain('4：答案');
    expect(answerSlotOf(items[0].question)).toEqual({ type: 'multiple', optionCount: 3 });
    expect(answerSlotOf(items[1].question)).toEqual({ type: 'fill', optionCount: 0 });
  });
});

describe('sheetExample', () => {
  it('is a reply the sheet reader accepts, for any mix of question types', () => {
    const slotOf: Record<AnswerSlot['type'], AnswerSlot> = { single, multiple, truefalse, fill };
    fc.assert(
      fc.property(fc.array(fc.constantFrom<AnswerSlot['type']>('single', 'multiple', 'truefalse', 'fill'), { minLength: 1, maxLength: 30 }), (types) => {
        const result = parseAnswerSheet(sheetExample(types), types.map((t) => slotOf[t]));
        expect(result.ok).toBe(true);
      }),
    );
  });
});

describe('parseAnswerSheet on any text', () => {
  const slot = fc.constantFrom(single, multiple, truefalse, fill, { type: 'single', optionCount: 8 } as AnswerSlot);
  const slotLists = fc.array(slot, { minLength: 1, maxLength: 100 });

  it('never throws and returns one answer per question or a Chinese error', () => {
    fc.assert(
      fc.property(slotLists, memberText, (slots, text) => {
        const result = parseAnswerSheet(text, slots);
        if (result.ok) {
          expect(result.responses).toHaveLength(slots.length);
          expect(result.responses.every((response) => response?.kind === 'answer')).toBe(true);
        } else {
          expect(result.error).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads a reply longer than the cap as its first MAX_MEMBER_TEXT_CHARS characters', () => {
    fc.assert(
      fc.property(slotLists, overlongMemberText, (slots, text) => {
        expect(parseAnswerSheet(text, slots)).toEqual(parseAnswerSheet(boundedMemberText(text), slots));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads a full sheet of 100 fill answers of 50 characters', () => {
    const slots = Array.from({ length: 100 }, () => fill);
    const text = slots.map((_, i) => `${i + 1}:${'答'.repeat(50)}`).join(' ');
    const result = parseAnswerSheet(text, slots);
    expect(result.ok && result.responses.every((response) => response.text === '答'.repeat(50))).toBe(true);
  });

});
