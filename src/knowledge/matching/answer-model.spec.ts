import { ANSWER_FEATURES, ANSWER_MODEL, answerFeatures, answerLikelihood, type AnswerModel } from './answer-model';
import { decide, DEFAULT_THRESHOLDS } from './decide';
import { KnowledgeIndex, type MatchCandidate } from './knowledge-index';
import { normaliseQuestion } from './normalise';

const SHORT = '襄阳网络怎么延伸';
const LONG = '我们县想学襄阳的做法，把统战网络一直延伸到村里，听说他们有个十六个字的说法，开头是主体在县，完整的是怎么说的';

function candidates(scores: number[], flags: Partial<MatchCandidate> = {}): MatchCandidate[] {
  return scores.map((score, i) => ({ id: `e${i}`, question: `问题${i}`, score, ...(i === 0 ? flags : {}) }));
}

/** An index that returns fixed candidates, to look at the decision alone. */
function indexReturning(matches: MatchCandidate[], options: { ownThreshold?: number; correcting?: MatchCandidate } = {}): KnowledgeIndex {
  return {
    match: () => matches,
    thresholdOf: (id: string) => (id === 'e0' ? options.ownThreshold : undefined),
    namesEach: () => false,
    contradicting: () => options.correcting,
    normalise: normaliseQuestion,
  } as unknown as KnowledgeIndex;
}

/** A model weighing only the best entry's confidence: likely from 0.5 on. */
const BY_BEST: AnswerModel = {
  means: ANSWER_FEATURES.map(() => 0),
  scales: ANSWER_FEATURES.map(() => 1),
  weights: ANSWER_FEATURES.map((name) => (name === 'best' ? 20 : name === 'bias' ? -10 : 0)),
  threshold: 0.5,
  trainedAt: DEFAULT_THRESHOLDS,
};

describe('answerFeatures', () => {
  it('reads the best few matches, the length of the question and whether the rules answered, in the order of ANSWER_FEATURES', () => {
    const evidence = { querySide: 0.6, entrySide: 0.9, fuzzy: 0.7, agreement: 0.8, facts: 1 };
    const features = answerFeatures(LONG, candidates([0.8, 0.5, 0.2], { lacksAsked: true, evidence }), true);
    const named = Object.fromEntries(ANSWER_FEATURES.map((name, i) => [name, features[i]]));
    expect(features).toHaveLength(ANSWER_FEATURES.length);
    expect(named).toMatchObject({ bias: 1, best: 0.8, second: 0.5, third: 0.2, bestLacksAsked: 1, long: 1, rulesAnswer: 1 });
    expect(named.lead).toBeCloseTo(0.3);
    expect(named.leadIfLong).toBeCloseTo(0.3);
    expect(named.bestIfRulesAnswer).toBeCloseTo(0.8);
    expect(named.length).toBeCloseTo(Array.from(LONG).length / 100);
    expect(named).toMatchObject({ bestQuerySide: 0.6, bestEntrySide: 0.9, bestFuzzy: 0.7, bestAgreement: 0.8, bestFacts: 1, secondAgreement: 0, querySideIfLong: 0.6 });
    const short = Object.fromEntries(ANSWER_FEATURES.map((name, i) => [name, answerFeatures(SHORT, candidates([0.6]), false)[i]]));
    expect(short).toMatchObject({ second: 0, third: 0, long: 0, leadIfLong: 0, rulesAnswer: 0, bestIfRulesAnswer: 0, secondAgreement: 1 });
  });
});

