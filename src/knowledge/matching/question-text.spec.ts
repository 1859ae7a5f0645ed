import { sentencesOf } from './asking';
import { questionText } from './question-text';

describe('the question as the matcher reads it', () => {
  it('reads a dot typed after a Chinese character as a full stop', () => {
    const text = questionText('我是九三学社的老社员,一直在社区帮忙.听说德阳九三搞了个基地,请问那边新设了哪些设施.');
    expect(sentencesOf(text)).toEqual(['我是九三学社的老社员,一直在社区帮忙', '听说德阳九三搞了个基地,请问那边新设了哪些设施']);
  });

  it('keeps a decimal point and the dot after a choice letter', () => {
    expect(questionText('奖励增加到了2.5万元吗')).toBe('奖励增加到了2.5万元吗');
    expect(sentencesOf(questionText('德阳国家级基地每个奖多少.'))).toEqual(['德阳国家级基地每个奖多少']);
  });

  it('reads a dictated question as finally said, in whatever dialect', () => {
    expect(questionText('德阳民进嘅四有，哦不对，四立係咩意思')).toBe('德阳民进的四立是什么意思');
  });
});
