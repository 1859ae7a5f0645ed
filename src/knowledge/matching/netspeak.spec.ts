import { netspeakInMandarin } from './netspeak';

describe('netspeakInMandarin', () => {
  it('reads a question without the asides young members type around it', () => {
    expect(netspeakInMandarin('家人们谁懂啊 新乡成立了个服务团 那个团叫啥名')).toBe(' 新乡成立了个服务团 那个团叫啥名');
    expect(netspeakInMandarin('有无懂哥 玉门全市到底有多少个民主党派成员呀 蹲一个')).toBe(' 玉门全市到底有多少个民主党派成员呀 ');
    expect(netspeakInMandarin('咱就是说 德阳首个省级民建会员之家在哪个酒店里 求科普🙏')).toBe(' 德阳首个省级民建会员之家在哪个酒店里 🙏');
    expect(netspeakInMandarin('啊这 泸州的统战联谊组织这么多的吗？？')).toBe(' 泸州的统战联谊组织这么多的吗？？');
    expect(netspeakInMandarin('xdm 重庆的新阶层人士到底有多少人')).toBe(' 重庆的新阶层人士到底有多少人');
    expect(netspeakInMandarin('求问，小营的服务清单有哪些话题')).toBe('请问，小营的服务清单有哪些话题');
  });

  it('keeps the same characters where they are words of the question', () => {
    for (const text of ['谁懂统战工作条例', '蹲点调研了几次', '救命钱是谁出的', '绝了这说法', '兄弟们一起参加的活动叫什么', '求问题的答案', '德阳dd是什么']) {
      expect(netspeakInMandarin(text)).toBe(text);
    }
  });
});
