import { normaliseQuestion } from './normalise';
import { extractNumbers, numberMentions, parseChineseNumeral } from './numbers';

describe('normaliseQuestion', () => {
  it('turns full-width characters to half-width and drops punctuation and spaces', () => {
    expect(normaliseQuestion('小营街道在２０１８年 抓什么？')).toBe('小营街道在2018年抓什么');
    expect(normaliseQuestion('ＭＦＧ创客联邦在哪')).toBe('mfg创客联邦在哪');
  });

  it('reads Traditional characters as Simplified', () => {
    expect(normaliseQuestion('玉門民主黨派成員總數')).toBe(normaliseQuestion('玉门民主党派成员总数'));
  });

  it('drops politeness, framing and final particles', () => {
    expect(normaliseQuestion('请问德阳基地现场推进会多久开一次呢？')).toBe('德阳基地现场推进会多久开一次');
    expect(normaliseQuestion('我想知道三同三化是什么')).toBe('三同三化');
    expect(normaliseQuestion('想问一下泸州有几个联谊组织啊')).toBe('泸州有多少个联谊组织');
  });

  it('keeps words that only look like fillers', () => {
    expect(normaliseQuestion('同心讲吧')).toBe('同心讲吧');
    expect(normaliseQuestion('贾飞书吧在哪')).toBe('贾飞书吧在哪');
    expect(normaliseQuestion('是什么时候开的')).toBe('是什么时候开的');
    expect(normaliseQuestion('工具书是几时出版的')).toBe(normaliseQuestion('工具书是什么时候出版的'));
    expect(normaliseQuestion('培训分几时段进行')).not.toContain('什么时候');
  });

  it('maps colloquial words to the wording of the knowledge base', () => {
    // 平 after a figure is 平米, and so makes no word with what follows (两百来平原文 names no county 平原).
    expect(normaliseQuestion('两百来平，原文到底多少平？')).toBe('两百来平米原文到底多少平米');
    for (const text of ['统一平台', '有多少平方公里', '孙少平', '人均水平', '多少平凡岗位', '多少平民百姓', '来平顶山']) expect(normaliseQuestion(text)).toBe(text);
    expect(normaliseQuestion('五爱同心服务啥意思')).toBe('五爱同心服务是什么意思');
    expect(normaliseQuestion('上级咋指导的')).toBe('上级怎么指导的');
    expect(normaliseQuestion('统一战线的新的社会阶层人士')).toBe('统战的新阶层');
    expect(normaliseQuestion('奖励几万元')).toBe('奖励多少钱');
    // 多少万 alone may count people: it stays as written.
    expect(normaliseQuestion('新阶层人士有多少万')).toBe('新阶层人士有多少万');
  });

  it('reads 好几, 十几 and 几十 as "several", not as a question', () => {
    expect(normaliseQuestion('提了好几条要求，另外两个是什么')).not.toContain('多少');
    expect(normaliseQuestion('来了十几个人')).not.toContain('多少');
    expect(normaliseQuestion('提了几条要求')).toContain('多少条');
    expect(normaliseQuestion('前几天开会说的')).not.toContain('多少');
  });

  it('reads 另外几个是什么 as asking which they are', () => {
    expect(normaliseQuestion('面临的困难，另外几个是什么')).toContain('另外哪些');
  });
});

describe('numbers', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('二十')).toBe(20);
    expect(parseChineseNumeral('一百二十六')).toBe(126);
    expect(parseChineseNumeral('三万')).toBe(30000);
  });

  it('finds Arabic and Chinese numbers but not digits inside words', () => {
    expect(extractNumbers('3万元')).toEqual(new Set([30000]));
    expect(extractNumbers('三万元')).toEqual(new Set([30000]));
    expect(extractNumbers('20余次')).toEqual(new Set([20]));
    expect(extractNumbers('二十大精神')).toEqual(new Set([20]));
    expect(extractNumbers('5g智慧产业园的1a+6s工作圈建了6个空间')).toEqual(new Set([6]));
    expect(extractNumbers('1.5g流量')).toEqual(new Set());
    expect(extractNumbers('第二批')).toEqual(new Set([2]));
    expect(extractNumbers('统一战线三同三化一站六会')).toEqual(new Set());
  });

  it('takes a count of a wording\'s words (十六个字, 四句话) as weak evidence', () => {
    expect(numberMentions('有个十六个字的说法')).toEqual([{ value: 16, soft: true }]);
    expect(numberMentions('目标是4句话')).toEqual([{ value: 4, soft: true }]);
    expect(numberMentions('建了十六个站点')).toEqual([{ value: 16, soft: false }]);
    // A floor is a place in a building, never a slogan's count.
    expect(numberMentions('会员之家七楼是做什么的')).toEqual([{ value: 7, soft: false }]);
  });
});

