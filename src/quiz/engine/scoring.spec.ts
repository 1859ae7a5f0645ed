import { canonicalFillText, fillAnswerMatches, pickedOptionBits, scoreResponse } from './scoring';
import type { DrawnQuestion, QuestionDefinition } from './types';

const single: QuestionDefinition = {
  key: 's',
  type: 'single',
  stem: '中央统战部在哪座城市召开片会?',
  options: ['重庆', '成都', '深圳', '兰州'],
  answer: ['B'],
  points: 10,
  tags: [],
};
const multiple: QuestionDefinition = { ...single, key: 'm', type: 'multiple', options: ['甲', '乙', '丙', '丁', '戊'], answer: ['A', 'C', 'E'], points: 15 };
const truefalse: QuestionDefinition = { ...single, key: 't', type: 'truefalse', options: [], answer: ['false'] };
const fill: QuestionDefinition = { ...single, key: 'f', type: 'fill', options: [], answer: ['两翼多点'] };

// Shown A = original D, B = original B, C = original A, D = original C.
const shuffled: DrawnQuestion = { questionId: 1, order: [3, 1, 0, 2] };
// Multiple: shown A..E = original E, D, C, B, A.
const reversed: DrawnQuestion = { questionId: 2, order: [4, 3, 2, 1, 0] };

describe('pickedOptionBits', () => {
  it('stores the shown letters as the original options they stand for', () => {
    expect(pickedOptionBits(shuffled, 'A')).toBe(0b1000);
    expect(pickedOptionBits(shuffled, 'BC')).toBe(0b0011);
    expect(pickedOptionBits(reversed, 'ACE')).toBe(0b10101);
    expect(pickedOptionBits(reversed, 'B')).toBe(0b01000);
  });

  it('reads letters as they are when the draw kept no order, and ignores what is not a shown option', () => {
    expect(pickedOptionBits({ questionId: 3, order: [] }, 'C')).toBe(0b100);
    expect(pickedOptionBits({ questionId: 3, order: [0, 1] }, 'B')).toBe(0b10);
    expect(pickedOptionBits(shuffled, 'E')).toBe(0);
    expect(pickedOptionBits(shuffled, '')).toBe(0);
    expect(pickedOptionBits(shuffled, '成都')).toBe(0);
  });
});

describe('scoreResponse', () => {
  it('maps shown letters back to the original options', () => {
    expect(scoreResponse(single, shuffled, { kind: 'answer', letters: ['B'] })).toEqual({ correct: true, points: 10, response: 'B' });
    expect(scoreResponse(single, shuffled, { kind: 'answer', letters: ['A'] })).toEqual({ correct: false, points: 0, response: 'A' });
    const moved: DrawnQuestion = { questionId: 1, order: [1, 0, 2, 3] };
    expect(scoreResponse(single, moved, { kind: 'answer', letters: ['A'] }).correct).toBe(true);
    expect(scoreResponse(single, moved, { kind: 'answer', letters: ['B'] }).correct).toBe(false);
  });

  it('scores several letters on a single-choice question as wrong', () => {
    expect(scoreResponse(single, shuffled, { kind: 'answer', letters: ['B', 'C'] })).toEqual({ correct: false, points: 0, response: 'BC' });
  });

  it('scores multiple choice all-or-nothing through the shuffle', () => {
    // original A, C, E are shown as E, C, A
    expect(scoreResponse(multiple, reversed, { kind: 'answer', letters: ['A', 'C', 'E'] })).toEqual({ correct: true, points: 15, response: 'ACE' });
    expect(scoreResponse(multiple, reversed, { kind: 'answer', letters: ['E', 'A', 'C'] }).response).toBe('ACE');
    expect(scoreResponse(multiple, reversed, { kind: 'answer', letters: ['A', 'C'] })).toEqual({ correct: false, points: 0, response: 'AC' });
    expect(scoreResponse(multiple, reversed, { kind: 'answer', letters: ['A', 'B', 'C', 'E'] }).correct).toBe(false);
    const shown: DrawnQuestion = { questionId: 2, order: [1, 0, 3, 4, 2] };
    // original A, C, E shown at B, E, D
    expect(scoreResponse(multiple, shown, { kind: 'answer', letters: ['B', 'D', 'E'] }).correct).toBe(true);
  });

  it('reads truefalse as A = 正确, B = 错误', () => {
    const drawn: DrawnQuestion = { questionId: 3, order: [0, 1] };
    expect(scoreResponse(truefalse, drawn, { kind: 'answer', letters: ['B'] })).toEqual({ correct: true, points: 10, response: 'B' });
    expect(scoreResponse(truefalse, drawn, { kind: 'answer', letters: ['A'] }).correct).toBe(false);
    expect(scoreResponse(truefalse, { questionId: 3, order: [] }, { kind: 'answer', letters: ['B'] }).correct).toBe(true);
    expect(scoreResponse(truefalse, drawn, { kind: 'answer', letters: ['A', 'B'] }).correct).toBe(false);
  });

  it('compares fill answers after normalisation and stores the text as typed', () => {
    const drawn: DrawnQuestion = { questionId: 4, order: [] };
    for (const text of ['两翼多点', '兩翼多點', ' 两翼 多点 ', '“两翼多点”', '两翼多点。']) {
      expect(scoreResponse(fill, drawn, { kind: 'answer', text })).toEqual({ correct: true, points: 10, response: text });
    }
    expect(scoreResponse(fill, drawn, { kind: 'answer', text: '两翼' }).correct).toBe(false);
  });
});

describe('fill answer normalisation', () => {
  it.each([
    ['七万', ['7万']],
    ['7万', ['七万']],
    ['70000', ['7万']],
    ['七万余', ['7万余']],
    ['二十', ['20']],
    ['２０', ['20']],
    ['2,736', ['2736']],
    ['１＋４＋Ｎ', ['1+4+N']],
    ['1+4+n', ['1+4+N']],
    ['同心聚力共同締造', ['同心聚力·共同缔造']],
    ['民進', ['民进']],
    ['ABC', ['abc']],
    ['三百零五', ['305']],
    ['二〇二三', ['2023']],
    ['一靠二借三聚合', ['一靠二借三聚合']],
  ])('%j matches %j', (text, accepted) => {
    expect(fillAnswerMatches(text, accepted)).toBe(true);
  });

  it.each([
    ['七万', ['70万']],
    ['十五', ['十四五']],
    ['万花', ['万花筒']],
    ['', ['']],
    ['。', ['!']],
  ])('%j does not match %j', (text, accepted) => {
    expect(fillAnswerMatches(text, accepted)).toBe(false);
  });

  it('leaves 万 alone when no number precedes it', () => {
    expect(canonicalFillText('万花筒')).toBe('万花筒');
    expect(canonicalFillText('十四五')).toBe('十四五');
  });
});
