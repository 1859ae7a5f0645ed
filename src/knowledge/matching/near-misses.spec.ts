import { knownNearMisses, markNearMisses, pairsOf, type Worded } from './near-misses';

/** A text typed in one run, or in the runs given. */
const worded = (...words: string[]): Worded => ({ whole: words.join(''), words });

describe('known near misses', () => {
  const entryTexts = ['罗江区给实践基地出了多少经费', '罗江区出资30万元建设实践基地'];

  it('keeps as signature only the pairs the entry never writes', () => {
    const [miss] = knownNearMisses([worded('旌阳区给实践基地出了多少经费')], entryTexts);
    expect([...miss.signature].sort()).toEqual(['旌阳', '阳区'].sort());
  });

  it('marks a question as a near miss only when it shares what sets the near miss apart', () => {
    const notAnswers = knownNearMisses([worded('旌阳区给实践基地出了多少经费')], entryTexts);
    const candidate = (): { entry: { answers: Array<Set<string>>; notAnswers: typeof notAnswers }; nearMiss?: boolean } => ({
      entry: { answers: [pairsOf('德阳市罗江区对实践创新基地的资金支持')], notAnswers },
    });
    const near = candidate();
    markNearMisses([near], () => worded('旌阳区给实践基地出了多少经费啊'));
    expect(near.nearMiss).toBe(true);
    const other = candidate();
    markNearMisses([other], () => worded('罗江区给实践基地出了多少经费啊'));
    expect(other.nearMiss).toBeUndefined();
  });

  it('takes no pair across a pause for what sets a near miss apart', () => {
    const book = ['泸州市统战工作标准化体系有多少字', '泸州形成了45万字的工具书泸州市统战工作标准化体系'];
    const [miss] = knownNearMisses([worded('泸州标准化体系', '工具书', '多少页')], book);
    expect([...miss.signature].sort()).toEqual(['少页', '州标'].sort());
    const candidate = { entry: { answers: [pairsOf(book[0])], notAnswers: [miss] } } as { entry: { answers: Array<Set<string>>; notAnswers: typeof miss[] }; nearMiss?: boolean };
    // Typed the same way, it asks for the words the entry gives (多少字), not the pages.
    markNearMisses([candidate], () => worded('泸州', '标准化体系', '工具书', '多少字'));
    expect(candidate.nearMiss).toBeUndefined();
    markNearMisses([candidate], () => worded('泸州', '标准化体系', '工具书', '多少页'));
    expect(candidate.nearMiss).toBe(true);
  });
});
