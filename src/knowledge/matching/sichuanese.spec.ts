import { sichuaneseInMandarin } from './sichuanese';

describe('sichuaneseInMandarin', () => {
  it('reads Sichuanese words in their Mandarin form', () => {
    expect(sichuaneseInMandarin('新乡那个微信答题，到底有好多人耍过哦？')).toBe('新乡那个微信答题，到底有多少人耍过哦？');
    expect(sichuaneseInMandarin('民革那个党员之家有好大一块哦？')).toBe('民革那个党员之家有多大一块哦？');
    expect(sichuaneseInMandarin('新乡是哪个上去讲的？')).toBe('新乡是谁上去讲的？');
    expect(sichuaneseInMandarin('四有是啥子意思，咋个理解，摆一哈嘛')).toBe('四有是什么意思，怎么理解，摆一下嘛');
  });

  it('leaves 好多 as "many" beside another question word, and 哪个 before a thing', () => {
    expect(sichuaneseInMandarin('好多人都问，德阳的基地有几个？')).toBe('好多人都问，德阳的基地有几个？');
    expect(sichuaneseInMandarin('哪个讲座最受欢迎')).toBe('哪个讲座最受欢迎');
    expect(sichuaneseInMandarin('哪个基地是民革建的')).toBe('哪个基地是民革建的');
    expect(sichuaneseInMandarin('哈哈一哈哈')).toBe('哈哈一哈哈');
  });
});
