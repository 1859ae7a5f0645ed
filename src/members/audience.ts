/** Headcounts over the unit tree. */
export interface UnitNode {
  id: number;
  name: string;
  parentId: number | null;
  headcount: number;
  members: number;
}

/** A unit's own headcount, or the sum of its children's when it has none, or its bound members. */
export function effectiveHeadcount(unit: UnitNode, all: UnitNode[]): number {
  if (unit.headcount > 0) return unit.headcount;
  const children = all.filter((u) => u.parentId === unit.id);
  const fromChildren = children.reduce((sum, c) => sum + effectiveHeadcount(c, all), 0);
  return fromChildren > 0 ? fromChildren : unit.members;
}

/** The ids of the named units and everything below them. */
export function unitsUnder(ids: number[], all: UnitNode[]): Set<number> {
  const result = new Set<number>(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of all) {
      if (u.parentId !== null && result.has(u.parentId) && !result.has(u.id)) {
        result.add(u.id);
        grew = true;
      }
    }
  }
  return result;
}

/** How many people an audience of units reaches (all units when none are named), counting nested units once. */
export function audienceSize(ids: number[], all: UnitNode[]): number {
  const named = ids.length ? ids : all.filter((u) => u.parentId === null).map((u) => u.id);
  const top = named.filter((id) => !named.some((other) => other !== id && unitsUnder([other], all).has(id)));
  return top.reduce((sum, id) => sum + effectiveHeadcount(all.find((u) => u.id === id)!, all), 0);
}
