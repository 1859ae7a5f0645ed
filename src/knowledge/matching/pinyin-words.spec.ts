import { PinyinWords } from './pinyin-words';

const counts = new Map(Object.entries({ 统战部: 8, 民主党派: 24, 各党派: 6, 单打独斗: 1, 背景: 9, 中央: 5, 国家级: 12, 项目: 7, 经费: 6, 实践: 9, 时间: 2, 一场: 3 }));
const named = new Map(Object.entries({ 襄阳: 40, 新乡: 20, 小营: 30, 成都: 10, 泰州: 1, 台州: 1 }));
const words = new PinyinWords(counts, () => named);

describe('PinyinWords', () => {
  it('reads a place or name of the knowledge spelt in pinyin as it is written', () => {
    expect(words.read('Xiangyang各领域的基地')).toBe('襄阳各领域的基地');
    expect(words.read('xinxiang的条例测试')).toBe('新乡的条例测试');
    expect(words.read('xiaoying的党派服务清单')).toBe('小营的党派服务清单');
    expect(words.read('Chengdu的片会')).toBe('成都的片会');
  });

  it('reads the initials of a noun the knowledge writes often as that noun', () => {
    expect(words.read('德阳tzb给每个mzdp争取的经费')).toBe('德阳统战部给每个民主党派争取的经费');
  });

  it('reads words in lower case as the words of the knowledge they spell', () => {
    expect(words.read('德阳的guojiaji基地奖多少')).toBe('德阳的国家级基地奖多少');
    expect(words.read('zhongyang统战部开几场片会')).toBe('中央统战部开几场片会');
    expect(words.read('每个党派的xiangmujingfei')).toBe('每个党派的项目经费');
    // 实践 is written far more often than 时间.
    expect(words.read('统战shijian创新基地')).toBe('统战实践创新基地');
  });

  it('leaves a province or city of China spelt in lower case as it is, whatever word of the knowledge it spells', () => {
    expect(words.read('beijing的统战部')).toBe('beijing的统战部');
    expect(words.read('湖北yichang建了多少基地')).toBe('湖北yichang建了多少基地');
  });

  it('leaves words, places it does not write, English, abbreviations and readings two names share as they are', () => {
    expect(words.read('Zhongyang统战部')).toBe('Zhongyang统战部');
    expect(words.read('Beijing的统战部')).toBe('Beijing的统战部');
    expect(words.read('德阳的GDP是多少')).toBe('德阳的GDP是多少');
    expect(words.read('德阳gdp多少')).toBe('德阳gdp多少');
    expect(words.read('yes德阳的基地')).toBe('yes德阳的基地');
    expect(words.read('大合唱dddd')).toBe('大合唱dddd');
    expect(words.read('taizhou也建了基地吗')).toBe('taizhou也建了基地吗');
    expect(words.read('tz的基地')).toBe('tz的基地');
  });
});
