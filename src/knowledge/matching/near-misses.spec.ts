import { knownNearMisses, markNearMisses, pairsOf } from './near-misses';

describe('known near misses', () => {
  const entryTexts = ['罗江区给实践基地出了多少经费', '罗江区出资30万元建设实践基地'];

  it('keeps as signature only the pairs the entry never writes', () => {
    const [miss] = knownNearMisses(['旌阳区给实践基地出了多少经费'], entryTexts);
    expect([...miss.signature].sort()).toEqual(['旌阳', '阳区'].sort());
  });

  it('marks a question as a near miss only when it shares what sets the near miss apart', () => {
    const notAnswers = knownNearMisses(['旌阳区给实践基地出了多少经费'], entryTexts);
    const candidate = (): { entry: { answers: Array<Set<string>>; notAnswers: typeof notAnswers }; nearMiss?: boolean } => ({
      entry: { answers: [pairsOf('德阳市罗江区对实践创新基地的资金支持')], notAnswers },
    });
    const near = candidate();
    markNearMisses([near], '旌阳区给实践基地出了多少经费啊');
    expect(near.nearMiss).toBe(true);
    const other = candidate();
    markNearMisses([other], '罗江区给实践基地出了多少经费啊');
    expect(other.nearMiss).toBeUndefined();
  });
});
