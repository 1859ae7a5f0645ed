import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';

export interface MemberView {
  id: number;
  wechatId: string | null;
  name: string;
  unitId: number | null;
  unit: string | null;
  joinedAt: Date;
  boundAt: Date | null;
}

@Injectable()
export class MembersService {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async list(unit?: string): Promise<MemberView[]> {
    const members = await this.prisma.member.findMany({
      where: unit ? { unit: { name: unit } } : undefined,
      include: { unit: { select: { name: true } } },
      orderBy: { id: 'asc' },
      take: 5000,
    });
    return members.map(view);
  }

  /** The member behind a WeChat contact, created on first contact. */
  async ensure(wechatId: string, displayName: string): Promise<MemberView> {
    const member = await this.prisma.member.upsert({
      where: { wechatId },
      create: { wechatId, name: displayName.slice(0, 50) || wechatId },
      update: {},
      include: { unit: { select: { name: true } } },
    });
    return view(member);
  }

  async byWechatId(wechatId: string): Promise<MemberView | undefined> {
    const member = await this.prisma.member.findUnique({ where: { wechatId }, include: { unit: { select: { name: true } } } });
    return member ? view(member) : undefined;
  }

  async bind(wechatId: string, displayName: string, unitId: number): Promise<MemberView> {
    const member = await this.prisma.member.upsert({
      where: { wechatId },
      create: { wechatId, name: displayName.slice(0, 50) || wechatId, unitId, boundAt: new Date() },
      update: { unitId, boundAt: new Date() },
      include: { unit: { select: { name: true } } },
    });
    return view(member);
  }

  async unbind(wechatId: string): Promise<boolean> {
    const result = await this.prisma.member.updateMany({ where: { wechatId, unitId: { not: null } }, data: { unitId: null, boundAt: null } });
    return result.count > 0;
  }
}

function view(m: {
  id: number;
  wechatId: string | null;
  name: string;
  unitId: number | null;
  unit: { name: string } | null;
  joinedAt: Date;
  boundAt: Date | null;
}): MemberView {
  return { id: m.id, wechatId: m.wechatId, name: m.name, unitId: m.unitId, unit: m.unit?.name ?? null, joinedAt: m.joinedAt, boundAt: m.boundAt };
}
