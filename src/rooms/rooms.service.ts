import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import { routeRooms, type RoomRouting } from './room-routing';

export interface RoomRef {
  id: string;
  topic: string;
}

/** Reads the rooms the account is in right now (the bot attaches one once logged in). */
export type RoomLister = () => Promise<RoomRef[]>;

/** Reads bot rooms: the service's own client, or a transaction's so that a caller's writes wait for nothing. */
export type RoomReader = Pick<Prisma.TransactionClient, 'botRoom' | 'botAccount'>;

/** How often a connected account says so; it counts as connected for three of these, so one missed beat is forgiven. */
export const ACCOUNT_HEARTBEAT_MS = 30_000;
const CONNECTED_WITHIN_MS = 3 * ACCOUNT_HEARTBEAT_MS;

export interface RoomCheck {
  /** false until some account has reported its rooms: then nothing can be checked */
  known: boolean;
  /** names (topics or room ids) no account is in */
  missing: string[];
}

/**
 * The groups each WeChat account is in, as its bot last saw them. Other modules ask here
 * whether a room name means anything; only the bot reports rooms.
 */
@Injectable()
export class RoomsService {
  private readonly logger = new Logger('Rooms');
  private lister?: RoomLister;
  private refreshing?: Promise<void>;

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get account(): string {
    return this.config.BOT_ACCOUNT;
  }

  async list(): Promise<Array<{ account: string; roomId: string; topic: string; updatedAt: Date }>> {
    return this.prisma.botRoom.findMany({ select: { account: true, roomId: true, topic: true, updatedAt: true }, orderBy: [{ account: 'asc' }, { topic: 'asc' }] });
  }

  /** The account's whole room list, replacing what was stored. */
  async replaceAll(rooms: RoomRef[], account = this.account): Promise<void> {
    const now = new Date();
    await this.prisma.$transaction([
      this.prisma.botRoom.deleteMany({ where: { account } }),
      this.prisma.botRoom.createMany({ data: rooms.map((r) => ({ account, roomId: r.id, topic: r.topic, updatedAt: now })), skipDuplicates: true }),
      this.prisma.botAccount.upsert({
        where: { account },
        create: { account, roomsSyncedAt: now, connectedAt: now },
        update: { roomsSyncedAt: now, connectedAt: now },
      }),
    ]);
  }

  /** The account is logged in and sending: its rooms are routed to it before those of accounts not heard from. */
  async markConnected(account = this.account): Promise<void> {
    await this.prisma.botAccount.updateMany({ where: { account }, data: { connectedAt: new Date() } });
  }

  /** The account logged out or its instance is stopping: another account in the same rooms takes them over. */
  async markDisconnected(account = this.account): Promise<void> {
    await this.prisma.botAccount.updateMany({ where: { account }, data: { connectedAt: null } });
  }

  /** The account joined a room or the room got a new topic. */
  async upsert(room: RoomRef, account = this.account): Promise<void> {
    await this.prisma.botRoom.upsert({
      where: { account_roomId: { account, roomId: room.id } },
      create: { account, roomId: room.id, topic: room.topic },
      update: { topic: room.topic },
    });
  }

  async remove(roomId: string, account = this.account): Promise<void> {
    await this.prisma.botRoom.deleteMany({ where: { account, roomId } });
  }

  attachLister(lister: RoomLister | undefined): void {
    this.lister = lister;
  }

  /** Refreshes this account's rooms from the live connection; callers at the same time share one read. */
  refresh(): Promise<void> {
    const lister = this.lister;
    if (!lister) return Promise.resolve();
    this.refreshing ??= (async () => {
      try {
        await this.replaceAll(await lister());
      } catch (err) {
        this.logger.warn(`could not read the rooms of account ${this.account}: ${(err as Error).message}`);
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /** Which of these room names (topic or id) no account is in; a name missing at first is checked again live. */
  async check(names: string[]): Promise<RoomCheck> {
    let result = await this.lookup(names);
    if (result.missing.length && this.lister) {
      await this.refresh();
      result = await this.lookup(names);
    }
    return result;
  }

  /**
   * Which account sends to each room name (topic or id) and under which room id: the one place a
   * room addressed by name is resolved. `loadOf` tells the messages waiting for the accounts in
   * question; `demand` the messages each room is about to get.
   */
  async route(
    demand: Map<string, number>,
    loadOf: (accounts: string[]) => Promise<Map<string, number>>,
    db: RoomReader = this.prisma,
  ): Promise<RoomRouting> {
    const names = [...demand.keys()];
    if (!names.length) return { routes: new Map(), missing: [] };
    const holders = await db.botRoom.findMany({
      where: { OR: [{ topic: { in: names } }, { roomId: { in: names } }] },
      select: { account: true, roomId: true, topic: true },
    });
    const accounts = [...new Set(holders.map((h) => h.account))];
    if (accounts.length <= 1) return routeRooms(demand, holders, new Map(), new Set(accounts));
    const [load, connected] = await Promise.all([loadOf(accounts), this.connectedAmong(accounts, db)]);
    return routeRooms(demand, holders, load, connected);
  }

  private async connectedAmong(accounts: string[], db: RoomReader): Promise<Set<string>> {
    const rows = await db.botAccount.findMany({
      where: { account: { in: accounts }, connectedAt: { gte: new Date(Date.now() - CONNECTED_WITHIN_MS) } },
      select: { account: true },
    });
    return new Set(rows.map((r) => r.account));
  }

  /** The accounts whose rooms are known; this instance's own when none has reported yet. */
  async accounts(): Promise<string[]> {
    const rows = await this.prisma.botAccount.findMany({ select: { account: true }, orderBy: { account: 'asc' } });
    return rows.length ? rows.map((r) => r.account) : [this.account];
  }

  private async lookup(names: string[]): Promise<RoomCheck> {
    const known = (await this.prisma.botAccount.count()) > 0;
    if (!known || !names.length) return { known, missing: [] };
    const rows = await this.prisma.botRoom.findMany({
      where: { OR: [{ topic: { in: names } }, { roomId: { in: names } }] },
      select: { topic: true, roomId: true },
    });
    const found = new Set(rows.flatMap((r) => [r.topic, r.roomId]));
    return { known, missing: names.filter((n) => !found.has(n)) };
  }
}
