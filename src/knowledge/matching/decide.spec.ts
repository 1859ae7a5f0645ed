import { decide, DEFAULT_THRESHOLDS } from './decide';
import type { KnowledgeIndex, MatchCandidate } from './knowledge-index';
import { normaliseQuestion } from './normalise';

/** An index that returns fixed candidates, to look at the decision alone. */
function indexReturning(scores: number[], ownThreshold?: number, namesEach = false, lacksAsked = false): KnowledgeIndex {
  const matches: MatchCandidate[] = scores.map((score, i) => ({ id: `e${i}`, question: `问题${i}`, score, ...(lacksAsked ? { lacksAsked } : {}) }));
  return {
    match: () => matches,
    thresholdOf: (id: string) => (id === 'e0' ? ownThreshold : undefined),
    namesEach: () => namesEach,
    contradicting: () => undefined,
    normalise: normaliseQuestion,
  } as unknown as KnowledgeIndex;
}

const SHORT = '襄阳网络怎么延伸';
const LONG = '我们县想学襄阳的做法，把统战网络一直延伸到村里，听说他们有个十六个字的说法，开头是主体在县，完整的是怎么说的';

// The rules alone: the answer model weighing their decisions is answer-model.spec.ts's.
describe('decide', () => {
  it('answers above the threshold and suggests below it', () => {
    expect(decide(indexReturning([0.7, 0.3]), SHORT, DEFAULT_THRESHOLDS, null).kind).toBe('answer');
    expect(decide(indexReturning([0.5, 0.3]), SHORT, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(indexReturning([0.2]), SHORT, DEFAULT_THRESHOLDS, null).kind).toBe('none');
  });

  it("answers a message's first question alone when the whole is not answered and that question stands well clear", () => {
    const twoQuestions = '德阳新评上的市级基地一个给多少奖励啊？要是评上国家级的又给多少';
    // The whole message scores low (its levels are of two facts); its first question alone high.
    const byText = (first: number[], whole: number[]) => {
      const index = indexReturning(whole);
      const firstMatches = indexReturning(first).match('');
      return { ...index, match: (text: string) => (text.includes('国家级') ? index.match(text) : firstMatches) } as unknown as KnowledgeIndex;
    };
    expect(decide(byText([0.9, 0.4], [0.3, 0.2]), twoQuestions, DEFAULT_THRESHOLDS, null)).toMatchObject({ kind: 'answer', entryId: 'e0' });
    // Not when the first question is not clear of another entry, nor when the message asks once.
    expect(decide(byText([0.75, 0.7], [0.3, 0.2]), twoQuestions, DEFAULT_THRESHOLDS, null).kind).toBe('none');
    expect(decide(byText([0.9, 0.4], [0.3, 0.2]), '德阳新评上的市级基地一个给多少奖励啊？国家级也有。', DEFAULT_THRESHOLDS, null).kind).toBe('none');
  });

  it('offers both when two entries are about as likely', () => {
    expect(decide(indexReturning([0.8, 0.79]), SHORT, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
  });

  it('answers both of two entries the question names, when both reach the threshold', () => {
    expect(decide(indexReturning([0.8, 0.79, 0.4], undefined, true), SHORT, DEFAULT_THRESHOLDS, null)).toMatchObject({
      kind: 'answer',
      entryId: 'e0',
      also: ['e1'],
      suggestions: [{ id: 'e2' }],
    });
    expect(decide(indexReturning([0.8, 0.5], undefined, true), SHORT, DEFAULT_THRESHOLDS, null)).toMatchObject({ kind: 'answer', entryId: 'e0' });
    expect(decide(indexReturning([0.8, 0.5], undefined, true), SHORT, DEFAULT_THRESHOLDS, null)).not.toHaveProperty('also');
    expect(decide(indexReturning([0.8, 0.79], 0.9, true), SHORT, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
  });

  it('answers a long question below the threshold only when its best entry stands well clear', () => {
    expect(decide(indexReturning([0.48, 0.3]), LONG, DEFAULT_THRESHOLDS, null)).toMatchObject({ kind: 'answer', entryId: 'e0' });
    expect(decide(indexReturning([0.48, 0.42]), LONG, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(indexReturning([0.38, 0.1]), LONG, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(indexReturning([0.48, 0.3]), SHORT, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
  });

  it('does not answer a long question below the threshold when its best entry lacks what it asks for', () => {
    expect(decide(indexReturning([0.44, 0.3], undefined, false, true), LONG, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(indexReturning([0.7, 0.3], undefined, false, true), LONG, DEFAULT_THRESHOLDS, null).kind).toBe('answer');
  });

  it('answers a question built on a figure its best entry corrects below the threshold when that entry leads well', () => {
    const premised = '德阳国家级基地每个奖10万，评上三个能拿多少';
    const correcting = (scores: number[]) => {
      const index = indexReturning(scores);
      const matches = index.match(premised);
      return { ...index, match: () => matches.map((m, i) => (i === 0 ? { ...m, corrects: true } : m)) } as unknown as KnowledgeIndex;
    };
    expect(decide(correcting([0.41, 0.2]), premised, DEFAULT_THRESHOLDS, null)).toMatchObject({ kind: 'answer', entryId: 'e0' });
    expect(decide(indexReturning([0.41, 0.2]), premised, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(correcting([0.41, 0.35]), premised, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(correcting([0.33, 0.1]), premised, DEFAULT_THRESHOLDS, null).kind).toBe('none');
  });

  it('only suggests a correcting entry that lacks the kind of fact asked, whatever the other candidates give', () => {
    const premised = '襄阳行培训全国有50个地市参加，主办单位是谁？';
    const candidates = (othersLack: boolean, bestLacks = true) =>
      ({
        ...indexReturning([]),
        match: () => [
          { id: 'attendance', question: '襄阳培训有多少个地市参加？', score: 0.42, corrects: true, ...(bestLacks ? { lacksAsked: true } : {}) },
          { id: 'organisers', question: '襄阳培训由谁主办？', score: 0.08, ...(othersLack ? { lacksAsked: true } : {}) },
        ],
      }) as unknown as KnowledgeIndex;
    expect(decide(candidates(false), premised, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(candidates(true), premised, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(candidates(true, false), premised, DEFAULT_THRESHOLDS, null)).toMatchObject({ kind: 'answer', entryId: 'attendance' });
  });

  it('answers a question asking for a name below the threshold when its best entry leads well', () => {
    const named = '玉门新打的宣传品牌，名字像个大家围坐一起聊天的“吧”，叫什么？';
    expect(decide(indexReturning([0.5, 0.3]), named, DEFAULT_THRESHOLDS, null)).toMatchObject({ kind: 'answer', entryId: 'e0' });
    expect(decide(indexReturning([0.5, 0.4]), named, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(indexReturning([0.42, 0.1]), named, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(indexReturning([0.5, 0.3]), '葵巷社区的“一茶一坐”品牌为什么起这个名字？', DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(indexReturning([0.5, 0.1], 0.8), named, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
  });

  it('keeps an entry\'s own threshold for long questions too', () => {
    expect(decide(indexReturning([0.48, 0.1], 0.8), LONG, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
  });
});
