import { sichuaneseInMandarin } from './sichuanese';

describe('sichuaneseInMandarin', () => {
  it('reads Sichuanese words in their Mandarin form', () => {
    expect(sichuaneseInMandarin('新乡那个微信答题，到底有好多人耍过哦？')).toBe('新乡那个微信答题，到底有多少人耍过哦？');
    expect(sichuaneseInMandarin('民革那个党员之家有好大一块哦？')).toBe('民革那个党员之家有多大一块哦？');
    expect(sichuaneseInMandarin('新乡是哪个上去讲的？')).toBe('新乡是谁上去讲的？');
    expect(sichuaneseInMandarin('西部片会好久开的哦')).toBe('西部片会什么时候开的哦');
    expect(sichuaneseInMandarin('好久没去小营了，那边有啥子变化')).toBe('好久没去小营了，那边有什么变化');
    expect(sichuaneseInMandarin('四有是啥子意思，咋个理解，摆一哈嘛')).toBe('四有是什么意思，怎么理解，摆一下嘛');
    expect(sichuaneseInMandarin('四有是哪样意思，要整哪样子的材料')).toBe('四有是什么意思，要整什么样子的材料');
  });

  it('leaves 好多 as "many" beside another question word, and 哪个 before a thing', () => {
    expect(sichuaneseInMandarin('好多人都问，德阳的基地有几个？')).toBe('好多人都问，德阳的基地有几个？');
    expect(sichuaneseInMandarin('哪个讲座最受欢迎')).toBe('哪个讲座最受欢迎');
    expect(sichuaneseInMandarin('哪个基地是民革建的')).toBe('哪个基地是民革建的');
    expect(sichuaneseInMandarin('哈哈一哈哈')).toBe('哈哈一哈哈');
    // 好 completing a verb, and 好多了 as "much better".
    for (const text of ['介绍一下玉门做好多党合作工作的经验', '请讲讲小营发展好大健康产业的做法', '讲讲德阳建好长效机制', '现在好多了']) {
      expect(sichuaneseInMandarin(text)).toBe(text);
    }
    expect(sichuaneseInMandarin('小营是怎样用好大健康产业领袖峰会契机的')).toBe('小营是怎样用好大健康产业领袖峰会契机的');
    expect(sichuaneseInMandarin('这两场讲座哪个讲的是同心文化')).toBe('这两场讲座哪个讲的是同心文化');
    expect(sichuaneseInMandarin('佟桂莉的批示是哪个批示的')).toBe('佟桂莉的批示是谁批示的');
  });
});
