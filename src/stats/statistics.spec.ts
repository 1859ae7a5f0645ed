import { countedAttempt } from './counted-attempt';
import { questionStat, type Group } from './question-report';
import { pickedOptionBits } from '../quiz/engine';
import { pointBiserial, scoreBuckets, summarise, type PairSums } from './statistics';

function sumsOf(pairs: Array<[0 | 1, number]>): PairSums {
  const s = { n: 0, sx: 0, sy: 0, syy: 0, sxy: 0 };
  for (const [x, y] of pairs) {
    s.n++;
    s.sx += x;
    s.sy += y;
    s.syy += y * y;
    s.sxy += x * y;
  }
  return s;
}

describe('pointBiserial', () => {
  it('matches a hand computation', () => {
    // x = 1,1,0,0 ; y = 4,3,2,1: mean y 2.5, sd (population) sqrt(1.25); M1 = 3.5, M0 = 1.5, p = q = 0.5.
    // r = (M1 - M0) / sd * sqrt(pq) = 2 / 1.1180 * 0.5 = 0.894
    expect(pointBiserial(sumsOf([[1, 4], [1, 3], [0, 2], [0, 1]]))).toBe(0.894);
    expect(pointBiserial(sumsOf([[0, 4], [0, 3], [1, 2], [1, 1]]))).toBe(-0.894);
  });

  it('is undefined when everyone answered alike or scores do not vary', () => {
    expect(pointBiserial(sumsOf([[1, 4], [1, 3]]))).toBeNull();
    expect(pointBiserial(sumsOf([[1, 3], [0, 3]]))).toBeNull();
    expect(pointBiserial(sumsOf([[1, 3]]))).toBeNull();
  });
});

describe('scoreBuckets and summarise', () => {
  it('puts full marks in a bucket of its own with 10-point questions', () => {
    const buckets = scoreBuckets([{ score: 100, count: 2 }, { score: 90, count: 1 }, { score: 0, count: 3 }, { score: 45, count: 1 }], 100);
    expect(buckets).toHaveLength(11);
    expect(buckets[0]).toEqual({ from: 0, to: 9, count: 3 });
    expect(buckets[4]).toEqual({ from: 40, to: 49, count: 1 });
    expect(buckets[9]).toEqual({ from: 90, to: 99, count: 1 });
    expect(buckets[10]).toEqual({ from: 100, to: 100, count: 2 });
  });

  it('uses a round width for other full marks and one-point buckets for small ones', () => {
    expect(scoreBuckets([], 150).map((b) => `${b.from}-${b.to}`)).toEqual(['0-19', '20-39', '40-59', '60-79', '80-99', '100-119', '120-139', '140-150']);
    expect(scoreBuckets([{ score: 3, count: 1 }], 5)).toHaveLength(6);
    expect(scoreBuckets([], 0)).toEqual([{ from: 0, to: 0, count: 0 }]);
  });

  it('takes the median from the histogram', () => {
    expect(summarise([{ score: 10, count: 1 }, { score: 20, count: 1 }, { score: 90, count: 1 }])).toEqual({ n: 3, mean: 40, median: 20, max: 90 });
    expect(summarise([{ score: 30, count: 2 }, { score: 10, count: 2 }])).toEqual({ n: 4, mean: 20, median: 20, max: 30 });
    expect(summarise([{ score: 50, count: 3 }, { score: 100, count: 1 }]).median).toBe(50);
    expect(summarise([])).toEqual({ n: 0, mean: null, median: null, max: null });
  });
});

describe('countedAttempt', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
  const attempts = [
    { id: 1, score: 80, startedAt: at(0), finished: true },
    { id: 2, score: 60, startedAt: at(10), finished: true },
    { id: 3, score: 100, startedAt: at(20), finished: false },
  ];
  it('counts the best finished attempt under best and the latest finished under last', () => {
    expect(countedAttempt(attempts, 'best')!.id).toBe(1);
    expect(countedAttempt(attempts, 'last')!.id).toBe(2);
    expect(countedAttempt([attempts[2]], 'best')!.id).toBe(3);
    expect(countedAttempt([], 'best')).toBeUndefined();
  });
});

describe('questionStat', () => {
  const question = { id: 7, position: 1, stem: '题干', type: 'single', options: ['甲', '乙', '丙', '丁'], answer: ['B'] };
  const group = (picked: number, correct: boolean, n: number, sy: number, syy: number, extra: Partial<Group> = {}): Group => ({
    question_id: 7, correct, picked, timed_out: false, wrong_text: null, n, sy, syy, ...extra,
  });
  it('counts the picked options in their original order and finds the most chosen wrong option', () => {
    const stat = questionStat(question, [
      // shown order A=丁 B=乙 C=甲 D=丙: B picked 乙 (bit 1), A picked 丁 (bit 3)
      group(pickedOptionBits({ questionId: 7, order: [3, 1, 0, 2] }, 'B'), true, 3, 240, 19200),
      group(pickedOptionBits({ questionId: 7, order: [3, 1, 0, 2] }, 'A'), false, 2, 80, 3200),
      // identity order
      group(pickedOptionBits({ questionId: 7, order: [] }, 'C'), false, 1, 30, 900),
      group(0, false, 1, 0, 0, { timed_out: true }),
    ]);
    expect(stat).toMatchObject({ answered: 7, timedOut: 1, correct: 3, correctRate: 0.4286 });
    expect(stat.options).toEqual([
      { label: 'A', text: '甲', picked: 0, correct: false },
      { label: 'B', text: '乙', picked: 3, correct: true },
      { label: 'C', text: '丙', picked: 1, correct: false },
      { label: 'D', text: '丁', picked: 2, correct: false },
    ]);
    expect(stat.mostChosenWrong).toEqual({ label: 'D', text: '丁', picked: 2 });
    expect(stat.discrimination).toBeGreaterThan(0.5);
  });

  it('names true/false options and the most common wrong fill answer', () => {
    const tf = questionStat({ ...question, type: 'truefalse', options: [], answer: ['false'] }, [
      group(pickedOptionBits({ questionId: 7, order: [0, 1] }, 'A'), false, 4, 0, 0),
      group(pickedOptionBits({ questionId: 7, order: [0, 1] }, 'B'), true, 1, 0, 0),
    ]);
    expect(tf.options.map((o) => [o.text, o.picked, o.correct])).toEqual([['正确', 4, false], ['错误', 1, true]]);
    const fill = questionStat({ ...question, type: 'fill', options: [], answer: ['襄阳'] }, [
      group(0, false, 2, 0, 0, { wrong_text: '武汉' }),
      group(0, false, 1, 0, 0, { wrong_text: '宜昌' }),
      group(0, true, 5, 0, 0),
    ]);
    expect(fill.options).toEqual([]);
    expect(fill.mostChosenWrong).toEqual({ label: null, text: '武汉', picked: 2 });
  });
});
