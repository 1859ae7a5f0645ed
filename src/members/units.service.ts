import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';
import { matchUnit, type UnitMatchOf } from './unit-match';
import { planUnits, UnitPlanError, type UnitInput } from './unit-plan';
import { ROSTER } from './members.service';
import type { Roster, RowProblem } from './roster';

export interface UnitView {
  id: number;
  name: string;
  parent: string | null;
  headcount: number;
  aliases: string[];
  /** Members in the unit itself (bound or placed by roster); `memberCount` says the same for the console. */
  members: number;
  memberCount: number;
}

/** A change to one unit; `parent: null` makes it a top-level unit, `headcount: null` clears it. */
export interface UnitPatch {
  name?: string;
  parent?: string | null;
  headcount?: number | null;
  aliases?: string[];
}

/** Told when a unit gets a new name, so that what refers to it by name follows. */
export type UnitRenameListener = (from: string, to: string) => Promise<void>;

export interface UnitTreeNode extends UnitView {
  children: UnitTreeNode[];
}

export type UnitMatch = UnitMatchOf<UnitView>;

type Tx = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];

@Injectable()
export class UnitsService {
  private readonly renameListeners: UnitRenameListener[] = [];

  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  onRename(listener: UnitRenameListener): void {
    this.renameListeners.push(listener);
  }

  async list(): Promise<UnitView[]> {
    const units = await this.prisma.unit.findMany({
      orderBy: { name: 'asc' },
      include: { parent: { select: { name: true } }, _count: { select: { members: true } } },
    });
    return units.map((u) => ({
      id: u.id,
      name: u.name,
      parent: u.parent?.name ?? null,
      headcount: u.headcount,
      aliases: u.aliases,
      members: u._count.members,
      memberCount: u._count.members,
    }));
  }

  async tree(): Promise<{ units: UnitView[]; tree: UnitTreeNode[] }> {
    const units = await this.list();
    const nodes = new Map(units.map((u) => [u.name, { ...u, children: [] as UnitTreeNode[] }]));
    const roots: UnitTreeNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parent ? nodes.get(node.parent) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return { units, tree: roots };
  }

  /** Upserts by name, all or nothing. */
  async upsert(items: UnitInput[]): Promise<UnitView[]> {
    await this.prisma.$transaction(async (tx) => this.upsertIn(tx, items), { timeout: 60_000 });
    const names = new Set(items.map((i) => i.name));
    return (await this.list()).filter((u) => names.has(u.name));
  }

  /** Changes one unit: 404 when unknown, 409 when the name is taken or the new parent lies below it. */
  async update(id: number, patch: UnitPatch): Promise<UnitView> {
    const before = await this.prisma.$transaction(async (tx) => {
      const unit = await tx.unit.findUnique({ where: { id } });
      if (!unit) throw new NotFoundException(`没有编号为${id}的单位。`);
      if (patch.name !== undefined && patch.name !== unit.name && (await tx.unit.findUnique({ where: { name: patch.name } }))) {
        throw unitConflict('name', `单位名称「${patch.name}」已被其他单位使用。`);
      }
      let parentId: number | null | undefined;
      if (patch.parent === null) parentId = null;
      else if (patch.parent !== undefined) {
        const parent = await tx.unit.findUnique({ where: { name: patch.parent } });
        if (!parent) {
          throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `parent: 上级单位「${patch.parent}」不存在。`, field: 'parent' });
        }
        const parentOf = new Map((await tx.unit.findMany({ select: { id: true, parentId: true } })).map((u) => [u.id, u.parentId]));
        for (let cursor: number | null = parent.id; cursor !== null; cursor = parentOf.get(cursor) ?? null) {
          if (cursor === id) throw unitConflict('parent', `「${patch.parent}」是「${unit.name}」本身或其下级单位，不能作为它的上级单位（单位树中会出现循环）。`);
        }
        parentId = parent.id;
      }
      await tx.unit.update({
        where: { id },
        data: {
          name: patch.name,
          parentId,
          headcount: patch.headcount === null ? 0 : patch.headcount,
          aliases: patch.aliases,
        },
      });
      return unit;
    });
    if (patch.name !== undefined && patch.name !== before.name) {
      for (const listener of this.renameListeners) await listener(before.name, patch.name);
    }
    return (await this.list()).find((u) => u.id === id)!;
  }

  /** What importing the roster would refuse in the tree as it stands (a cycle through existing units, a unit named twice). */
  async rosterProblems(roster: Roster): Promise<RowProblem[]> {
    const existing = await this.prisma.unit.findMany({ select: { name: true, parent: { select: { name: true } } } });
    try {
      planUnits(
        roster.units,
        existing.map((u) => ({ name: u.name, parent: u.parent?.name ?? null })),
      );
      return [];
    } catch (err) {
      if (!(err instanceof UnitPlanError)) throw err;
      return [{ row: roster.units[err.index].row, reason: err.message }];
    }
  }

  async importRoster(roster: Roster): Promise<{ units: number; members: number }> {
    await this.prisma.$transaction(
      async (tx) => {
        await this.upsertIn(tx, roster.units);
        const ids = new Map((await tx.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.name, u.id]));
        for (const m of roster.members) {
          const unitId = ids.get(m.unit)!;
          if (m.wechatId) {
            await tx.member.upsert({
              where: { wechatId: m.wechatId },
              create: { wechatId: m.wechatId, name: m.name, unitId, boundAt: new Date(), placedBy: ROSTER },
              update: { name: m.name, unitId, placedBy: ROSTER },
            });
            continue;
          }
          const existing = await tx.member.findFirst({ where: { name: m.name, unitId } });
          if (!existing) await tx.member.create({ data: { name: m.name, unitId, placedBy: ROSTER } });
        }
      },
      { timeout: 120_000 },
    );
    return { units: roster.units.length, members: roster.members.length };
  }

  private async upsertIn(tx: Tx, items: UnitInput[]): Promise<void> {
    const existing = await tx.unit.findMany({ select: { name: true, parent: { select: { name: true } } } });
    let ordered: UnitInput[];
    try {
      ordered = planUnits(
        items,
        existing.map((u) => ({ name: u.name, parent: u.parent?.name ?? null })),
      );
    } catch (err) {
      if (err instanceof UnitPlanError) {
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `第${err.index + 1}项：${err.message}`, field: String(err.index) });
      }
      throw err;
    }
    for (const item of ordered) {
      const parentId = item.parent ? (await tx.unit.findUniqueOrThrow({ where: { name: item.parent } })).id : item.parent === null ? null : undefined;
      await tx.unit.upsert({
        where: { name: item.name },
        create: { name: item.name, headcount: item.headcount ?? 0, aliases: item.aliases ?? [], parentId: parentId ?? null },
        update: {
          ...(item.headcount !== undefined ? { headcount: item.headcount } : {}),
          ...(item.aliases !== undefined ? { aliases: item.aliases } : {}),
          ...(parentId !== undefined ? { parentId } : {}),
        },
      });
    }
  }

  /** Finds a unit by what a member typed (see matchUnit). */
  async match(text: string): Promise<UnitMatch> {
    return matchUnit(text, await this.list());
  }
}

function unitConflict(field: string, message: string): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message: `${field}: ${message}`, field });
}
