import { decide, DEFAULT_THRESHOLDS, KnowledgeIndex } from '.';
import { eachOfCountAsked, givesCountOnly } from './each-asked';

describe('eachOfCountAsked', () => {
  it('reads a question asking for each one of a whole the member counts', () => {
    expect(eachOfCountAsked('哈尔滨出台的那20多个法规文件具体叫啥名字')).toEqual({ count: 20, measure: '个' });
    expect(eachOfCountAsked('玉门那18件督办提案都是些什么题目？')).toEqual({ count: 18, measure: '件' });
    expect(eachOfCountAsked('被聘为监督员的那5名民主党派成员分别叫什么名字？')).toEqual({ count: 5, measure: '名' });
  });

  it('leaves a few parts named in the question, and questions asking something else of the whole', () => {
    for (const text of ['三个带头具体是哪三个', '小营那三大类十个子项目服务了几多居民？', '泸州命名了多少个基地', '那16场学习一共多少人参加']) {
      expect(eachOfCountAsked(text)).toBeUndefined();
    }
  });
});

describe('givesCountOnly', () => {
  const asked = { count: 20, measure: '个' };
  it('holds for an answer giving the count without naming as many parts', () => {
    expect(givesCountOnly('哈尔滨统战工作领导小组围绕大统战格局出台法规文件20余个。', asked)).toBe(true);
  });

  it('does not hold for an answer listing the parts, nor for one giving another count', () => {
    const listed = Array.from({ length: 20 }, (_, i) => `文件${i + 1}`).join('、');
    expect(givesCountOnly(`出台法规文件20个：${listed}。`, asked)).toBe(false);
    expect(givesCountOnly('出台法规文件12个。', asked)).toBe(false);
  });
});

describe('a question asking for each one of a counted whole', () => {
  it('is not answered by the entry that only gives the count', () => {
    const index = new KnowledgeIndex([
      {
        id: 'harbin-regulations-count',
        question: '哈尔滨统战工作领导小组出台了多少个法规文件？',
        // A wording members used for the count, as a collected question would give it.
        similar: ['哈尔滨统战法规文件有多少个', '哈尔滨出台的那20多个法规文件叫什么'],
        answer: '哈尔滨统战工作领导小组围绕大统战格局出台法规文件20余个。',
        tags: ['哈尔滨'],
      },
      { id: 'yumen-member-total', question: '玉门市共有多少名民主党派成员?', similar: [], answer: '玉门市共有民主党派成员126名。', tags: ['玉门'] },
    ]);
    expect(decide(index, '哈尔滨统战法规文件有多少个', DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', entryId: 'harbin-regulations-count' });
    expect(decide(index, '哈尔滨出台的那20多个法规文件具体叫啥名字', DEFAULT_THRESHOLDS).kind).not.toBe('answer');
  });
});
