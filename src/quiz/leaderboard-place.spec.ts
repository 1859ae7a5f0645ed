import { placeInHistogram } from './leaderboard.service';

describe('placeInHistogram', () => {
  const histogram = { counts: [{ score: 100, n: 1 }, { score: 80, n: 3 }], total: 4, asOf: Date.parse('2026-12-01T08:00:00Z') };

  it('places a score after those strictly better, among all counted results', () => {
    expect(placeInHistogram(histogram, 80)).toEqual({ rank: 2, of: 4 });
    expect(placeInHistogram(histogram, 100)).toEqual({ rank: 1, of: 4 });
    expect(placeInHistogram(histogram, 50)).toEqual({ rank: 5, of: 5 });
  });

  it('counts a first result stored after the histogram was read, so a tie reads 第1/2名', () => {
    const tie = { counts: [{ score: 100, n: 1 }], total: 1, asOf: Date.parse('2026-12-01T08:00:00Z') };
    expect(placeInHistogram(tie, 100, new Date('2026-12-01T08:00:01Z'))).toEqual({ rank: 1, of: 2 });
    // Stored before the histogram was read: already among its counts.
    expect(placeInHistogram(tie, 100, new Date('2026-12-01T07:59:59Z'))).toEqual({ rank: 1, of: 1 });
  });
});
