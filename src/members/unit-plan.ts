/** Pure checks for a batch of units to upsert: names, parents that exist, no cycles. */
export interface UnitInput {
  name: string;
  parent?: string | null;
  headcount?: number;
  aliases?: string[];
}

export interface ExistingUnit {
  name: string;
  parent: string | null;
}

export class UnitPlanError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

/** Throws UnitPlanError naming the first bad item; returns the items in an order where parents come first. */
export function planUnits(items: UnitInput[], existing: ExistingUnit[]): UnitInput[] {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (seen.has(item.name)) {
      throw new UnitPlanError(`单位「${item.name}」重复出现（另见第${seen.get(item.name)! + 1}项）。`, i);
    }
    seen.set(item.name, i);
    if (item.parent && item.parent === item.name) throw new UnitPlanError(`单位「${item.name}」不能是自己的上级单位。`, i);
  });
  const parentOf = new Map<string, string | null>(existing.map((u) => [u.name, u.parent]));
  for (const item of items) if (item.parent !== undefined) parentOf.set(item.name, item.parent || null);
  for (const item of items) if (!parentOf.has(item.name)) parentOf.set(item.name, null);
  items.forEach((item, i) => {
    if (item.parent && !parentOf.has(item.parent)) {
      throw new UnitPlanError(`单位「${item.name}」的上级单位「${item.parent}」不存在。`, i);
    }
    const path = new Set<string>([item.name]);
    let cursor = parentOf.get(item.name) ?? null;
    while (cursor) {
      if (path.has(cursor)) throw new UnitPlanError(`单位「${item.name}」会成为自己的上级（单位树中出现循环）。`, i);
      path.add(cursor);
      cursor = parentOf.get(cursor) ?? null;
    }
  });
  const depth = (name: string): number => {
    let d = 0;
    for (let p = parentOf.get(name); p; p = parentOf.get(p)) d++;
    return d;
  };
  return [...items].sort((a, b) => depth(a.name) - depth(b.name));
}
