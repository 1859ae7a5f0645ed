import { Inject, Injectable } from '@nestjs/common';
import { GroupCommit } from '../db/group-commit';
import { PrismaService } from '../db/prisma.service';

export interface MemberView {
  id: number;
  wechatId: string | null;
  name: string;
  unitId: number | null;
  unit: string | null;
  joinedAt: Date;
  boundAt: Date | null;
  /** An organiser placed this member by roster: the roster decides the unit, not the member. */
  placedByRoster: boolean;
  /** A WeChat contact stands behind the member (a roster entry nobody has bound to yet has none). */
  wechatBound: boolean;
}

/** A member placed by roster asked to bind to or leave a unit themselves. */
export class RosterPlacedError extends Error {
  constructor(readonly unit: string | null) {
    super(`the roster places this member in ${unit ?? 'no unit'}`);
  }
}

/** Member.placedBy of a member an organiser placed by roster. */
export const ROSTER = 'roster';

const CACHE_TTL_MS = 60_000;
const MAX_CACHED = 200_000;

@Injectable()
export class MembersService {
  /** Every message needs its sender: a short-lived cache and batched first contacts keep that off the hot path. */
  private readonly cache = new Map<string, { member: MemberView; at: number }>();
  private readonly firstContacts: GroupCommit<{ wechatId: string; name: string }, MemberView>;
  /** Members by id, read together while an earlier read runs: every web request asks for one. */
  private readonly byIds: GroupCommit<number, MemberView | undefined>;

  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {
    this.firstContacts = new GroupCommit((items) => this.upsertContacts(items));
    this.byIds = new GroupCommit((ids) => this.readByIds(ids));
  }

  /** Members by name (part of it) and unit, a page at a time, in the order they were added. */
  async list(query: { search?: string; unit?: string; skip: number; take: number }): Promise<{ total: number; items: MemberView[] }> {
    const where = {
      ...(query.unit ? { unit: { name: query.unit } } : {}),
      ...(query.search ? { name: { contains: query.search } } : {}),
    };
    const [total, members] = await Promise.all([
      this.prisma.member.count({ where }),
      this.prisma.member.findMany({ where, include: { unit: { select: { name: true } } }, orderBy: { id: 'asc' }, skip: query.skip, take: query.take }),
    ]);
    return { total, items: members.map(view) };
  }

  /** The member behind a WeChat contact, created on first contact. */
  async ensure(wechatId: string, displayName: string): Promise<MemberView> {
    const hit = this.cache.get(wechatId);
    if (hit && hit.at > Date.now() - CACHE_TTL_MS) return hit.member;
    const member = await this.firstContacts.submit({ wechatId, name: displayName.slice(0, 50) || wechatId });
    return this.remember(member);
  }

  private remember(member: MemberView): MemberView {
    if (!member.wechatId) return member;
    this.cache.delete(member.wechatId);
    this.cache.set(member.wechatId, { member, at: Date.now() });
    if (this.cache.size > MAX_CACHED) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return member;
  }

  private async upsertContacts(items: Array<{ wechatId: string; name: string }>): Promise<MemberView[]> {
    const unique = [...new Map(items.map((i) => [i.wechatId, i])).values()];
    const rows = await this.prisma.sql.query<any>(
      `WITH up AS (
         INSERT INTO member (wechat_id, name, updated_at)
         SELECT w, n, now() FROM unnest($1::text[], $2::text[]) AS t(w, n)
         ON CONFLICT (wechat_id) DO UPDATE SET wechat_id = EXCLUDED.wechat_id
         RETURNING id, wechat_id, name, unit_id, joined_at, bound_at, placed_by)
       SELECT up.*, u.name AS unit FROM up LEFT JOIN unit u ON u.id = up.unit_id`,
      [unique.map((i) => i.wechatId), unique.map((i) => i.name)],
    );
    const byId = new Map<string, MemberView>(rows.map((r) => [r.wechat_id, rowView(r)]));
    return items.map((i) => byId.get(i.wechatId)!);
  }

