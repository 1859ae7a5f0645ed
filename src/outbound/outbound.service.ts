import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import { GroupCommit } from '../db/group-commit';
import type { Prisma } from '../generated/prisma/client';
import { RoomsService, type RoomReader } from '../rooms/rooms.service';
import { FairTurns } from './fair-turns';
import { Pacer, drainSeconds, retryDelayMs, splitMessage, type PacingOptions } from './pacing';
import { startOfLocalDay } from '../common/time';
import type { MessageSender, OutboundImage, OutboundTarget } from './sender';

/**
 * Conversations considered for each send: the oldest waiting ones. A busy conversation among
 * them gets at most one send in this many while the others wait.
 */
const FAIR_WINDOW = 64;
/** A fetched window is used for at most this long before the queue is read again. */
const WINDOW_MAX_AGE_MS = 2000;

/** The queue of one account as organisers watch it. */
export interface AccountQueueStatus {
  account: string;
  pending: number;
  /** Sent since midnight in TIMEZONE */
  sentToday: number;
  /** Given up after the configured tries (all time) */
  failed: number;
  oldestPendingAt: Date | null;
  /** Seconds to send what is pending at the configured pacing, if the account sends without pause */
  drainEstimateSeconds: number;
}

export interface OutboundItem {
  target: OutboundTarget;
  /** The text; with an image, the image's file name. */
  body: string;
  image?: OutboundImage;
}

export interface SentMessage {
  id: string;
  target: OutboundTarget;
  body: string;
  at: Date;
}

interface OutboundRow {
  account: string;
  targetKind: string;
  target: string;
  body: string;
  /** base64: the one binary form both database drivers carry alike */
  image?: string;
}

interface QueuedRow {
  id: bigint;
  target_kind: string;
  target: string;
  body: string;
  tries: number;
  has_image: boolean;
}

type QueueReader = RoomReader & Pick<Prisma.TransactionClient, 'outboundMessage'>;

/** The conversation a queued message belongs to, as the fair turns know it. */
const conversationOf = (row: Pick<QueuedRow, 'target_kind' | 'target'>) => `${row.target_kind}:${row.target}`;

/**
 * The one persisted queue every message of the bot goes through. Rows survive restarts; one
 * dispatcher per account sends them in order per conversation, paced, retrying with backoff.
 */
