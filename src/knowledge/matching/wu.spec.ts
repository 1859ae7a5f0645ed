import { withoutSelfDescription } from './asking';
import { wuInMandarin } from './wu';

describe('wuInMandarin', () => {
  it('reads 阿拉, 侬, 伊, 搿, 哪能 and 伐 as Mandarin', () => {
    expect(wuInMandarin('阿拉街道想学,侬晓得伐?')).toBe('我街道想学,你晓得吗?');
    expect(wuInMandarin('德阳搿点基地到底啥人来管?有啥讲究伐')).toBe('德阳这些基地到底谁来管?有啥讲究吗');
    expect(wuInMandarin('伊叫啥名字?阿拉想晓得')).toBe('他叫啥名字?我想晓得');
    expect(wuInMandarin('搿个奖励哪能申请?')).toBe('这个奖励怎么申请?');
  });

  it('reads 个 after a word as 的 in a Wu question, and leaves it where it counts', () => {
    expect(wuInMandarin('阿拉是宁波江北区慈城镇个民盟盟员,德阳有一个汉州陶艺个传承人')).toBe(
      '我是宁波江北区慈城镇的民盟盟员,德阳有一个汉州陶艺的传承人',
    );
    expect(wuInMandarin('阿拉想晓得每个基地搞了个啥活动,几个人参加')).toBe('我想晓得每个基地搞了个啥活动,几个人参加');
  });

  it('leaves a question in Mandarin as it is', () => {
    expect(wuInMandarin('德阳有一个汉州陶艺个传承人叫什么')).toBe('德阳有一个汉州陶艺个传承人叫什么');
    expect(wuInMandarin('昆明官渡区那个示范基地是冲着啥人群搞的')).toBe('昆明官渡区那个示范基地是冲着啥人群搞的');
    expect(wuInMandarin('阿拉伯国家和阿拉善盟的统战工作')).toBe('阿拉伯国家和阿拉善盟的统战工作');
    expect(wuInMandarin('伊犁和伊春有没有滥砍滥伐?')).toBe('伊犁和伊春有没有滥砍滥伐?');
  });

  it("lets a Wu member's account of themselves be set aside like any other", () => {
    const text = wuInMandarin('阿拉是宁波鄞州区首南街道个农工党党员,下趟要去甘肃交流。玉门农工党同民盟一道搞个助学行动叫啥名字?');
    expect(withoutSelfDescription(text)).not.toContain('鄞州区');
  });
});
