import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import { OutboundService, type OutboundItem } from '../outbound/outbound.service';
import { formatTime, percent } from '../quiz/chat-text';
import { StatsService } from './stats.service';
import type { UnitRow } from './unit-report';

/** Units named as leading and as lagging in a digest. */
const NAMED_UNITS = 3;
/** Units on a chart posted into a group: a phone screen's worth. */
const CHART_UNITS = 20;
/** A round closed longer ago than this gets no results chart (say, after a long downtime). */
const RESULTS_CHART_WITHIN_MS = 24 * 3_600_000;

interface RoomRound {
  id: number;
  title: string;
  audienceRooms: string[];
}

/**
 * Charts posted into the rounds' groups: every day at DIGEST_TIME (in TIMEZONE) a digest of each
 * open round (participation so far, the leading and the lagging units, the chart by unit), and the
 * chart with the results when a round closes. Driven from the database like the rounds: a digest
 * missed while the service was down is posted when it is back, and each post is claimed by one
 * instance in the same transaction that queues it.
 */
@Injectable()
export class DigestService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Digest');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(StatsService) private readonly stats: StatsService,
    @Inject(OutboundService) private readonly outbound: OutboundService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick()
        .catch((err) => this.logger.error(`posting charts failed: ${(err as Error).message}`))
        .finally(() => (this.running = undefined));
    }, Math.max(this.config.QUIZ_TICK_MS, 1000));
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async tick(now = new Date()): Promise<void> {
    await this.postResultCharts(now);
    if (this.config.DIGEST_TIME && localClock(now, this.config.TIMEZONE) >= this.config.DIGEST_TIME) await this.postDigests(now);
  }

  private async postDigests(now: Date): Promise<void> {
    const day = localDay(now, this.config.TIMEZONE);
    const rounds = await this.unposted(day, { status: 'open' });
    for (const round of rounds) {
      await this.post(round, day, async () => {
        const rows = await this.stats.units(round.id);
        const text = digestText(round.title, rows, formatTime(now, this.config.TIMEZONE));
        return [text, await this.chart(round.id, rows)];
      });
    }
  }

  private async postResultCharts(now: Date): Promise<void> {
    const rounds = await this.unposted('results', {
      status: 'closed',
      resultsPostedAt: { not: null },
      closedAt: { gte: new Date(now.getTime() - RESULTS_CHART_WITHIN_MS) },
    });
    for (const round of rounds) {
      await this.post(round, 'results', async () => ['', await this.chart(round.id, await this.stats.units(round.id))]);
    }
  }

  private async unposted(kind: string, where: Record<string, unknown>): Promise<RoomRound[]> {
    const rounds: RoomRound[] = await this.prisma.round.findMany({
      where: { ...where, NOT: { audienceRooms: { isEmpty: true } } },
      select: { id: true, title: true, audienceRooms: true },
    });
    if (!rounds.length) return [];
    const posted = await this.prisma.chartPost.findMany({ where: { kind, roundId: { in: rounds.map((r) => r.id) } }, select: { roundId: true } });
    const done = new Set(posted.map((p) => p.roundId));
    return rounds.filter((r) => !done.has(r.id));
  }

  /** Composes outside the transaction (charts take a while), then claims and queues in one. */
  private async post(round: RoomRound, kind: string, compose: () => Promise<[string, Buffer]>): Promise<void> {
    try {
      const [text, chart] = await compose();
      const items: OutboundItem[] = round.audienceRooms.flatMap((topic) => {
        const target = { kind: 'room-topic' as const, id: topic };
        const image = { target, body: '', image: { name: `${round.title}-单位参与率.png`, data: chart } };
        return text ? [{ target, body: text }, image] : [image];
      });
      const claimed = await this.prisma.$transaction(async (tx) => {
        const claim = await tx.chartPost.createMany({ data: [{ roundId: round.id, kind }], skipDuplicates: true });
        if (claim.count === 0) return false;
        await this.outbound.enqueueIn(tx, items);
        return true;
      });
      if (claimed) {
        this.outbound.poke();
        this.logger.log(`posted the ${kind === 'results' ? 'results chart' : `digest of ${kind}`} of round ${round.id} "${round.title}"`);
      }
    } catch (err) {
      this.logger.error(`round ${round.id}: posting the ${kind} chart failed: ${(err as Error).message}`);
    }
  }

  private async chart(roundId: number, rows: UnitRow[]): Promise<Buffer> {
    return this.stats.unitsChart(await this.stats.round(roundId), rows, CHART_UNITS);
  }
}

/** The digest posted into a round's groups. */
export function digestText(title: string, rows: UnitRow[], asOf: string): string {
  const roots = rows.filter((r) => !r.parent && r.subtree.headcount > 0);
  const headcount = roots.reduce((sum, r) => sum + r.subtree.headcount, 0);
  const participants = rows.reduce((sum, r) => sum + r.participants, 0);
  const attempts = rows.reduce((sum, r) => sum + r.attempts, 0);
  const rated = rows
    .filter((r) => r.headcount > 0 && r.participationRate !== null)
    .sort((a, b) => b.participationRate! - a.participationRate! || a.unit.localeCompare(b.unit, 'zh'));
  const named = (list: UnitRow[]) => list.map((r) => `${r.unit} ${percent(r.participationRate)}`).join('、');
  const lines = [
    `【每日通报】「${title}」截至 ${asOf}：共 ${participants} 人参与、${attempts} 人次` +
      (headcount > 0 ? `，参与率 ${percent(participants / headcount)}（应参与 ${headcount} 人）。` : '。'),
  ];
  const leading = rated.filter((r) => r.participationRate! > 0).slice(0, NAMED_UNITS);
  if (leading.length) lines.push(`参与率领先：${named(leading)}。`);
  const lagging = rated.slice(Math.max(leading.length, rated.length - NAMED_UNITS)).reverse();
  if (lagging.length) lines.push(`参与率较低：${named(lagging)}，请抓紧组织参与。`);
  lines.push('私聊我发送「答题」参加。');
  return lines.join('\n');
}

/** The date in `timeZone` as YYYY-MM-DD. */
function localDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The wall-clock time in `timeZone` as HH:mm. */
function localClock(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
}
