import { withoutSelfDescription } from './asking';
import { minnanInMandarin } from './minnan';

describe('minnanInMandarin', () => {
  it('reads Minnan words in their Mandarin form', () => {
    expect(minnanInMandarin('新乡那个知识测试有偌济人参加？')).toBe('新乡那个知识测试有多少人参加？');
    expect(minnanInMandarin('红巷·同心筑在佗位？')).toBe('红巷·同心筑在哪里？');
    expect(minnanInMandarin('四有是啥物意思，按怎做到的')).toBe('四有是什么意思，怎么做到的');
    expect(minnanInMandarin('德阳奖励十万，有影无？')).toBe('德阳奖励十万，有没有？');
  });

  it('reads 阮 as 我 only where the member speaks of themselves', () => {
    expect(minnanInMandarin('阮是厦门的侨眷')).toBe('我是厦门的侨眷');
    expect(minnanInMandarin('阮籍是哪个朝代的人')).toBe('阮籍是哪个朝代的人');
    expect(withoutSelfDescription(minnanInMandarin('阮是漳州的台商，德阳民建会员之家在佗位？'))).not.toContain('漳州');
  });
});
