import { HomophoneCorrector } from './spelling';

describe('HomophoneCorrector', () => {
  const corrector = new HomophoneCorrector(['哈尔滨统战部分享了经验', '与会代表现场观摩了示范点', '德阳民主党派基地']);

  it('reads a character of the same sound as the one the knowledge writes', () => {
    expect(corrector.correct('哈尔宾统战部是谁分享的')).toBe('哈尔滨统战部是谁分享的');
    expect(corrector.correct('代表现场关摩了哪些地方')).toBe('代表现场观摩了哪些地方');
  });

  it('leaves text alone that the knowledge writes or that is not one sound away', () => {
    expect(corrector.correct('哈尔滨统战部')).toBe('哈尔滨统战部');
    expect(corrector.correct('现场看了哪些')).toBe('现场看了哪些');
  });

  it('does not turn a dictionary word or a function word into another', () => {
    const knowledge = new HomophoneCorrector(['德养基地建设', '哪边每个党派']);
    expect(knowledge.correct('德阳基地建设')).toBe('德阳基地建设');
    expect(knowledge.correct('那边每个党派')).toBe('那边每个党派');
    expect(new HomophoneCorrector(['市委将要共建基地']).correct('市委讲要共建基地')).toBe('市委讲要共建基地');
    expect(new HomophoneCorrector(['给予奖励资金支持']).correct('给予讲励资金支持')).toBe('给予奖励资金支持');
  });

  it('does not turn two characters the knowledge writes in a row into another, though the dictionary lacks them', () => {
    const knowledge = new HomophoneCorrector(['在创新上搞得有声有色', '新乡用微信搞答题']);
    expect(knowledge.correct('在微信上搞得')).toBe('在微信上搞得');
    expect(new HomophoneCorrector(['在创新上搞得有声有色']).correct('在微信上搞得')).toBe('在微新上搞得');
    // A pair the knowledge writes elsewhere (央统 of 中央统战) is still a typo where the corrected pair is written more often.
    expect(new HomophoneCorrector(['中央统战部', '德阳统战部', '德阳统战工作']).correct('德央统战部')).toBe('德阳统战部');
  });

  it('tells whether two characters sound like a two-character word of the knowledge', () => {
    const knowledge = new HomophoneCorrector(['那个服务团叫什么名字', '2023年继续建设公益基地']);
    expect(knowledge.soundsKnown('名子')).toBe(true);
    expect(knowledge.soundsKnown('公意')).toBe(true);
    // 年继 is written in a row, but across two words: 年纪 is nothing the knowledge says.
    expect(knowledge.soundsKnown('年纪')).toBe(false);
    expect(knowledge.soundsKnown('奖品')).toBe(false);
  });
});
