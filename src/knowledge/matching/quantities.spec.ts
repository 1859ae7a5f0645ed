import { normaliseQuestion } from './normalise';
import { answerFacts } from './question-type';
import { askedQuantity, contradictedFigures, datedFigures, measuredFigures, statedFigures } from './quantities';

describe('measuredFigures', () => {
  it('reads each figure with its measure and the kind of quantity it is', () => {
    expect(measuredFigures('玉门民主党派成员有两百六十多人')).toEqual([{ value: 260, quantity: 'people' }]);
    expect(measuredFigures('小营梳理出二十个子项目')).toEqual([{ value: 20, quantity: 'count' }]);
    // A bare 万 takes its kind from what follows it.
    expect(measuredFigures('重庆有300万新阶层人士')).toEqual([{ value: 3000000, quantity: 'people' }]);
    expect(measuredFigures('红光印象引进了五百万资金')).toEqual([{ value: 5000000, quantity: 'money' }]);
    // 来 after a figure says "about", as 余 and 多 do.
    expect(measuredFigures('德阳民革党员之家两百来平米')).toEqual([{ value: 200, quantity: 'area' }]);
    expect(measuredFigures('来了十来个人')).toEqual([{ value: 10, quantity: 'people' }]);
  });

  it('reads no figure in a year or a name', () => {
    expect(measuredFigures('2019届峰会在小营开')).toEqual([]);
    expect(measuredFigures('围绕十九大组织学习')).toEqual([]);
  });
});

describe('statedFigures', () => {
  it('takes the figures of the clauses that ask nothing', () => {
    const stated = (text: string) => statedFigures(text, normaliseQuestion).map((figure) => figure.value);
    expect(stated('玉门有200多名民主党派成员，他们分成了几个支部？')).toEqual([200]);
    expect(stated('德阳奖励10万元的是哪一级基地？')).toEqual([]);
  });
});

describe('askedQuantity', () => {
  it('reads 几加几 as asking the shape of a formula, not a figure', () => {
    expect(askedQuantity('这个基地的工作运行机制是几加几加N那种吗')).toBeUndefined();
    expect(askedQuantity('这个基地引进了几个新品种')).toBe('count');
    // What the treasury gave is money.
    expect(askedQuantity('陈列室财政补了多少')).toBe('money');
    expect(askedQuantity('陈列馆一共补助了多少')).toBe('money');
    // A count asked of such a formula is still a count.
    expect(askedQuantity('那个几加几加n机制一共有多少家成员单位')).toBeDefined();
  });
});

describe('a score asked', () => {
  it('reads 多少分 as asking for a score, given only by a score written in digits', () => {
    expect(askedQuantity('参会代表给培训效果打了多少分')).toBe('score');
    expect(askedQuantity('讲了多少分钟')).not.toBe('score');
    expect(askedQuantity('几分之几的成员是党员')).not.toBe('score');
  });
});

describe('how big a place is', () => {
  it('reads 多大一块 and 多大的地方 as asking for an area, 多大年纪 not', () => {
    expect(askedQuantity('民革党员之家有多大一块')).toBe('area');
    expect(askedQuantity('那个基地是多大的地方')).toBe('area');
    expect(askedQuantity('陆少才多大年纪')).not.toBe('area');
  });
});

describe('contradictedFigures', () => {
  const facts = (answer: string) => answerFacts(normaliseQuestion(answer), normaliseQuestion(answer), false, answer);
  const members = facts('玉门市共有民主党派成员126名。');
  const councillors = facts('玉门市民主党派成员中有酒泉市政协委员6名、玉门市政协委员17名。');
  const contradicted = (clause: string, given: ReturnType<typeof facts>) => contradictedFigures(normaliseQuestion(clause), given).length > 0;

  it('finds a figure of the kind the answer gives and far from all of its figures', () => {
    expect(contradicted('玉门民主党派成员有260个', members)).toBe(true);
    expect(contradicted('玉门民主党派成员里有50名政协委员', councillors)).toBe(true);
    // An exact figure a little off is wrong, where an estimate as far off is the member's.
    expect(contradicted('玉门市136名民主党派成员', members)).toBe(true);
    expect(contradicted('玉门市一百三十多名民主党派成员', members)).toBe(false);
    // Three of the answer's figures added up, and an exact figure near an estimate of the answer, are the member's.
    expect(contradicted('玉门民主党派成员里政协委员和青联委员一共25名', facts('玉门有酒泉市政协委员6名、玉门市政协委员17名、青联委员2名。'))).toBe(false);
    expect(contradicted('哈尔滨出台了22个法规文件', facts('哈尔滨出台统战法规文件20余个。'))).toBe(false);
  });

  it('takes a figure near one of the answer, within its estimate, or the sum of two as the member\'s', () => {
    expect(contradicted('玉门民主党派成员有一百来个', members)).toBe(false);
    expect(contradicted('玉门民主党派成员有100多名', members)).toBe(false);
    expect(contradicted('玉门民主党派成员里有23名政协委员', councillors)).toBe(false);
    expect(contradicted('九三学社捐了二十多万元', facts('九三学社社员捐款捐物近30万元。'))).toBe(false);
  });

  it('leaves a figure of something the answer does not count, and one written as two numbers', () => {
    expect(contradicted('玉门民主党派成员里有60多名教师', members)).toBe(false);
    expect(contradicted('玉门民主党派成员也就一两百人', members)).toBe(false);
  });
});

describe('datedFigures', () => {
  it('reads the months and days a text dates by, and nothing else', () => {
    expect(datedFigures('成都那个西部片会是6月17号开的').map((f) => f.value)).toEqual([6, 17]);
    expect(datedFigures('襄阳那次培训是十二月八日到九日办的').map((f) => f.value)).toEqual([12, 8, 9]);
    expect(datedFigures('德阳建了165个基地，奖励6万元')).toEqual([]);
  });
});
