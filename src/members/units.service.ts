import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';
import { matchUnit, type UnitMatchOf } from './unit-match';
import { planUnits, UnitPlanError, type UnitInput } from './unit-plan';
import { ROSTER } from './members.service';
import type { Roster } from './roster';

export interface UnitView {
  id: number;
  name: string;
  parent: string | null;
  headcount: number;
  aliases: string[];
  members: number;
}

export interface UnitTreeNode extends UnitView {
  children: UnitTreeNode[];
}

export type UnitMatch = UnitMatchOf<UnitView>;

type Tx = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];

@Injectable()
export class UnitsService {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

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
          if (!existing) await tx.member.create({ data: { name: m.name, unitId } });
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
      if (err instanceof UnitPlanError) throw new BadRequestException(`item ${err.index + 1}: ${err.message}`);
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
