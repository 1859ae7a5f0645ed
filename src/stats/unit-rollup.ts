import type { UnitNode } from '../members/audience';

/** A unit's own figures in a round: members counted in it (by their counted attempt) and the attempts made in it. */
export interface UnitFigures {
  /** distinct members whose counted attempt was made in this unit */
  participants: number;
  /** attempts (人次) made in this unit */
  attempts: number;
  /** participants with a finished counted attempt (the ones with a score) */
  scored: number;
  scoreSum: number;
  fullMarks: number;
}

export interface SubtreeFigures {
  headcount: number;
  participants: number;
  attempts: number;
  participationRate: number | null;
  meanScore: number | null;
}

export interface RolledUnit {
  id: number;
  name: string;
  parent: string | null;
  /** own headcount, or the children's when it has none, or its bound members */
  headcount: number;
  own: UnitFigures;
  subtree: SubtreeFigures & { scored: number; scoreSum: number; fullMarks: number };
}

export const NO_FIGURES: UnitFigures = { participants: 0, attempts: 0, scored: 0, scoreSum: 0, fullMarks: 0 };

/**
 * Rolls participation up the unit tree. Every member is counted in exactly one unit (the unit of
 * their counted attempt), so summing a subtree counts each person once. A unit's headcount is its
 * own when set (it covers its whole subtree), otherwise the sum of its children's, otherwise the
 * members bound to it. Runs in time linear in the number of units; a cycle in the parent links
 * is cut where it closes.
 */
export function rollUpUnits(units: UnitNode[], own: ReadonlyMap<number, UnitFigures>): Map<number, RolledUnit> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<number, UnitNode[]>();
  for (const u of units) {
    if (u.parentId === null || !byId.has(u.parentId)) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u);
    else children.set(u.parentId, [u]);
  }
  const result = new Map<number, RolledUnit>();
  const visiting = new Set<number>();

  const visit = (unit: UnitNode): RolledUnit => {
    const done = result.get(unit.id);
    if (done) return done;
    visiting.add(unit.id);
    const figures = own.get(unit.id) ?? NO_FIGURES;
    const sum = { ...figures };
    let childHeadcount = 0;
    for (const child of children.get(unit.id) ?? []) {
      if (visiting.has(child.id)) continue;
      const c = visit(child);
      childHeadcount += c.subtree.headcount;
      sum.participants += c.subtree.participants;
      sum.attempts += c.subtree.attempts;
      sum.scored += c.subtree.scored;
      sum.scoreSum += c.subtree.scoreSum;
      sum.fullMarks += c.subtree.fullMarks;
    }
    visiting.delete(unit.id);
    const headcount = unit.headcount > 0 ? unit.headcount : childHeadcount > 0 ? childHeadcount : unit.members;
    const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
    const rolled: RolledUnit = {
      id: unit.id,
      name: unit.name,
      parent: parent?.name ?? null,
      headcount,
      own: figures,
      subtree: {
        headcount,
        participants: sum.participants,
        attempts: sum.attempts,
        participationRate: rate(sum.participants, headcount),
        meanScore: sum.scored > 0 ? round4(sum.scoreSum / sum.scored) : null,
        scored: sum.scored,
        scoreSum: sum.scoreSum,
        fullMarks: sum.fullMarks,
      },
    };
    result.set(unit.id, rolled);
    return rolled;
  };
  for (const u of units) visit(u);
  return result;
}

export function rate(part: number, whole: number): number | null {
  return whole > 0 ? round4(part / whole) : null;
}

export function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
