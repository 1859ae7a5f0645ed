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

  it("lets a northern member's account of themselves be set aside like any other", () => {
    const text = northernInMandarin('俺是延津县统战部新来的小年轻，领导叫俺写个材料。新乡分层次学是咋分的？');
    expect(withoutSelfDescription(text)).not.toContain('延津县');
  });
});
