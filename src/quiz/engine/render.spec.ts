import { renderFeedback, renderQuestion, renderTimedOut } from './render';
import type { DrawnQuestion, QuestionDefinition } from './types';

const single: QuestionDefinition = {
  key: 's',
  type: 'single',
  stem: '片会在哪座城市召开?',
  options: ['重庆', '成都', '深圳', '兰州'],
  answer: ['B'],
  explanation: '5月17日在成都召开。',
  points: 10,
  tags: [],
};
const shuffled: DrawnQuestion = { questionId: 1, order: [3, 1, 0, 2] };

describe('renderQuestion', () => {
  it('shows the options in the drawn order with the time limit', () => {
    expect(renderQuestion(single, shuffled, 2, 10, 60)).toBe(
      '第3题/共10题【单选】片会在哪座城市召开?\nA. 兰州\nB. 成都\nC. 重庆\nD. 深圳\n（请在60秒内回复选项字母）',
    );
  });

  it('leaves out the time limit when untimed', () => {
    expect(renderQuestion(single, shuffled, 0, 1, 0).split('\n').pop()).toBe('（请回复选项字母）');
  });

  it('tells that several letters may be chosen for multiple choice', () => {
    const multiple = { ...single, type: 'multiple' as const, answer: ['A', 'B'] };
    const text = renderQuestion(multiple, { questionId: 1, order: [0, 1, 2, 3] }, 0, 5, 30);
    expect(text.startsWith('第1题/共5题【多选】')).toBe(true);
    expect(text).toContain('可多选');
    expect(text).toContain('例如 AC');
  });

  it('shows truefalse as A. 正确  B. 错误 and fill with 直接回复答案', () => {
    const truefalse = { ...single, type: 'truefalse' as const, options: [], answer: ['true'] };
    expect(renderQuestion(truefalse, { questionId: 1, order: [0, 1] }, 0, 2, 60)).toBe(
      '第1题/共2题【判断】片会在哪座城市召开?\nA. 正确  B. 错误\n（请在60秒内回复 A 或 B（也可回复 对/错））',
    );
    const fill = { ...single, type: 'fill' as const, options: [], answer: ['成都'] };
    expect(renderQuestion(fill, { questionId: 1, order: [] }, 1, 2, 0)).toBe('第2题/共2题【填空】片会在哪座城市召开?\n（请直接回复答案）');
  });
});

describe('renderFeedback', () => {
  it('confirms a correct answer, with the explanation when asked', () => {
    expect(renderFeedback(true, single, shuffled, false)).toBe('✅ 回答正确');
    expect(renderFeedback(true, single, shuffled, true)).toBe('✅ 回答正确\n解析：5月17日在成都召开。');
  });

  it('gives the correct answer under the letter this member saw', () => {
    expect(renderFeedback(false, single, { questionId: 1, order: [1, 0, 2, 3] }, false)).toBe('❌ 回答错误，正确答案：A. 成都');
    const multiple = { ...single, type: 'multiple' as const, answer: ['A', 'C'] };
    expect(renderFeedback(false, multiple, shuffled, false)).toBe('❌ 回答错误，正确答案：CD\nC. 重庆\nD. 深圳');
    const truefalse = { ...single, type: 'truefalse' as const, options: [], answer: ['false'] };
    expect(renderFeedback(false, truefalse, { questionId: 1, order: [0, 1] }, true)).toBe(
      '❌ 回答错误，正确答案：B. 错误\n解析：5月17日在成都召开。',
    );
    const fill = { ...single, type: 'fill' as const, options: [], answer: ['成都', '成都市'] };
    expect(renderFeedback(false, fill, { questionId: 1, order: [] }, false)).toBe('❌ 回答错误，正确答案：成都');
  });

  it('says when time ran out', () => {
    expect(renderTimedOut(single, shuffled, false)).toBe('⏰ 超时未作答，正确答案：B. 成都');
  });
});