describe('answerLikelihood', () => {
  it('weighs the standardised features and reads the sum as a likelihood', () => {
    const model: AnswerModel = { ...BY_BEST, means: BY_BEST.means.map((_, i) => (i === 1 ? 0.5 : 0)), scales: BY_BEST.scales.map((_, i) => (i === 1 ? 0.1 : 1)) };
    const features = answerFeatures(SHORT, candidates([0.6]), false);
    // (0.6 - 0.5) / 0.1 = 1 standardised, times 20, less 10.
    expect(answerLikelihood(features, model)).toBeCloseTo(1 / (1 + Math.exp(-10)));
  });

  it('has a weight, mean and spread for every feature in the trained model', () => {
    for (const column of [ANSWER_MODEL.weights, ANSWER_MODEL.means, ANSWER_MODEL.scales]) expect(column).toHaveLength(ANSWER_FEATURES.length);
    expect(ANSWER_MODEL.scales.every((scale) => scale > 0)).toBe(true);
  });

  it('finds a best entry far ahead of the others likelier right than one barely above the suggestions', () => {
    const explained = { querySide: 0.95, entrySide: 0.95, fuzzy: 0.9, agreement: 1, facts: 1 };
    const clear = answerLikelihood(answerFeatures(SHORT, candidates([0.95, 0.3], { evidence: explained }), true));
    const partly = { querySide: 0.45, entrySide: 0.5, fuzzy: 0.3, agreement: 0.8, facts: 1 };
    const faint = answerLikelihood(answerFeatures(SHORT, candidates([0.37, 0.36], { evidence: partly }), false));
    expect(clear).toBeGreaterThan(ANSWER_MODEL.threshold);
    expect(faint).toBeLessThan(ANSWER_MODEL.threshold);
  });
});

describe('decide, weighed by the answer model', () => {
  it('answers a suggestion of the best entry the model finds likely right', () => {
    // 0.6 leads 0.58 by less than the ambiguity margin: the rules suggest both.
    const tied = indexReturning(candidates([0.6, 0.58]));
    expect(decide(tied, SHORT, DEFAULT_THRESHOLDS, null).kind).toBe('suggest');
    expect(decide(tied, SHORT, DEFAULT_THRESHOLDS, BY_BEST)).toMatchObject({ kind: 'answer', entryId: 'e0', suggestions: [{ id: 'e1' }] });
  });

  it('offers an answer the model finds unlikely as a suggestion, that entry first', () => {
    const unlikely: AnswerModel = { ...BY_BEST, weights: BY_BEST.weights.map((w, i) => (i === 0 ? -30 : w)) };
    const index = indexReturning(candidates([0.7, 0.4, 0.1]));
    expect(decide(index, SHORT, DEFAULT_THRESHOLDS, null).kind).toBe('answer');
    const decision = decide(index, SHORT, DEFAULT_THRESHOLDS, unlikely);
    expect(decision.kind).toBe('suggest');
    expect(decision.suggestions.map((s) => s.id)).toEqual(['e0', 'e1']);
  });

  it('never answers a near miss, an entry correcting the member, or an entry with a threshold of its own', () => {
    expect(decide(indexReturning(candidates([0.6, 0.58], { nearMiss: true })), SHORT, DEFAULT_THRESHOLDS, BY_BEST).kind).toBe('suggest');
    const correcting = { id: 'right-figure', question: '问题', score: 0.6 };
    const corrected = decide(indexReturning(candidates([0.7, 0.2]), { correcting }), SHORT, DEFAULT_THRESHOLDS, BY_BEST);
    expect(corrected.kind).toBe('suggest');
    expect(corrected.suggestions.map((s) => s.id)).toEqual(['right-figure', 'e0']);
    expect(decide(indexReturning(candidates([0.6, 0.58]), { ownThreshold: 0.9 }), SHORT, DEFAULT_THRESHOLDS, BY_BEST).kind).toBe('suggest');
  });

  it('answers in a knowledge base of a few entries, where the best has no runner-up to disagree', () => {
    const few = new KnowledgeIndex([
      { id: 'brand', question: '玉门打造的民主党派宣传品牌叫什么？', similar: ['玉门宣传品牌'], answer: '玉门市创新打造了“同心讲吧”宣传品牌。', tags: ['玉门'], asked: ['玉门那个名字像小酒吧的品牌叫啥'] },
      { id: 'bases', question: '襄阳建立了多少个统战实践创新基地？', similar: ['襄阳基地数量'], answer: '襄阳建立各领域统战实践创新基地165个。', tags: ['襄阳'] },
    ]);
    const question = '玉门那个名字像小酒吧的牌子叫啥';
    expect(few.match(question, 4)).toHaveLength(1);
    expect(decide(few, question, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', entryId: 'brand' });
  });

  it('leaves the rules alone at thresholds other than those it was learnt at', () => {
    const tied = indexReturning(candidates([0.6, 0.58]));
    expect(decide(tied, SHORT, { answer: 0.5, suggest: 0.35 }, BY_BEST).kind).toBe('suggest');
  });
});
