import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import type { Round } from '../generated/prisma/client';
import { OutboundService } from '../outbound/outbound.service';
import { AttemptsService } from './attempts.service';
import { announcementText, formatTime, percent, scoreText } from './chat-text';
import { LeaderboardService } from './leaderboard.service';
import { QuizChatService } from './quiz-chat.service';
import { nextOccurrence } from './round-plan';

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
  private running = false;
  private lastCleanup = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(OutboundService) private readonly outbound: OutboundService,
    @Inject(AttemptsService) private readonly attempts: AttemptsService,
    @Inject(LeaderboardService) private readonly leaderboard: LeaderboardService,
    @Inject(QuizChatService) private readonly chat: QuizChatService,
    @Inject(SchedulerRegistry) private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const interval = setInterval(() => void this.tick(), this.config.QUIZ_TICK_MS);
    this.registry.addInterval('rounds', interval);
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', 'rounds')) this.registry.deleteInterval('rounds');
    await this.attempts.store.settle();
  }

  /** One pass over everything due; skipped while the previous pass still runs. */
  async tick(now = new Date()): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.openDue(now);
      await this.remindDue(now);
      await this.closeDue(now);
      const expired = await this.chat.expireDue(now);
      if (expired.length) await this.outbound.enqueue(expired.map((e) => ({ target: { kind: 'contact' as const, id: e.wechatId }, body: e.text })));
      await this.cleanup(now);
    } catch (err) {
      this.logger.error(`round schedule pass failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  private async openDue(now: Date): Promise<void> {
    const due = await this.prisma.round.findMany({ where: { status: 'scheduled', startsAt: { lte: now } }, orderBy: { startsAt: 'asc' } });
    for (const round of due) {
      const claimed = await this.prisma.round.updateMany({ where: { id: round.id, status: 'scheduled' }, data: { status: 'open', openedAt: now } });
      if (!claimed.count) continue;
      this.attempts.forgetRounds();
      this.logger.log(`round ${round.id} "${round.title}" opened`);
      if (round.endsAt > now) await this.toRooms(round, announcementText(round, this.config.TIMEZONE));
    }
  }

  private async remindDue(now: Date): Promise<void> {
    const lead = this.config.REMINDER_MINUTES_BEFORE_CLOSE * 60_000;
    if (lead <= 0) return;
    const due = await this.prisma.round.findMany({
      where: { status: 'open', remindedAt: null, endsAt: { gt: now, lte: new Date(now.getTime() + lead) } },
    });
    for (const round of due) {
      const claimed = await this.prisma.round.updateMany({ where: { id: round.id, remindedAt: null }, data: { remindedAt: now } });
      if (!claimed.count || !round.audienceRooms.length) continue;
      const threshold = this.config.REMINDER_PARTICIPATION_THRESHOLD;
      const behind = (await this.leaderboard.unitReport(round.id)).filter((u) => u.participationRate !== null && u.participationRate < threshold);
      const lines = [`【答题提醒】「${round.title}」将于 ${formatTime(round.endsAt, this.config.TIMEZONE)} 结束。`];
      if (behind.length) {
        lines.push(`参与率低于${percent(threshold)}的单位: ${behind.slice(0, 20).map((u) => `${u.unit}(${percent(u.participationRate)})`).join('、')}。`);
      }
      lines.push('还没参加的同志请抓紧私聊我发送「答题」。');
      await this.toRooms(round, lines.join('\n'));
    }
  }

  private async closeDue(now: Date): Promise<void> {
    const due = await this.prisma.round.findMany({ where: { status: 'open', endsAt: { lte: now } } });
    for (const round of due) {
      const claimed = await this.prisma.round.updateMany({ where: { id: round.id, status: 'open' }, data: { status: 'closed', closedAt: now } });
      if (!claimed.count) continue;
      await this.attempts.store.settle();
      const closedAttempts = await this.attempts.store.finishAll(round.id);
      this.attempts.forgetRounds();
      this.attempts.forgetAll();
      this.logger.log(`round ${round.id} "${round.title}" closed (${closedAttempts} unfinished attempts scored as they stood)`);
      await this.toRooms(round, await this.resultsText(round));
      await this.prisma.round.update({ where: { id: round.id }, data: { resultsPostedAt: new Date() } });
      if (round.recurrence) await this.scheduleNext(round);
    }
  }

  private async resultsText(round: Round): Promise<string> {
    const units = await this.leaderboard.unitReport(round.id);
    const top = await this.leaderboard.top(round.id, 5);
    const participants = units.reduce((s, u) => s + u.participants, 0);
    const attempts = units.reduce((s, u) => s + u.attempts, 0);
    const lines = [`【答题结果】${round.title}`, `共 ${participants} 人参与、${attempts} 人次。`];
    if (top.length) lines.push('个人前五:', ...top.map((t, i) => `${i + 1}. ${t.member}${t.unit ? `(${t.unit})` : ''} ${t.score}分`));
    const ranked = units.filter((u) => u.headcount > 0 || u.participants > 0).slice(0, 10);
    if (ranked.length) {
      lines.push('单位排行(参与率 / 平均分):', ...ranked.map((u, i) => `${i + 1}. ${u.unit} ${percent(u.participationRate)} / ${scoreText(u.meanScore)}`));
    }
    return lines.join('\n');
  }

  private async scheduleNext(round: Round): Promise<void> {
    const length = round.endsAt.getTime() - round.startsAt.getTime();
    const next = nextOccurrence(round.recurrence!, new Date(Math.max(round.endsAt.getTime(), Date.now())), length, this.config.TIMEZONE);
    const existing = await this.prisma.round.findFirst({ where: { parentRoundId: round.id } });
    if (existing) return;
    const { id: _id, status: _s, openedAt: _o, remindedAt: _r, closedAt: _c, resultsPostedAt: _p, createdAt: _ca, updatedAt: _u, ...settings } = round;
    const created = await this.prisma.round.create({ data: { ...settings, ...next, parentRoundId: round.id, status: 'scheduled' } });
    this.logger.log(`recurring round ${round.id}: next occurrence ${created.id} at ${created.startsAt.toISOString()}`);
  }

  private async toRooms(round: Round, text: string): Promise<void> {
    if (!round.audienceRooms.length) return;
    await this.outbound.enqueue(round.audienceRooms.map((topic) => ({ target: { kind: 'room-topic' as const, id: topic }, body: text })));
  }

  private async cleanup(now: Date): Promise<void> {
    if (now.getTime() - this.lastCleanup < 3_600_000) return;
    this.lastCleanup = now.getTime();
    await this.prisma.inboundMessage.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - INBOUND_KEEP_DAYS * 86_400_000) } } });
  }
}
