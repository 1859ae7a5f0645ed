import { northernInMandarin } from './northern';
import { withoutSelfDescription } from './asking';

describe('northernInMandarin', () => {
  it('reads 俺 and 恁 as 我 and 你, and northern particles as Mandarin', () => {
    expect(northernInMandarin('俺是延津县的村干部，恁给俺说说具体咋分的？')).toBe('我是延津县的村干部，你给我说说具体咋分的？');
    expect(northernInMandarin('俺们村木有人去过')).toBe('我们村没有人去过');
    expect(northernInMandarin('他们弄啥嘞？')).toBe('他们做什么？');
    expect(northernInMandarin('这个办法中不中')).toBe('这个办法行不行');
    expect(northernInMandarin('哪个合作还没启动嘞？')).toBe('哪个合作还没启动呢？');
  });

  it('leaves 木有 and 中不中 where they are parts of other words', () => {
    expect(northernInMandarin('新品种里花木有多少个')).toBe('新品种里花木有多少个');
    expect(northernInMandarin('集中不中断地学习')).toBe('集中不中断地学习');
  });

  it('reads 兀 of the north-west as 那', () => {
    expect(northernInMandarin('兀个基地在兀搭建的？')).toBe('那个基地在那里建的？');
    expect(northernInMandarin('兀些人是做啥的')).toBe('那些人是做啥的');
  });

  it('reads 恁 before a degree as 那么', () => {
    expect(northernInMandarin('咋有恁多人参加')).toBe('咋有那么多人参加');
  });

  it('reads Beijing and Tianjin words as Mandarin', () => {
    expect(northernInMandarin('泸州说干统战跟老手艺活儿一个道理，拿嘛打的比方？')).toBe('泸州说干统战跟老手艺活一个道理，拿什么打的比方？');
    expect(northernInMandarin('德阳国家级奖多儿，倍儿多吧')).toBe('德阳国家级奖多少，很多吧');
    expect(northernInMandarin('介篇稿子谁供的？同心讲吧是干嘛使的')).toBe('这篇稿子谁供的？同心讲吧是做什么用的');
    expect(northernInMandarin('片会嘛时候开的，那边儿叫啥名儿')).toBe('片会什么时候开的，那边叫啥名');
  });

  it('keeps 嘛 ending a clause, and words holding 介 and 儿', () => {
    for (const text of ['是这个意思嘛，好嘛我再问问', '请介绍一下中介和简介', '留守儿童和女儿', '托儿所', '照顾了许多儿童']) expect(northernInMandarin(text)).toBe(text);
  });

  it("lets a northern member's account of themselves be set aside like any other", () => {
    const text = northernInMandarin('俺是延津县统战部新来的小年轻，领导叫俺写个材料。新乡分层次学是咋分的？');
    expect(withoutSelfDescription(text)).not.toContain('延津县');
  });
});
