import { type IndexableEntry, KnowledgeIndex } from '.';

const entries: IndexableEntry[] = [
  {
    id: 'deyang-national-award',
    question: '德阳对新创建的国家级实践创新基地每个奖励多少钱?',
    similar: ['德阳评上国家级实践创新基地奖多少'],
    answer: '德阳对新创建的国家级实践创新基地,每个基地奖励6万元。',
    tags: ['德阳', '实践创新基地'],
  },
  {
    id: 'yumen-member-total',
    question: '玉门市共有多少名民主党派成员?',
    similar: ['玉门民主党派成员总数'],
    answer: '玉门市共有民主党派成员126名。',
    tags: ['玉门', '民主党派成员'],
  },
  {
    id: 'yumen-professional-titles',
    question: '玉门市培养使用了多少名具有高级职称和中级职称的民主党派成员?',
    similar: ['玉门民主党派高级职称几个人'],
    answer: '玉门市培养使用具有高级职称的民主党派成员18名、中级职称的35名。',
    tags: ['玉门', '民主党派成员'],
  },
  {
    id: 'xinxiang-quiz-participation',
    question: '新乡“学统战条例·庆建党百年”知识测试有多少人次参与?',
    similar: ['新乡条例知识测试参与人次'],
    answer: '新乡依托微信平台开展“学统战条例·庆建党百年”知识测试，吸引7万余人次参与。',
    tags: ['新乡', '知识测试'],
  },
  {
    id: 'innovation-cities',
    question: '深圳会议后实践创新城市增加到了多少个?',
    similar: ['实践创新城市从多少个增加到多少个'],
    answer: '深圳会议后，实践创新城市由15个增加到49个。',
    tags: ['深圳会议', '实践创新城市'],
  },
  {
    id: 'chongqing-chengdu-new-stratum',
    question: '重庆和成都各有多少新的社会阶层人士?',
    similar: ['重庆成都新阶层人士多少'],
    answer: '重庆市有新的社会阶层人士140万，成都市有130万。',
    tags: ['重庆', '成都', '新的社会阶层'],
  },
];

const index = new KnowledgeIndex(entries);
const corrected = (question: string, id: string) => index.figuresCorrectedBy(question, id);

describe('figures an answer gives otherwise than the member asks to have checked', () => {
  it('names a figure the member asks to have checked that the answer gives otherwise', () => {
    expect(corrected('玉门民主党派成员有两百六十多人，是不是啊？', 'yumen-member-total')).toEqual(['两百六十多人']);
    expect(corrected('新乡知识测试参与的有70万人次，请核实。', 'xinxiang-quiz-participation')).toEqual(['70万人次']);
    expect(corrected('德阳国家级基地每个奖励10万元对吧？', 'deyang-national-award')).toEqual(['10万元']);
  });

  it('names none the answer agrees with, an estimate near it, or none at all', () => {
    expect(corrected('德阳国家级基地每个奖励6万元对吧？', 'deyang-national-award')).toEqual([]);
    expect(corrected('玉门一百多名民主党派成员，是不是啊？', 'yumen-member-total')).toEqual([]);
    expect(corrected('玉门有多少民主党派成员？', 'yumen-member-total')).toEqual([]);
  });

  it('names no figure the member states as known without asking to check it: it may be of another thing', () => {
    expect(corrected('玉门常住人口15万人，民主党派成员有多少名？', 'yumen-member-total')).toEqual([]);
    expect(corrected('新乡知识测试吸引了70万人次参与，这个活动叫什么名字？', 'xinxiang-quiz-participation')).toEqual([]);
  });

  it('names no figure another entry gives: the member knows another fact', () => {
    expect(corrected('玉门民主党派成员里，中级职称的是126名吧？', 'yumen-professional-titles')).toEqual([]);
  });

  it('names no bound or guess (上百万, 超过100万, 将近150万, 3000人左右)', () => {
    expect(corrected('重庆跟成都的新阶层人士各有多少啊，听说都上百万了吧？', 'chongqing-chengdu-new-stratum')).toEqual([]);
    expect(corrected('重庆新阶层人士超过100万了吧？', 'chongqing-chengdu-new-stratum')).toEqual([]);
    expect(corrected('重庆新阶层人士将近150万吧？', 'chongqing-chengdu-new-stratum')).toEqual([]);
    expect(corrected('重庆新阶层人士150万左右吧？', 'chongqing-chengdu-new-stratum')).toEqual([]);
  });

  it('names none of the member\'s own arithmetic on the answer\'s figures', () => {
    expect(corrected('德阳国家级基地每个奖励6万元，评上两个就是12万元吧？', 'deyang-national-award')).toEqual([]);
    expect(corrected('实践创新城市从15个增加到49个，一共增加了34个吧？', 'innovation-cities')).toEqual([]);
    expect(corrected('重庆140万新阶层人士，平均每个区县3万人吧？', 'chongqing-chengdu-new-stratum')).toEqual([]);
  });
});
