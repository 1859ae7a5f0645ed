import { englishInChinese } from './english';

describe('englishInChinese', () => {
  it('reads the English words members mix in for what the knowledge reports', () => {
    expect(englishInChinese('新拿到省级基地称号的，每个基地award是多少？')).toBe('新拿到省级基地称号的，每个基地奖励是多少？');
    expect(englishInChinese('Xiangyang各领域的基地，目前total建成了多少个？')).toBe('Xiangyang各领域的基地，目前总共建成了多少个？');
    expect(englishInChinese('评上国家级的Base，一个能给多少钱')).toBe('评上国家级的基地，一个能给多少钱');
    expect(englishInChinese('马奶奶工作室的address')).toBe('马奶奶工作室的地点');
  });

  it('leaves other English, words within words, and English alone as they are', () => {
    expect(englishInChinese('今天KPI压力好大，我负责follow up')).toBe('今天KPI压力好大，我负责follow up');
    expect(englishInChinese('database里有几个基地')).toBe('database里有几个基地');
    expect(englishInChinese('What is the award?')).toBe('What is the award?');
  });
});
