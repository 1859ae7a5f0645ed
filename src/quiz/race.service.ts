import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';
import type { Race } from '../generated/prisma/client';
import type { MemberView } from '../members/members.service';
import { OutboundService } from '../outbound/outbound.service';
import { AttemptsService, type QuestionWithId } from './attempts.service';
import { correctAnswerText, drawQuestions, optionCountOf, parseResponse, renderQuestion, scoreResponse, type DrawnQuestion } from './engine';

const SECONDS_PER_QUESTION = 30;

interface RaceItem extends DrawnQuestion {
  bankId: number;
}

interface RaceScore {
  memberId: number;
  name: string;
  points: number;
}

/**
 * 抢答 in a group: the bot posts a question, the first correct answer scores, and after the
 * last question the group gets a leaderboard. The race lives in the database and its question
 * deadlines are met by the round scheduler's tick, so it goes on after a restart; every move is
 * a conditional update on the position, so one answer or one timeout moves it, once.
 */
@Injectable()
export class RaceService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Race');
  /** Rooms with a running race as last read: spares a query for every message in every group. */
  private running = new Set<string>();

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AttemptsService) private readonly attempts: AttemptsService,
    @Inject(OutboundService) private readonly outbound: OutboundService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refreshRunning();
  }

  active(roomId: string): boolean {
    return this.running.has(roomId);
  }

  async start(roomId: string, count: number, now = new Date()): Promise<string[]> {
    const busy = ['本群的抢答还在进行中。'];
    const current = await this.prisma.race.findUnique({ where: { roomId }, select: { finishedAt: true } });
    if (current && !current.finishedAt) return busy;
    const open = await this.attempts.openRounds();
    const bankId = open[0]?.bankId ?? (await this.prisma.bank.findFirst({ orderBy: { id: 'asc' }, select: { id: true } }))?.id;
    if (bankId === undefined) return ['还没有题库，无法发起抢答。'];
    const byId = await this.attempts.questions(bankId);
    const choice = [...byId.values()].filter((q) => q.type !== 'fill');
    const draw = drawQuestions(choice.map((q) => ({ questionId: q.id, type: q.type, optionCount: optionCountOf(q) })), Math.min(Math.max(count, 1), 20));
    if (!draw.length) return ['题库里没有可抢答的选择题。'];
    const items: RaceItem[] = draw.map((d) => ({ ...d, bankId }));
    const race = {
      account: this.outbound.account,
      items: items as object[],
      position: 0,
      deadline: deadlineFrom(now),
      scores: [],
      startedAt: now,
      finishedAt: null,
    };
    // A finished race in the room is replaced; of two starting at once, one wins.
    const claimed = current
      ? (await this.prisma.race.updateMany({ where: { roomId, finishedAt: { not: null } }, data: race })).count > 0
      : await this.prisma.race.create({ data: { roomId, ...race } }).then(
          () => true,
          (err: { code?: string }) => (err?.code === 'P2002' ? false : Promise.reject(err)),
        );
    if (!claimed) return busy;
    this.running.add(roomId);
    return [`【抢答开始】共${items.length}题，每题${SECONDS_PER_QUESTION}秒，直接在群里回复答案，最先答对者得分！\n\n${await this.questionText(items, 0)}`];
  }

  /** The first correct answer before the deadline wins the question; wrong answers and chatter stay unanswered. */
  async answer(roomId: string, member: MemberView, text: string, now = new Date()): Promise<string[] | null> {
    const race = await this.prisma.race.findUnique({ where: { roomId } });
    if (!race || race.finishedAt) {
      this.running.delete(roomId);
      return null;
    }
    if (race.deadline && race.deadline <= now) return null;
    const items = itemsOf(race);
    const current = await this.questionAt(items, race.position);
    if (!current) return null;
    const parsed = parseResponse(current.question.type, optionCountOf(current.question), text);
    if (parsed.kind !== 'answer' || !scoreResponse(current.question, current.drawn, parsed).correct) return null;
    const scores = scoresOf(race);
    const mine = scores.find((s) => s.memberId === member.id);
    if (mine) mine.points++;
    else scores.push({ memberId: member.id, name: member.name, points: 1 });
    const next = await this.advance(race, scores, now);
    if (!next) return null;
    return [`🎉 ${member.name} 抢答正确！答案：${correctAnswerText(current.question, current.drawn)}\n\n${next}`];
  }

  /** Moves on every race whose question timed out, posting the answer and what comes next to its room. */
  async expireDue(now = new Date()): Promise<void> {
    const due = await this.prisma.race.findMany({ where: { finishedAt: null, deadline: { lte: now } } });
    for (const race of due) {
      try {
        await this.expire(race, now);
      } catch (err) {
        this.logger.error(`抢答 in room ${race.roomId}: could not time out question ${race.position + 1}: ${(err as Error).message}`);
      }
    }
    await this.refreshRunning();
  }

  private async expire(race: Race, now: Date): Promise<void> {
    const items = itemsOf(race);
    const current = await this.questionAt(items, race.position);
    const answer = current ? `⏰ 时间到，正确答案：${correctAnswerText(current.question, current.drawn)}` : '⏰ 时间到。';
    const moved = await this.prisma.$transaction(async (tx) => {
      const next = await this.advance(race, scoresOf(race), now, tx);
      if (next) await this.outbound.enqueueIn(tx, [{ target: { kind: 'room', id: race.roomId }, body: `${answer}\n\n${next}` }], race.account);
      return next !== undefined;
    });
    if (moved) this.outbound.poke();
  }

  /**
   * Moves the race past its current question if it still stands there; returns the next
   * question or the final ranking, or undefined when someone else moved it first.
   */
  private async advance(race: Race, scores: RaceScore[], now: Date, tx: Pick<PrismaService, 'race'> = this.prisma): Promise<string | undefined> {
    const items = itemsOf(race);
    const position = race.position + 1;
    const finished = position >= items.length;
    const text = finished ? rankingText(scores) : await this.questionText(items, position);
    const moved = await tx.race.updateMany({
      where: { roomId: race.roomId, position: race.position, finishedAt: null },
      data: { position, scores: scores as object[], deadline: finished ? null : deadlineFrom(now), finishedAt: finished ? now : null },
    });
    if (!moved.count) return undefined;
    if (finished) this.running.delete(race.roomId);
    return text;
  }

  private async refreshRunning(): Promise<void> {
    const rows = await this.prisma.race.findMany({ where: { finishedAt: null }, select: { roomId: true } });
    this.running = new Set(rows.map((r) => r.roomId));
  }

  private async questionAt(items: RaceItem[], position: number): Promise<{ question: QuestionWithId; drawn: DrawnQuestion } | undefined> {
    const item = items[position];
    const question = item && (await this.attempts.questions(item.bankId)).get(item.questionId);
    return question ? { question, drawn: { questionId: item.questionId, order: item.order } } : undefined;
  }

  private async questionText(items: RaceItem[], position: number): Promise<string> {
    const current = await this.questionAt(items, position);
    if (!current) return `第${position + 1}题已从题库删除，本题跳过。`;
    return renderQuestion(current.question, current.drawn, position, items.length, SECONDS_PER_QUESTION).replace(/\n\([^)]*\)$/, '');
  }
}

function deadlineFrom(now: Date): Date {
  return new Date(now.getTime() + SECONDS_PER_QUESTION * 1000);
}

function itemsOf(race: Race): RaceItem[] {
  return race.items as unknown as RaceItem[];
}

function scoresOf(race: Race): RaceScore[] {
  return (race.scores as unknown as RaceScore[]).map((s) => ({ ...s }));
}

function rankingText(scores: RaceScore[]): string {
  const ranking = [...scores].sort((a, b) => b.points - a.points);
  return ranking.length
    ? ['【抢答结束】得分榜：', ...ranking.map((s, i) => `${i + 1}. ${s.name} ${s.points}题`)].join('\n')
    : '【抢答结束】本轮没有人答对。';
}
