import { decide, DEFAULT_THRESHOLDS, type IndexableEntry, KnowledgeIndex } from '.';
import { answeredIds } from './decide';
import { offeredFigures, optionReadings } from './alternatives';

const entries: IndexableEntry[] = [
  {
    id: 'training-organisers',
    question: '襄阳行培训活动由哪些单位主办和协办？',
    similar: ['襄阳行培训是谁主办的', '襄阳培训的协办单位是哪个', '团结报社办的那个培训还有谁一起办'],
    answer: '培训活动由团结报社和中共襄阳市委统战部主办，民革襄阳市委会协办。',
    tags: ['培训活动', '主办单位'],
  },
  {
    id: 'training-date-place',
    question: '基层统战工作实践创新襄阳行培训活动是什么时间、在哪里举办的？',
    similar: ['襄阳行培训是几号办的', '襄阳那个统战培训在哪开的，啥时候', '实践创新襄阳行培训时间地点'],
    answer: '培训活动于11月8日至9日在湖北襄阳举办。',
    tags: ['培训活动', '时间地点'],
  },
  {
    id: 'deyang-quarterly-onsite-meetings',
    question: '德阳多久召开一次民主党派基地建设现场推进会？',
    similar: ['德阳基地现场推进会多长时间开一次', '德阳党派基地建设推进会是每季度开吗'],
    answer: '德阳每季度召开现场推进会，互学互鉴，形成比学赶超、竞相发展的良好局面，让基地真正实起来、活起来。',
    tags: ['德阳', '机制建设'],
  },
  {
    id: 'deyang-practice-base-annual-naming',
    question: '德阳实践创新基地评选命名授牌工作多久开展一次？',
    similar: ['德阳实践创新基地多久评一次', '德阳实践创新基地每年都评选授牌吗'],
    answer: '德阳每年按照程序开展实践创新基地评选命名授牌工作，并对新创建的市级、省级、国家级实践创新基地给予奖励。',
    tags: ['德阳', '经费保障', '实践创新基地'],
  },
  {
    id: 'xiaoying-qiaoshou-studio',
    question: '小营“巧手工作室”是谁的、做什么？',
    similar: ['鲁立清巧手工作室干啥的', '小营侨眷的工作室', '巧手工作室民间艺术'],
    answer: '“巧手工作室”是侨眷鲁立清的工作室，从事民间艺术传播，是小营打造的统战特色品牌之一。',
    tags: ['杭州', '小营街道', '特色品牌'],
  },
  {
    id: 'yumen-member-total',
    question: '玉门市共有多少名民主党派成员？',
    similar: ['玉门民主党派成员总数', '玉门全市民主党派有多少人'],
    answer: '玉门全市共有126名民主党派成员。',
    tags: ['玉门', '民主党派成员'],
  },
];

const index = new KnowledgeIndex(entries);
const ask = (question: string) => decide(index, question, DEFAULT_THRESHOLDS);

