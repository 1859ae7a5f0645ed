import { asCorrected } from './self-correction';

describe('asCorrected', () => {
  it('replaces the words a correction takes back, keeping the rest of their clause', () => {
    expect(asCorrected('德阳给新评上的省级，哦不对，国家级实践创新基地，每个发多少奖金啊？')).toBe('德阳给新评上的国家级实践创新基地，每个发多少奖金啊？');
    expect(asCorrected('德阳2023年，不对，2021年给每个党派争取到的项目经费是多少')).toBe('德阳2021年给每个党派争取到的项目经费是多少');
    expect(asCorrected('襄阳那个同心智囊团，等下，是同心服务团，一共有多少人')).toBe('襄阳那个同心服务团，一共有多少人');
    // A correction restating the whole clause replaces all of it.
    expect(asCorrected('新乡的知识测试，等下，是郑州的知识测试有多少人参与？')).toBe('郑州的知识测试有多少人参与？');
    expect(asCorrected('德阳农工党，哦说错了，民革党员之家一年接待多少人次')).toBe('德阳民革党员之家一年接待多少人次');
    expect(asCorrected('培华社区示范点是全国第三批，呃不对，我搞混了，它是第几批的重点项目')).toBe('培华社区示范点它是第几批的重点项目');
  });

  it('drops a clause sharing nothing with its correction, and 不是 repeating what it takes back', () => {
    expect(asCorrected('成都那个片会上，中央统战部，呃不是，国家民委的领导讲了哪些要求')).toBe('成都那个片会上，国家民委的领导讲了哪些要求');
    expect(asCorrected('新乡，哦不是新乡，是哈尔滨，后来要转变成一种什么局面')).toBe('哈尔滨，后来要转变成一种什么局面');
    expect(asCorrected('新乡，不是新乡，是哈尔滨，后来要转变成一种什么局面')).toBe('哈尔滨，后来要转变成一种什么局面');
    expect(asCorrected('德陽民建，不對，是九三學社的關愛基地在哪')).toBe('九三學社的關愛基地在哪');
  });

  it('drops a question given up for another, and keeps what was only told', () => {
    expect(asCorrected('泸州石榴籽调解体系是聚焦啥的，呃不是，我想问的是酒城新绿云是干嘛用的')).toBe('我想问的是酒城新绿云是干嘛用的');
    expect(asCorrected('德阳民进的四有四立，四立是哪四个立，呃不对，先问四有，四有指的是哪几个有')).toBe('德阳民进的四有四立，先问四有，四有指的是哪几个有');
    expect(asCorrected('农工党那个史料陈列馆装修布展市里财政给了，呃不是，我想问的是开馆以后来参观的有多少人次')).toBe(
      '农工党那个史料陈列馆装修布展市里财政给了，我想问的是开馆以后来参观的有多少人次',
    );
  });

  it('leaves questions without a correction as they are', () => {
    for (const text of [
      '我记得是10万，不对吗？',
      '新乡那场发言好像不是统战部的人讲的吧？到底是谁讲的',
      '泸州除了致泸合作，农泸合作是不是已经启动了',
      '这样说对不对，德阳有165个基地',
      '不是说德阳有165个基地吗，其中宗教的有几个',
      '不对',
      // A pause, a figure disputed and asked for, and 不是 setting apart what was not said.
      '玉门的同心讲吧，等一下我翻翻材料，是个什么品牌？',
      '群里有人说玉门有200名民主党派成员，不对，应该是多少？',
      '新乡那个知识测试，呃不是线下的，是在什么平台上搞的？',
      // 不是 setting one thing apart from another, not taking back what was said.
      '玉门打造了个宣传品牌，名字是同心什么吧，不是书吧，是能上去讲的那种，叫啥来着？',
    ]) {
      expect(asCorrected(text)).toBe(text);
    }
  });

  it('reads a correction after an ellipsis, and leaves out an aside naming what is not meant', () => {
    expect(asCorrected('玉溪……哦不是，玉门，有多少个政府工作部门建了对口联系？')).toBe('玉门，有多少个政府工作部门建了对口联系？');
    expect(asCorrected('綿陽（不是德陽哈）那個新英匯有啥特色')).toBe('綿陽那個新英匯有啥特色');
    expect(asCorrected('襄阳（他说成香阳我也跟着叫了半天）有个考核的目标要求')).toBe('襄阳有个考核的目标要求');
    // An aside that tells what something is stays.
    expect(asCorrected('三同三化（同心、同向、同行）是什么意思')).toBe('三同三化（同心、同向、同行）是什么意思');
  });
});
