import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import type { Prisma, Round } from '../generated/prisma/client';
import { OutboundService, type OutboundItem } from '../outbound/outbound.service';
import { AttemptsService } from './attempts.service';
import { announcementText, formatTime, percent, rankingLine, scoreText } from './chat-text';
import { LeaderboardService } from './leaderboard.service';
import { QuizChatService } from './quiz-chat.service';
import { RaceService } from './race.service';
import { nextOccurrence } from './round-plan';
import { WebLinksService } from '../web/web-links.service';

const INBOUND_KEEP_DAYS = 7;

/**
 * Drives rounds from the database: opens, reminds and closes them when due (also after the
 * service was down), times out questions, and posts announcements, reminders and results
 * through the outbound queue. Every transition is claimed with a conditional update, so that
 * several instances on one database perform each exactly once.
 */
@Injectable()
export class RoundSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Rounds');
  /** The pass under way, if any: a stop waits for it, so it never finds the database closed. */
  private pass?: Promise<void>;
  private stopping = false;
  private lastCleanup = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(OutboundService) private readonly outbound: OutboundService,
    @Inject(AttemptsService) private readonly attempts: AttemptsService,
    @Inject(LeaderboardService) private readonly leaderboard: LeaderboardService,
    @Inject(QuizChatService) private readonly chat: QuizChatService,
    @Inject(RaceService) private readonly race: RaceService,
    @Inject(SchedulerRegistry) private readonly registry: SchedulerRegistry,
    @Inject(WebLinksService) private readonly links: WebLinksService,
  ) {}

  onApplicationBootstrap(): void {
    // tick() never rejects: every step catches and logs its own failure.
    const interval = setInterval(() => void this.tick(), this.config.QUIZ_TICK_MS);
    this.registry.addInterval('rounds', interval);
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.registry.doesExist('interval', 'rounds')) this.registry.deleteInterval('rounds');
    await this.pass;
    await this.attempts.store.settle();
  }

  /**
   * One pass over everything due; skipped while the previous pass still runs. Each step, and
   * each round within a step, fails alone: the others go on and the failed one is tried again
   * on the next pass.
   */
  async tick(now = new Date()): Promise<void> {
    if (this.pass || this.stopping) return;
    this.pass = this.runPass(now);
    await this.pass;
  }

  private async runPass(now: Date): Promise<void> {
    try {
      await this.step('opening rounds', () => this.openDue(now));
      await this.step('reminding rounds', () => this.remindDue(now));
      await this.step('closing rounds', () => this.closeDue(now));
      await this.step('posting results', () => this.resultsDue());
      await this.step('timing out questions', async () => {
        const expired = await this.chat.expireDue(now);
        if (expired.length) await this.outbound.enqueue(expired.map((e) => ({ target: { kind: 'contact' as const, id: e.wechatId }, body: e.text })));
      });
      await this.step('timing out 抢答 questions', () => this.race.expireDue(now));
      await this.step('cleaning up', () => this.cleanup(now));
    } finally {
      this.pass = undefined;
    }
  }

  private async step(what: string, work: () => Promise<void>): Promise<void> {
    if (this.stopping) return;
    try {
      await work();
    } catch (err) {
      this.logger.error(`${what} failed: ${(err as Error).message}`);
    }
  }

  private async eachRound(rounds: Round[], what: string, work: (round: Round) => Promise<void>): Promise<void> {
    for (const round of rounds) await this.step(`${what} round ${round.id}`, () => work(round));
  }

  private async openDue(now: Date): Promise<void> {
    const due = await this.prisma.round.findMany({ where: { status: 'scheduled', startsAt: { lte: now } }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });
    await this.eachRound(due, 'opening', async (round) => {
      const announcement = round.endsAt > now ? this.roomItems(round, announcementText(round, this.config.TIMEZONE, this.links.groupLink(round))) : [];
      const opened = await this.claimAndPost(async (tx) => (await tx.round.updateMany({ where: { id: round.id, status: 'scheduled' }, data: { status: 'open', openedAt: now } })).count > 0, announcement);
      if (!opened) return;
      this.attempts.forgetRounds();
      this.logger.log(`round ${round.id} "${round.title}" opened`);
    });
  }

  private async remindDue(now: Date): Promise<void> {
    const lead = this.config.REMINDER_MINUTES_BEFORE_CLOSE * 60_000;
    if (lead <= 0) return;
    const due = await this.prisma.round.findMany({
      where: { status: 'open', remindedAt: null, endsAt: { gt: now, lte: new Date(now.getTime() + lead) } },
    });
    await this.eachRound(due, 'reminding', async (round) => {
      const text = round.audienceRooms.length ? await this.reminderText(round) : '';
      await this.claimAndPost(async (tx) => (await tx.round.updateMany({ where: { id: round.id, remindedAt: null }, data: { remindedAt: now } })).count > 0, this.roomItems(round, text));
    });
  }

  private async reminderText(round: Round): Promise<string> {
    const threshold = this.config.REMINDER_PARTICIPATION_THRESHOLD;
    const behind = (await this.leaderboard.unitReport(round.id)).filter((u) => u.participationRate !== null && u.participationRate < threshold);
    const lines = [`【答题提醒】「${round.title}」将于 ${formatTime(round.endsAt, this.config.TIMEZONE)} 结束。`];
    if (behind.length) {
      lines.push(`参与率低于${percent(threshold)}的单位：${behind.slice(0, 20).map((u) => `${u.unit}（${percent(u.participationRate)}）`).join('、')}。`);
    }
    lines.push('还没参加的同志请抓紧私聊我发送「答题」。');
    return lines.join('\n');
  }

  /** A transition and the messages it posts, in one transaction: a failure leaves the transition due for the next pass. */
  private async claimAndPost(claim: (tx: Prisma.TransactionClient) => Promise<boolean>, items: OutboundItem[]): Promise<boolean> {
    const done = await this.prisma.$transaction(async (tx) => {
      if (!(await claim(tx))) return false;
      await this.outbound.enqueueIn(tx, items);
      return true;
    });
    if (done && items.length) this.outbound.poke();
    return done;
  }

  private async closeDue(now: Date): Promise<void> {
    const due = await this.prisma.round.findMany({ where: { status: 'open', endsAt: { lte: now } } });
    await this.eachRound(due, 'closing', async (round) => {
      const claimed = await this.prisma.round.updateMany({ where: { id: round.id, status: 'open' }, data: { status: 'closed', closedAt: now } });
      if (!claimed.count) return;
      this.attempts.forgetRounds();
      this.logger.log(`round ${round.id} "${round.title}" closed`);
      await this.postResults(round);
    });
  }

  /** Closed rounds whose results are not out yet: a failure after closing is made good here. */
  private async resultsDue(): Promise<void> {
    const due = await this.prisma.round.findMany({ where: { status: 'closed', resultsPostedAt: null }, orderBy: { closedAt: 'asc' }, take: 50 });
    await this.eachRound(due, 'posting the results of', (round) => this.postResults(round));
  }

  /**
   * Scores unfinished attempts as they stand, then in one transaction marks the results posted,
   * queues them for the rooms and schedules a recurring round's next occurrence: all of it
   * happens or none does, and what did not happen is tried again on the next pass. Every part
   * is safe to repeat.
   */
  private async postResults(round: Round): Promise<void> {
    await this.attempts.store.settle();
    const closedAttempts = await this.attempts.store.finishAll(round.id);
    this.attempts.forgetAll();
    if (closedAttempts) this.logger.log(`round ${round.id}: ${closedAttempts} unfinished attempts scored as they stood`);
    const text = await this.resultsText(round);
    const next = this.nextOf(round);
    let created: Round | undefined;
    await this.claimAndPost(async (tx) => {
      const claimed = await tx.round.updateMany({ where: { id: round.id, status: 'closed', resultsPostedAt: null }, data: { resultsPostedAt: new Date() } });
      if (!claimed.count) return false;
      if (next && !(await tx.round.findFirst({ where: { parentRoundId: round.id }, select: { id: true } }))) {
        const { id: _id, status: _s, openedAt: _o, remindedAt: _r, closedAt: _c, resultsPostedAt: _p, createdAt: _ca, updatedAt: _u, ...settings } = round;
        created = await tx.round.create({ data: { ...settings, ...next, parentRoundId: round.id, status: 'scheduled' } });
      }
      return true;
    }, this.roomItems(round, text));
    if (created) this.logger.log(`recurring round ${round.id}: next occurrence ${created.id} at ${created.startsAt.toISOString()}`);
  }

  /** A recurrence that no longer reads (stored before it was checked) ends the chain, but never holds up the results. */
  private nextOf(round: Round): { startsAt: Date; endsAt: Date } | undefined {
    if (!round.recurrence) return undefined;
    try {
      const length = round.endsAt.getTime() - round.startsAt.getTime();
      return nextOccurrence(round.recurrence, new Date(Math.max(round.endsAt.getTime(), Date.now())), length, this.config.TIMEZONE);
    } catch (err) {
      this.logger.error(`round ${round.id}: recurrence "${round.recurrence}" is not a cron expression, no next occurrence: ${(err as Error).message}`);
      return undefined;
    }
  }

  private async resultsText(round: Round): Promise<string> {
    const units = await this.leaderboard.unitReport(round.id);
    const top = await this.leaderboard.top(round.id, 5);
    const participants = units.reduce((s, u) => s + u.participants, 0);
    const attempts = units.reduce((s, u) => s + u.attempts, 0);
    const lines = [`【答题结果】${round.title}`, `共 ${participants} 人参与、${attempts} 人次。`];
    if (top.length) lines.push('个人前五：', ...top.map((t, i) => rankingLine(i + 1, t, this.config.RANKING_FULL_NAMES)));
    const ranked = units.filter((u) => u.headcount > 0 || u.participants > 0).slice(0, 10);
    if (ranked.length) {
      lines.push('单位排行（参与率 / 平均分）：', ...ranked.map((u, i) => `${i + 1}. ${u.unit} ${percent(u.participationRate)} / ${scoreText(u.meanScore)}`));
    }
    return lines.join('\n');
  }

  private roomItems(round: Round, text: string): OutboundItem[] {
    if (!text) return [];
    return round.audienceRooms.map((topic) => ({ target: { kind: 'room-topic' as const, id: topic }, body: text }));
  }

  private async cleanup(now: Date): Promise<void> {
    if (now.getTime() - this.lastCleanup < 3_600_000) return;
    this.lastCleanup = now.getTime();
    await this.prisma.inboundMessage.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - INBOUND_KEEP_DAYS * 86_400_000) } } });
  }
}
