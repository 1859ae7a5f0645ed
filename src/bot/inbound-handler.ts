import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import { isDatabaseUnavailable } from '../db/unavailable';
import { OutboundService } from '../outbound/outbound.service';
import { HoldingQueue, type Held } from './holding-queue';
import type { InboundChat, Reply } from './inbound';
import { MessageRouter } from './router';

const PROBE_MIN_MS = 500;
const PROBE_MAX_MS = 10_000;
const REPLAY_BATCH = 100;

interface HeldMessage {
  chat: InboundChat;
  /** Set once routed: only storing the replies is left. */
  replies?: Reply[];
}

/**
 * Takes each member's message to the router and its replies to the outbound queue. While the
 * database is unreachable, messages are kept in memory (bounded, in order per member) and
 * answered once a probe finds the database back, instead of being lost.
 */
@Injectable()
export class InboundHandler implements OnApplicationShutdown {
  private readonly logger = new Logger('Inbound');
  private readonly held: HoldingQueue<HeldMessage>;
  /** Held or being replayed, per member: a newer message of theirs must wait behind these. */
  private readonly pending = new Map<string, number>();
  private outage = false;
  private draining = false;
  private stopped = false;
  private probeTimer?: NodeJS.Timeout;
  private probeDelay = PROBE_MIN_MS;
  private dropped = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(MessageRouter) private readonly router: MessageRouter,
    @Inject(OutboundService) private readonly outbound: OutboundService,
  ) {
    this.held = new HoldingQueue(config.INBOUND_HOLD_MAX);
  }

  get heldCount(): number {
    return this.held.size;
  }

  async handle(chat: InboundChat): Promise<void> {
    const message: HeldMessage = { chat };
    if (this.outage || this.pending.has(chat.talker.id)) {
      this.hold(message);
      return;
    }
    if (!(await this.process(message))) {
      this.hold(message);
      this.startOutage();
    }
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.probeTimer);
    if (this.held.size) this.logger.warn(`${this.held.size} held messages are left unanswered at shutdown`);
  }

  /** False when the database was unreachable; any other failure is logged and the message is done. */
  private async process(message: HeldMessage): Promise<boolean> {
    try {
      message.replies ??= await this.router.route(message.chat);
      if (message.replies.length) await this.outbound.enqueue(message.replies);
      return true;
    } catch (err) {
      if (isDatabaseUnavailable(err)) return false;
      this.logger.error(`could not handle message ${message.chat.messageId}: ${(err as Error)?.message ?? err}`);
      return true;
    }
  }

  private hold(message: HeldMessage): void {
    this.count(message.chat.talker.id, +1);
    this.forget(this.held.push(message.chat.talker.id, message));
  }

  private forget(dropped: Array<Held<HeldMessage>>): void {
    for (const entry of dropped) {
      this.count(entry.key, -1);
      this.dropped++;
      if (this.dropped === 1 || this.dropped % 1000 === 0) {
        this.logger.warn(
          `holding queue full (${this.held.size}): dropped the oldest message ${entry.item.chat.messageId} of ${entry.key} (${this.dropped} dropped so far)`,
        );
      }
    }
  }

  private count(key: string, delta: number): void {
    const next = (this.pending.get(key) ?? 0) + delta;
    if (next > 0) this.pending.set(key, next);
    else this.pending.delete(key);
  }

  private startOutage(): void {
    if (this.outage || this.stopped) return;
    this.outage = true;
    this.probeDelay = PROBE_MIN_MS;
    this.logger.warn("the database is unreachable: members' messages are held and answered once it is back");
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => void this.probe(), this.probeDelay);
    this.probeTimer.unref();
  }

  private async probe(): Promise<void> {
    if (this.stopped) return;
    if (!(await this.prisma.isReachable())) {
      this.probeDelay = Math.min(PROBE_MAX_MS, this.probeDelay * 2);
      this.scheduleProbe();
      return;
    }
    this.outage = false;
    this.logger.log(`the database is reachable again: answering ${this.held.size} held messages`);
    void this.drain();
  }

  /** Replays held messages in batches: members in parallel, each member's in order. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.outage && !this.stopped && this.held.size) {
        const batch = this.held.take(REPLAY_BATCH);
        const byMember = new Map<string, Array<Held<HeldMessage>>>();
        for (const entry of batch) byMember.set(entry.key, [...(byMember.get(entry.key) ?? []), entry]);
        const failed: Array<Held<HeldMessage>> = [];
        await Promise.all(
          [...byMember.values()].map(async (entries) => {
            for (const [i, entry] of entries.entries()) {
              if (!(await this.process(entry.item))) {
                failed.push(...entries.slice(i));
                return;
              }
              this.count(entry.key, -1);
            }
          }),
        );
        if (failed.length) {
          this.forget(this.held.putBack(failed));
          this.startOutage();
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