describe('optionReadings', () => {
  it('reads a question once for each option of its choice, with what sets the option apart', () => {
    expect(optionReadings('襄阳培训是民革襄阳市委会还是民盟襄阳市委会协办的？')).toEqual([
      { text: '襄阳培训是民革襄阳市委会？', distinct: '革襄阳市委会' },
      { text: '襄阳培训是民盟襄阳市委会协办的？', distinct: '盟襄阳市委会协办的' },
    ]);
    expect(optionReadings('第四个到底叫“加强力量整合”还是“加强力量统筹”？选择题就差这两个字')).toEqual([
      { text: '第四个到底叫“加强力量整合”？选择题就差这两个字', distinct: '整合”' },
      { text: '第四个到底叫“加强力量统筹”？选择题就差这两个字', distinct: '统筹”' },
    ]);
    expect(optionReadings('襄陽行培訓是民革還是民盟協辦的？')).toHaveLength(2);
  });

  it('reads what follows the second option from its 的 as following the first too', () => {
    expect(optionReadings('农工党陈列馆是根据中江县还是罗江县的革命史料建的')).toEqual([
      { text: '农工党陈列馆是根据中江县的革命史料建的', distinct: '中江县' },
      { text: '农工党陈列馆是罗江县的革命史料建的', distinct: '罗江县' },
    ]);
    expect(optionReadings('潮扇那个是民盟还是民进的')).toEqual([
      { text: '潮扇那个是民盟的', distinct: '盟' },
      { text: '潮扇那个是民进的', distinct: '进' },
    ]);
  });

  it('reads a choice offered across a pause, the first option being the clause before', () => {
    expect(optionReadings('襄阳培训的主办方，是团结报社主办的，还是人民政协报主办的？')).toEqual([
      { text: '襄阳培训的主办方，是团结报社主办的？', distinct: '团结报社主办的' },
      { text: '襄阳培训的主办方，是人民政协报主办的？', distinct: '人民政协报主办的' },
    ]);
  });

  it('reads figures offered as options, with the values that tell them apart', () => {
    expect(offeredFigures('德阳市级基地每家奖一万还是两万？')).toEqual({ written: '一万还是两万', values: [10000, 20000] });
    expect(offeredFigures('西部片会是5月17号还是5月27号')).toEqual({ written: '5月17号还是5月27号', values: [17, 27] });
    expect(offeredFigures('襄阳培训是民革还是民盟协办的')).toBeUndefined();
    expect(offeredFigures('德阳2024年的项目经费还是20万吗')).toBeUndefined();
  });

  it('reads a guess left open after the question as the question alone, and one that is the question as the guess', () => {
    expect(optionReadings('推进会多久开一回啊？月月开还是咋的')).toEqual([{ text: '推进会多久开一回啊？', distinct: '' }]);
    expect(optionReadings('襄阳培训是团结报社办的还是咋的')).toEqual([{ text: '襄阳培训是团结报社办的', distinct: '团结报社办的' }]);
    expect(optionReadings('一年一次还是啥')).toEqual([{ text: '一年一次', distinct: '一年一次' }]);
  });

  it('reads no options in a comparison, in 还是 as "still", or without a choice', () => {
    expect(optionReadings('玉门民主党派成员比酒泉其他县市多还是少？')).toEqual([]);
    expect(optionReadings('德阳2024年每个党派的项目经费还是20万吗？')).toEqual([]);
    expect(optionReadings('新乡知识测试今年还是在微信上搞？')).toEqual([]);
    expect(optionReadings('德阳2024年每个党派的项目经费还是20万？')).toEqual([]);
    expect(optionReadings('德阳还是玉门有126名民主党派成员？')).toHaveLength(2);
    expect(optionReadings('襄阳行明年还是在襄阳办？')).toEqual([]);
    expect(optionReadings('还是想问一下')).toEqual([]);
    expect(optionReadings('襄阳培训是谁协办的？')).toEqual([]);
  });
});

describe('deciding a question that offers a choice', () => {
  it('answers with the entry writing one of the options', () => {
    expect(answeredIds(ask('襄阳培训活动是谁协办的？是民革襄阳市委会还是民盟襄阳市委会？'))).toEqual(['training-organisers']);
    expect(answeredIds(ask('德阳那个基地现场推进会多久开一回啊？月月开还是咋的'))).toEqual(['deyang-quarterly-onsite-meetings']);
  });

  it('answers a choice of figures with the entry giving one of their kind, whichever is right', () => {
    expect(answeredIds(ask('玉门民主党派成员是126名还是200名？'))).toEqual(['yumen-member-total']);
    expect(answeredIds(ask('襄阳培训是11月几号办的，8号9号还是10号11号？'))).toEqual(['training-date-place']);
    expect(answeredIds(ask('襄阳培训由谁主办，是团结报社和襄阳市委统战部，还是人民政协报和湖北省委统战部？'))).toEqual(['training-organisers']);
  });

  it('answers none when the knowledge writes neither option', () => {
    expect(ask('襄阳培训活动是谁协办的？是民盟襄阳市委会还是民进襄阳市委会？').kind).not.toBe('answer');
    expect(ask('鲁立清巧手工作室具体教的是哪门手艺，剪纸还是刺绣？').kind).not.toBe('answer');
  });

  it('does not read a comparison as a choice, nor answer an option the entry does not write', () => {
    expect(ask('玉门126名民主党派成员，比酒泉其他县市多还是少？').kind).not.toBe('answer');
    expect(ask('玉门民主党派成员今年是增加了还是减少了？').kind).not.toBe('answer');
  });
});