  /**
   * Someone who named their unit and themselves on a group link: the member of that name in that
   * unit (a roster entry too), else a new member without a WeChat id. The same name in the same
   * unit is the same person, also when two of their devices ask at once.
   */
  async participant(name: string, unitId: number): Promise<{ member: MemberView; existed: boolean }> {
    return this.prisma.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`participant:${unitId}:${name}`]);
      const found = await tx.query<{ id: number }>('SELECT id FROM member WHERE unit_id = $1 AND name = $2 ORDER BY id LIMIT 1', [unitId, name]);
      const id = found[0]?.id ?? (await tx.query<{ id: number }>('INSERT INTO member (name, unit_id, updated_at) VALUES ($1, $2, now()) RETURNING id', [name, unitId]))[0].id;
      const [row] = await tx.query<any>(
        `SELECT m.id, m.wechat_id, m.name, m.unit_id, m.joined_at, m.bound_at, m.placed_by, u.name AS unit
           FROM member m LEFT JOIN unit u ON u.id = m.unit_id WHERE m.id = $1`,
        [id],
      );
      return { member: rowView(row), existed: found.length > 0 };
    });
  }

  byId(id: number): Promise<MemberView | undefined> {
    return this.byIds.submit(id);
  }

  private async readByIds(ids: number[]): Promise<Array<MemberView | undefined>> {
    const rows = await this.prisma.sql.prepared<any>(
      `SELECT m.id, m.wechat_id, m.name, m.unit_id, u.name AS unit, m.joined_at, m.bound_at, m.placed_by
         FROM member m LEFT JOIN unit u ON u.id = m.unit_id WHERE m.id = ANY($1::int[])`,
      [[...new Set(ids)]],
    );
    const byId = new Map(rows.map((r) => [r.id as number, rowView(r)]));
    return ids.map((id) => byId.get(id));
  }

  async byWechatId(wechatId: string): Promise<MemberView | undefined> {
    const member = await this.prisma.member.findUnique({ where: { wechatId }, include: { unit: { select: { name: true } } } });
    return member ? view(member) : undefined;
  }

  /** Binds a member to a unit; a member the roster placed elsewhere is refused. */
  async bind(wechatId: string, displayName: string, unitId: number): Promise<MemberView> {
    const current = await this.byWechatId(wechatId);
    if (current?.placedByRoster && current.unitId !== unitId) throw new RosterPlacedError(current.unit);
    const member = await this.prisma.member.upsert({
      where: { wechatId },
      create: { wechatId, name: displayName.slice(0, 50) || wechatId, unitId, boundAt: new Date() },
      update: { unitId, boundAt: new Date() },
      include: { unit: { select: { name: true } } },
    });
    return this.remember(view(member));
  }

  /** Drops every cached sender (their unit's name may have changed). */
  forgetCached(): void {
    this.cache.clear();
  }

  async unbind(wechatId: string): Promise<boolean> {
    const current = await this.byWechatId(wechatId);
    if (current?.placedByRoster) throw new RosterPlacedError(current.unit);
    const result = await this.prisma.member.updateMany({ where: { wechatId, unitId: { not: null } }, data: { unitId: null, boundAt: null } });
    this.cache.delete(wechatId);
    return result.count > 0;
  }
}

/** A member read with plain SQL (snake-case columns and the unit's name as `unit`). */
function rowView(r: any): MemberView {
  return {
    id: r.id,
    wechatId: r.wechat_id,
    name: r.name,
    unitId: r.unit_id,
    unit: r.unit,
    joinedAt: new Date(r.joined_at),
    boundAt: r.bound_at ? new Date(r.bound_at) : null,
    placedByRoster: r.placed_by === ROSTER,
    wechatBound: r.wechat_id != null,
  };
}

function view(m: {
  id: number;
  wechatId: string | null;
  name: string;
  unitId: number | null;
  unit: { name: string } | null;
  joinedAt: Date;
  boundAt: Date | null;
  placedBy: string | null;
}): MemberView {
  return {
    id: m.id,
    wechatId: m.wechatId,
    name: m.name,
    unitId: m.unitId,
    unit: m.unit?.name ?? null,
    joinedAt: m.joinedAt,
    boundAt: m.boundAt,
    placedByRoster: m.placedBy === ROSTER,
    wechatBound: m.wechatId !== null,
  };
}
