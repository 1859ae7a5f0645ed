import { withoutCourtesies } from './courtesies';
import { questionText } from './question-text';

describe('greetings, thanks and WeChat emoji', () => {
  it('reads an emoji as a pause, not as words of the question', () => {
    expect(withoutCourtesies('德阳国家级基地奖多少[抱拳][抱拳]').trim()).toBe('德阳国家级基地奖多少');
    expect(withoutCourtesies('[强]玉门有多少成员[OK]').trim()).toBe('玉门有多少成员');
  });

  it('leaves out a greeting or a thanks standing as a clause of its own', () => {
    expect(withoutCourtesies('早上好[玫瑰]德阳国家级基地奖多少').trim()).toBe('德阳国家级基地奖多少');
    expect(withoutCourtesies('辛苦了，打扰了，玉门民主党派成员有多少人？谢谢老师！')).toBe('，，玉门民主党派成员有多少人？！');
  });

  it('keeps the words of a question that only begin like a courtesy', () => {
    expect(withoutCourtesies('感谢信是谁写的')).toBe('感谢信是谁写的');
    expect(withoutCourtesies('老师好评的课程是哪门')).toBe('老师好评的课程是哪门');
    // A quiz question's choices in brackets are not emoji.
    expect(withoutCourtesies('德阳国家级基地奖多少？[A]3万 [B]6万')).toBe('德阳国家级基地奖多少？[A]3万 [B]6万');
    expect(questionText('早上好[玫瑰]德阳国家级基地奖多少[抱拳]').trim()).toBe('德阳国家级基地奖多少');
  });
});
