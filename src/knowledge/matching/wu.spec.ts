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

  it('reads 额 after a word as 的, 事体 as 事情 and 桩 after a count as 件', () => {
    expect(wuInMandarin('德阳民进讲要培养额民进人，要在四桩事体上都立起来，是哪四桩？')).toBe('德阳民进讲要培养的民进人，要在四个事情上都立起来，是哪四个？');
    expect(wuInMandarin('帮每个民主党派争取额项目经费，提到几化了？')).toBe('帮每个民主党派争取的项目经费，提到多少了？');
  });

  it('leaves a question in Mandarin as it is', () => {
    expect(wuInMandarin('德阳有一个汉州陶艺个传承人叫什么')).toBe('德阳有一个汉州陶艺个传承人叫什么');
    expect(wuInMandarin('昆明官渡区那个示范基地是冲着啥人群搞的')).toBe('昆明官渡区那个示范基地是冲着啥人群搞的');
    expect(wuInMandarin('阿拉伯国家和阿拉善盟的统战工作')).toBe('阿拉伯国家和阿拉善盟的统战工作');
    expect(wuInMandarin('伊犁和伊春有没有滥砍滥伐?')).toBe('伊犁和伊春有没有滥砍滥伐?');
    expect(wuInMandarin('我们和阿拉木图的侨商有个合作项目吗')).toBe('我们和阿拉木图的侨商有个合作项目吗');
    expect(wuInMandarin('怎么推广吴侬软语?')).toBe('怎么推广吴侬软语?');
    expect(wuInMandarin('山上实行禁伐,')).toBe('山上实行禁伐,');
    expect(wuInMandarin('奖励金额和名额多少，额度够不够，叫额看看')).toBe('奖励金额和名额多少，额度够不够，叫额看看');
    for (const text of ['小营统战故事在哪能听到', '德阳党派经费总增加额', '营业额是多少', '有没有去额济纳旗', '匾额上写的啥', '还有个几好几化几有的标准，咋说？']) expect(wuInMandarin(text)).toBe(text);
    expect(wuInMandarin('统战干部哪能不懂政策?我们社区有个新阶层人士上个月来过')).toBe('统战干部哪能不懂政策?我们社区有个新阶层人士上个月来过');
  });

  it('keeps words and counts whole in a Wu question', () => {
    expect(wuInMandarin('玉门有啥人大代表同政协委员伐?')).toBe('玉门有啥人大代表同政协委员吗?');
    expect(wuInMandarin('德阳有多少个民主党派基地伐?')).toBe('德阳有多少个民主党派基地吗?');
    expect(wuInMandarin('云南个旧个锡矿上个月有十来个人去伐?')).toBe('云南个旧的锡矿上个月有十来个人去吗?');
    expect(wuInMandarin('请勿打扰,侬晓得伐')).toBe('请勿打扰,你晓得吗');
  });

  it("lets a Wu member's account of themselves be set aside like any other", () => {
    const text = wuInMandarin('阿拉是宁波鄞州区首南街道个农工党党员,下趟要去甘肃交流。玉门农工党同民盟一道搞个助学行动叫啥名字?');
    expect(withoutSelfDescription(text)).not.toContain('鄞州区');
  });
});