describe('estimates', () => {
  it('reads a number followed by 余, 多 or 来, or after 近, as the values it allows', () => {
    expect(numberMentions('200多个')).toEqual([{ value: 200, soft: false, range: { from: 200, to: 299 } }]);
    expect(numberMentions('两百来个')).toEqual([{ value: 200, soft: false, range: { from: 150, to: 250 } }]);
    expect(numberMentions('1.5万多人')).toEqual([{ value: 15000, soft: false, range: { from: 15000, to: 15999 } }]);
    expect(numberMentions('十余万人次')).toEqual([{ value: 100000, soft: false, range: { from: 100000, to: 199999 } }]);
    expect(numberMentions('一百零余个')).toEqual([{ value: 100, soft: false, range: { from: 100, to: 109 } }]);
    expect(numberMentions('一百二十余个人')).toEqual([{ value: 120, soft: false, range: { from: 120, to: 129 } }]);
    expect(numberMentions('捐了一百多万')).toEqual([{ value: 1e6, soft: false, range: { from: 1e6, to: 1999999 } }]);
    expect(numberMentions('14余万元')).toEqual([{ value: 140000, soft: false, range: { from: 140000, to: 149999 } }]);
    expect(numberMentions('3万多元')).toEqual([{ value: 30000, soft: false, range: { from: 30000, to: 39999 } }]);
    expect(numberMentions('近30个地市')).toEqual([{ value: 30, soft: false, range: { from: 24, to: 30 } }]);
    expect(numberMentions('将近30个地市')).toEqual([{ value: 30, soft: false, range: { from: 24, to: 30 } }]);
    expect(numberMentions('建了165个基地')).toEqual([{ value: 165, soft: false }]);
    // Not estimates: 多少, an ordinal, a one-digit step, 最近 or 附近, a span of years.
    expect(numberMentions('一百零多少个')).toEqual([{ value: 100, soft: false }]);
    expect(numberMentions('排第二十多')).toEqual([{ value: 20, soft: false }]);
    expect(numberMentions('3多个')).toEqual([{ value: 3, soft: false }]);
    expect(numberMentions('最近30个')).toEqual([{ value: 30, soft: false }]);
    expect(numberMentions('近30年')).toEqual([{ value: 30, soft: false }]);
  });

  it('reads 几 after a numeral as an estimate, and 几 alone as asking', () => {
    expect(normaliseQuestion('一百二十几个人吧')).toContain('一百二十余个人');
    expect(normaliseQuestion('有30几个')).toContain('30余个');
    expect(normaliseQuestion('建了几个基地')).toContain('建了多少个基地');
    expect(normaliseQuestion('前几天')).not.toContain('余');
  });
});

describe('two-digit years', () => {
  it('reads a month and a day written with a dot as a date, and leaves decimals alone', () => {
    expect(normaliseQuestion('案例是12.1号开始登的吗')).toContain('12月1号');
    expect(normaliseQuestion('片会是5.17日开的')).toContain('5月17日');
    expect(normaliseQuestion('经费是12.5万')).toContain('12.5万');
    expect(normaliseQuestion('面积是1.5倍')).toContain('1.5倍');
  });

  it('reads 23年 as 2023年 but leaves spans of years alone', () => {
    expect(normaliseQuestion('德阳23年给了多少经费')).toContain('2023年');
    expect(normaliseQuestion('近20年来')).toContain('近20年');
  });
});