@Injectable()
export class OutboundService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbound');
  private readonly pacer: Pacer;
  private readonly turns = new FairTurns();
  private window: QueuedRow[] = [];
  private windowFetchedAt = 0;
  private windowStale = true;
  private sender?: MessageSender;
  private running = false;
  private wake?: () => void;
  /** Set when something changed while the dispatcher was busy, so that it does not go to sleep. */
  private woken = false;
  private loop?: Promise<void>;
  private readonly writes = new GroupCommit<OutboundRow[], void>((batches) => this.insertBatches(batches));
  private readonly listeners = new Set<(event: { id: string; target: OutboundTarget; body: string }) => void>();

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RoomsService) private readonly rooms: RoomsService,
  ) {
    this.pacer = new Pacer(this.pacing);
  }

  private get pacing(): PacingOptions {
    return { minIntervalMs: this.config.OUTBOUND_MIN_INTERVAL_MS, jitterMs: this.config.OUTBOUND_JITTER_MS, maxPerMinute: this.config.OUTBOUND_MAX_PER_MINUTE };
  }

  get account(): string {
    return this.config.BOT_ACCOUNT;
  }

  /**
   * Queues messages (long bodies split); they are stored before this resolves. A room named by
   * topic or id (`room-topic`) is sent by an account in it, whichever instance queues it.
   */
  async enqueue(items: OutboundItem[], account = this.account): Promise<number> {
    const rows = await this.rowsOf(items, account, this.prisma);
    if (!rows.length) return 0;
    // Pictures are rare (a chart a day per group): a call with one skips the batched text path,
    // its rows stored in one statement in the order given.
    if (rows.some((r) => r.image)) await this.prisma.outboundMessage.createMany({ data: rows });
    else await this.writes.submit(rows);
    this.poke();
    return rows.length;
  }

  /**
   * Queues messages inside the caller's transaction, so that they are stored if and only if the
   * caller's own change is (a round marked as having posted its results, a race moved on).
   * The caller pokes the dispatcher after the commit with `poke()`.
   */
  async enqueueIn(tx: Prisma.TransactionClient, items: OutboundItem[], account = this.account): Promise<number> {
    const rows = await this.rowsOf(items, account, tx);
    if (rows.length) await tx.outboundMessage.createMany({ data: rows });
    return rows.length;
  }

  private async rowsOf(items: OutboundItem[], account: string, db: QueueReader): Promise<OutboundRow[]> {
    const senders = await this.sendersOf(items, account, db);
    return items.flatMap((item): OutboundRow[] => {
      const route = item.target.kind === 'room-topic' ? senders.get(item.target.id) : undefined;
      const to = route
        ? { account: route.account, targetKind: 'room', target: route.roomId }
        : { account, targetKind: item.target.kind, target: item.target.id };
      if (item.image) return [{ ...to, body: item.image.name, image: item.image.data.toString('base64') }];
      return splitMessage(item.body, this.config.REPLY_MAX_CHARS).map((body) => ({ ...to, body }));
    });
  }

  /**
   * Rooms addressed by name go to the least loaded account in them, each room once. A room no
   * account is known to be in stays addressed by name on this account, which may still find it
   * by its topic, and is warned about: it fails visibly in the queue if not.
   */
  private async sendersOf(items: OutboundItem[], account: string, db: QueueReader) {
    const demand = new Map<string, number>();
    for (const { target } of items) if (target.kind === 'room-topic') demand.set(target.id, (demand.get(target.id) ?? 0) + 1);
    const { routes, missing } = await this.rooms.route(demand, (accounts) => this.pendingBy(accounts, db), db);
    if (missing.length) {
      this.logger.warn(`no account is known to be in room ${missing.map((m) => `"${m}"`).join(', ')}: account ${account} tries it by topic`);
    }
    return routes;
  }

  private async pendingBy(accounts: string[], db: QueueReader): Promise<Map<string, number>> {
    const rows = await db.outboundMessage.groupBy({ by: ['account'], where: { account: { in: accounts }, state: 'pending' }, _count: { _all: true } });
    return new Map(rows.map((r) => [r.account, r._count._all]));
  }

  /** Replies of many members at once share one INSERT; each caller returns once its rows are stored. */
  private async insertBatches(batches: OutboundRow[][]): Promise<void[]> {
    const rows = batches.flat();
    await this.prisma.sql.query(
      'INSERT INTO outbound_message (account, target_kind, target, body) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])',
      [rows.map((r) => r.account), rows.map((r) => r.targetKind), rows.map((r) => r.target), rows.map((r) => r.body)],
    );
    return batches.map(() => undefined);
  }

  attachSender(sender: MessageSender): void {
    this.sender = sender;
    this.poke();
  }

  /** Notifies after each successful send (the local chat console listens). */
  onSent(listener: (event: { id: string; target: OutboundTarget; body: string }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The latest messages sent into any of these conversations (one chat known by several targets), oldest first. */
  async sentTo(targets: OutboundTarget[], limit: number, account = this.account): Promise<SentMessage[]> {
    if (!targets.length) return [];
    const rows = await this.prisma.outboundMessage.findMany({
      where: { account, state: 'sent', OR: targets.map((t) => ({ targetKind: t.kind, target: t.id })) },
      select: { id: true, targetKind: true, target: true, body: true, sentAt: true },
      orderBy: { id: 'desc' },
      take: limit,
    });
    return rows.reverse().map((r) => ({
      id: String(r.id),
      target: { kind: r.targetKind as OutboundTarget['kind'], id: r.target },
      body: r.body,
      at: r.sentAt!,
    }));
  }

  async pendingCount(account = this.account): Promise<number> {
    return this.prisma.outboundMessage.count({ where: { account, state: 'pending' } });
  }

  /** Every account with queued messages, and this instance's own account even when it has none. */
  async status(now = new Date()): Promise<AccountQueueStatus[]> {
    const [byState, sentToday] = await Promise.all([
      this.prisma.outboundMessage.groupBy({ by: ['account', 'state'], where: { state: { in: ['pending', 'failed'] } }, _count: { _all: true }, _min: { createdAt: true } }),
      this.prisma.outboundMessage.groupBy({
        by: ['account'],
        where: { state: 'sent', sentAt: { gte: startOfLocalDay(now, this.config.TIMEZONE) } },
        _count: { _all: true },
      }),
    ]);
    const accounts = [...new Set([this.account, ...byState.map((r) => r.account), ...sentToday.map((r) => r.account)])].sort();
    return accounts.map((account) => {
      const pending = byState.find((r) => r.account === account && r.state === 'pending');
      const count = pending?._count._all ?? 0;
      return {
        account,
        pending: count,
        sentToday: sentToday.find((r) => r.account === account)?._count._all ?? 0,
        failed: byState.find((r) => r.account === account && r.state === 'failed')?._count._all ?? 0,
        oldestPendingAt: pending?._min.createdAt ?? null,
        drainEstimateSeconds: drainSeconds(count, this.pacing),
      };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.poke();
    await this.loop;
  }

  /** Notices a change (an enqueue by another instance, a sender ready again) sooner than the poll would. */
  poke(): void {
    this.woken = true;
    this.windowStale = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let waitMs = 1000;
      try {
        waitMs = await this.dispatchOne();
      } catch (err) {
        if (!this.running) break;
        this.logger.error(`dispatch failed: ${(err as Error).message}`);
      }
      if (waitMs > 0 && this.running) await this.sleep(waitMs);
    }
  }

  /** Sends the next due message if pacing allows; returns how long to wait before trying again. */
  private async dispatchOne(): Promise<number> {
    if (!this.sender?.isReady()) return 1000;
    const delay = this.pacer.delayFor(Date.now());
    if (delay > 0) return delay;
    const row = await this.nextInTurn();
    if (!row) return 1000;
    const target: OutboundTarget = { kind: row.target_kind as OutboundTarget['kind'], id: row.target };
    const now = Date.now();
    this.pacer.recordSend(now);
    this.turns.served(conversationOf(row));
    try {
      await this.sender.send(target, row.body, row.has_image ? await this.imageOf(row.id, row.body) : undefined);
    } catch (err) {
      const tries = row.tries + 1;
      const failed = tries >= this.config.OUTBOUND_MAX_TRIES;
      await this.prisma.outboundMessage.update({
        where: { id: row.id },
        data: {
          tries,
          lastError: String((err as Error)?.message ?? err).slice(0, 500),
          state: failed ? 'failed' : 'pending',
          notBefore: new Date(now + retryDelayMs(tries)),
        },
      });
      this.logger.warn(
        `send to ${target.kind} ${target.id} failed (try ${tries}${failed ? ', giving up' : ''}): ${(err as Error)?.message ?? err}`,
      );
      return 0;
    }
    await this.prisma.outboundMessage.update({ where: { id: row.id }, data: { state: 'sent', sentAt: new Date(), tries: row.tries + 1 } });
    for (const listener of this.listeners) listener({ id: String(row.id), target, body: row.body });
    return 0;
  }

  /**
   * The first pending message of each conversation that is due, oldest first, is fetched as a
   * window; of those, the conversation served longest ago goes next. The window is reused until
   * it runs out, grows old or something new is queued: a burst of thousands of replies then costs
   * one query per window rather than one per send. A conversation served from the window waits
   * for the next fetch to show its following message, so the others in the window go first.
   */
  private async nextInTurn(): Promise<QueuedRow | undefined> {
    if (this.windowStale || !this.window.length || Date.now() - this.windowFetchedAt > WINDOW_MAX_AGE_MS) {
      this.windowStale = false;
      this.windowFetchedAt = Date.now();
      // One sort of the pending rows: a NOT EXISTS on earlier rows of the conversation ran as a
      // nested loop, quadratic in the queue length. not_before is a timestamp without time zone
      // holding UTC: compare it with now() in UTC, not with now() itself, whose conversion would
      // depend on the session's TimeZone setting.
      this.window = await this.prisma.$queryRawUnsafe<QueuedRow[]>(
        `SELECT m.id, m.target_kind, m.target, m.body, m.tries, m.image IS NOT NULL AS has_image
           FROM outbound_message m
           JOIN (SELECT DISTINCT ON (target_kind, target) id, not_before
                   FROM outbound_message
                  WHERE account = $1 AND state = 'pending'
                  ORDER BY target_kind, target, id) head ON head.id = m.id
          WHERE head.not_before <= (now() AT TIME ZONE 'UTC')
          ORDER BY m.id
          LIMIT ${FAIR_WINDOW}`,
        this.account,
      );
    }
    const index = this.turns.pick(this.window.map((h) => ({ conversation: conversationOf(h) })));
    return index < 0 ? undefined : this.window.splice(index, 1)[0];
  }

  private async imageOf(id: bigint, name: string): Promise<OutboundImage> {
    const stored = await this.prisma.outboundMessage.findUniqueOrThrow({ where: { id }, select: { image: true } });
    return { name, data: Buffer.from(stored.image!, 'base64') };
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        this.woken = false;
        done();
      };
    });
  }
}
