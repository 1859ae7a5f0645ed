import type { UnitNode } from '../members/audience';
import { rollUpUnits, type UnitFigures } from './unit-rollup';

const unit = (id: number, name: string, parentId: number | null, headcount: number, members = 0): UnitNode => ({ id, name, parentId, headcount, members });
const figures = (participants: number, attempts: number, scores: number[] = [], fullMarks = 0): UnitFigures => ({
  participants,
  attempts,
  scored: scores.length,
  scoreSum: scores.reduce((s, x) => s + x, 0),
  fullMarks,
});

/*
 * 市委 (no headcount of its own)
 * ├── 一支部 (10)
 * │   └── 一支部一组 (4)   the parent's own 10 covers the group
 * └── 二支部 (no headcount, 3 bound members)
 * 独立单位 (5)
 */
const tree = [
  unit(1, '市委', null, 0),
  unit(2, '一支部', 1, 10),
  unit(3, '一支部一组', 2, 4),
  unit(4, '二支部', 1, 0, 3),
  unit(5, '独立单位', null, 5),
];

describe('rollUpUnits', () => {
  it('sums participation over a subtree, each counted person once, with headcounts from the children when a unit has none', () => {
    const own = new Map<number, UnitFigures>([
      [1, figures(1, 1, [80])],
      [2, figures(3, 4, [100, 60, 50], 1)],
      [3, figures(2, 2, [70])], // one of the two has not finished
      [4, figures(1, 2, [90])],
    ]);
    const rolled = rollUpUnits(tree, own);
    expect(rolled.get(3)!.subtree).toMatchObject({ headcount: 4, participants: 2, attempts: 2, participationRate: 0.5, meanScore: 70 });
    // 一支部: its own headcount (10) stands for its subtree; 3 + 2 people.
    expect(rolled.get(2)!.subtree).toMatchObject({ headcount: 10, participants: 5, attempts: 6, participationRate: 0.5, meanScore: 70, fullMarks: 1 });
    // 二支部: no headcount, no children: its 3 bound members.
    expect(rolled.get(4)!.headcount).toBe(3);
    // 市委: no headcount: 10 + 3 from its children; 1 + 5 + 1 people; mean over 6 scores.
    expect(rolled.get(1)!).toMatchObject({ parent: null, headcount: 13 });
    expect(rolled.get(1)!.subtree).toMatchObject({ headcount: 13, participants: 7, attempts: 9, participationRate: 0.5385, meanScore: 75 });
    expect(rolled.get(1)!.own.participants).toBe(1);
    expect(rolled.get(3)!.parent).toBe('一支部');
    expect(rolled.get(5)!.subtree).toMatchObject({ headcount: 5, participants: 0, attempts: 0, participationRate: 0, meanScore: null });
  });

  it('survives a cycle in the parent links and units whose parent is missing', () => {
    const odd = [unit(1, '甲', 2, 0, 1), unit(2, '乙', 1, 0, 2), unit(3, '丙', 99, 7)];
    const rolled = rollUpUnits(odd, new Map([[1, figures(1, 1, [10])], [2, figures(1, 1, [20])]]));
    expect(rolled.size).toBe(3);
    expect(rolled.get(3)!.subtree.headcount).toBe(7);
    expect(rolled.get(3)!.parent).toBeNull();
    expect(rolled.get(1)!.subtree.participants + rolled.get(2)!.subtree.participants).toBeGreaterThanOrEqual(2);
  });

  it('rolls up thousands of units', () => {
    const many: UnitNode[] = [unit(1, '根', null, 0)];
    for (let i = 2; i <= 3000; i++) many.push(unit(i, `单位${i}`, Math.floor(i / 2), i % 3 === 0 ? 0 : 5));
    const own = new Map(many.map((u) => [u.id, figures(1, 1, [10])]));
    const rolled = rollUpUnits(many, own);
    expect(rolled.get(1)!.subtree.participants).toBe(3000);
  });
});
