import { PinyinWords } from './pinyin-words';

const counts = new Map(Object.entries({ 统战部: 8, 民主党派: 24, 各党派: 6, 单打独斗: 1, 背景: 9, 中央: 5 }));
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
