import Fuse from 'fuse.js';
import { fuzzySimilarities, MAX_PATTERN, splitPattern } from './fuzzy';

const texts = ['德阳统战按照什么思路打造统战工作特色品牌', '德阳统战品牌是按什么思路搞的', '玉门民主党派成员总数', 'mfg创客联邦在哪'];

describe('fuzzySimilarities', () => {
  it('scores exactly as plain fuse.js does on the original text', () => {
    const options = { includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, isCaseSensitive: true, threshold: 0.7 };
    const fuse = new Fuse(texts, options);
    for (const query of ['德阳统战品牌按啥思路', '玉门党派成员有多少', 'mfg创客联盟', '德阳']) {
      const expected = texts.map(() => 0);
      for (const r of fuse.search(query)) expected[r.refIndex] = 1 - (r.score ?? 1);
      const actual = fuzzySimilarities(Array.from(query), texts.map((t) => [t]));
      actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 10));
    }
  });

  it('gives each candidate the similarity of its closest text', () => {
    const [both, other] = fuzzySimilarities(Array.from('玉门民主党派成员总数'), [texts.slice(0, 3), [texts[3]]]);
    expect(both).toBeCloseTo(1, 2);
    expect(other).toBeLessThan(0.5);
  });

  it('splits queries longer than a Bitap pattern', () => {
    const long = Array.from('德阳统战按照什么思路打造统战工作特色品牌'.repeat(3));
    expect(long.length).toBeGreaterThan(MAX_PATTERN);
    const pieces = splitPattern(long);
    expect(pieces.length).toBe(2);
    for (const piece of pieces) expect(Array.from(piece).length).toBeLessThanOrEqual(MAX_PATTERN);
    expect(fuzzySimilarities(long, [[texts[0]]])[0]).toBeGreaterThan(0.5);
  });
});
