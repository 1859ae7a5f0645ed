import { PinyinWords } from './pinyin-words';

function wordsOf(counts: Record<string, number>): PinyinWords {
  const words = new PinyinWords();
  for (const [word, count] of Object.entries(counts)) for (let k = 0; k < count; k++) words.add(word);
  return words;
}

describe('PinyinWords', () => {
  const words = wordsOf({ 襄阳: 40, 新乡: 20, 心想: 1, 统战部: 8, 民主党派: 24, 成都: 10, 程度: 6, 统战: 30 });

  it('reads a word spelt in full pinyin, or by its initials, as the knowledge writes it', () => {
    expect(words.read('xiangyang各领域的基地')).toBe('襄阳各领域的基地');
    expect(words.read('xinxiang的条例测试')).toBe('新乡的条例测试');
    expect(words.read('德阳tzb给每个mzdp争取的经费')).toBe('德阳统战部给每个民主党派争取的经费');
  });

  it('leaves English, short initials and pinyin two words share alike as they are', () => {
    expect(words.read('今天kpi压力好大followup')).toBe('今天kpi压力好大followup');
    expect(words.read('tz的基地')).toBe('tz的基地');
    expect(words.read('chengdu的会')).toBe('chengdu的会');
  });
});
