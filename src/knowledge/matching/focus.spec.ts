import { questionFocus } from './focus';

const words = (text: string) => questionFocus(text).map((f) => f.word);

describe('questionFocus', () => {
  it('finds the noun a question word governs', () => {
    expect(words('新乡知识测试是在什么平台开展的')).toEqual(['平台']);
    expect(words('基地搭了个什么样的机制')).toEqual(['机制']);
  });

  it('finds the noun before a final question word, or the last noun when the frame was dropped', () => {
    expect(words('玉门民主党派成员平均多大年纪')).toEqual(['年纪']);
    expect(words('新乡条例知识测试的一等奖奖品')).toEqual(['奖品']);
    // 都 and 些 may stand between them, but a time word before 都 says when (如今都有哪些).
    expect(words('新乡那个测试有70万人次参加奖品都是些什么')).toEqual(['奖品']);
    expect(words('小营的统战服务载体如今都有哪些')).toEqual([]);
  });

  it('gives its offset in characters', () => {
    expect(questionFocus('新乡条例知识测试的一等奖奖品')).toEqual([{ word: '奖品', start: 12 }]);
  });

  it('finds nothing when no noun is asked about', () => {
    expect(words('玉门共有多少名民主党派成员')).toEqual([]);
    expect(words('统战系统不再唱独角戏，要转变成什么样子')).toEqual([]);
    expect(words('')).toEqual([]);
  });
});
