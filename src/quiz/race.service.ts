import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';
import type { MemberView } from '../members/members.service';
import { OutboundService } from '../outbound/outbound.service';
import { AttemptsService, type QuestionWithId } from './attempts.service';
import { correctAnswerText, drawQuestions, optionCountOf, parseResponse, renderQuestion, scoreResponse, type DrawnQuestion } from './engine';

const SECONDS_PER_QUESTION = 30;

interface Race {
  items: Array<{ question: QuestionWithId; drawn: DrawnQuestion }>;
  index: number;
  scores: Map<string, number>;
  timer?: NodeJS.Timeout;
}

/**
 * 抢答 in a group: the bot posts a question, the first correct answer scores, and after the
 * last question the group gets a leaderboard. Kept in memory: a race lasts minutes, and a
 * restart simply ends it.
 */
@Injectable()
export class RaceService implements OnApplicationShutdown {
  private readonly races = new Map<string, Race>();

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AttemptsService) private readonly attempts: AttemptsService,
    @Inject(OutboundService) private readonly outbound: OutboundService,
  ) {}

  active(roomId: string): boolean {
    return this.races.has(roomId);
  }

  async start(roomId: string, count: number): Promise<string[]> {
    if (this.races.has(roomId)) return ['本群的抢答还在进行中。'];
    const open = await this.attempts.openRounds();
    const bankId = open[0]?.bankId ?? (await this.prisma.bank.findFirst({ orderBy: { id: 'asc' }, select: { id: true } }))?.id;
    if (bankId === undefined) return ['还没有题库,无法发起抢答。'];
    const byId = await this.attempts.questions(bankId);
    const choice = [...byId.values()].filter((q) => q.type !== 'fill');
    const draw = drawQuestions(choice.map((q) => ({ questionId: q.id, type: q.type, optionCount: optionCountOf(q) })), Math.min(Math.max(count, 1), 20));
    if (!draw.length) return ['题库里没有可抢答的选择题。'];
    const race: Race = { items: draw.map((drawn) => ({ question: byId.get(drawn.questionId)!, drawn })), index: 0, scores: new Map() };
    this.races.set(roomId, race);
    this.armTimer(roomId, race);
    return [`【抢答开始】共${race.items.length}题,每题${SECONDS_PER_QUESTION}秒,直接在群里回复答案,最先答对者得分!\n\n${this.questionText(race)}`];
  }

  /** The first correct answer wins the question; wrong answers and chatter stay unanswered. */
  async answer(roomId: string, member: MemberView, text: string): Promise<string[] | null> {
    const race = this.races.get(roomId);
    if (!race) return null;
    const { question, drawn } = race.items[race.index];
    const parsed = parseResponse(question.type, optionCountOf(question), text);
    if (parsed.kind !== 'answer' || !scoreResponse(question, drawn, parsed).correct) return null;
    race.scores.set(member.name, (race.scores.get(member.name) ?? 0) + 1);
    const head = `🎉 ${member.name} 抢答正确!答案: ${correctAnswerText(question, drawn)}`;
    return [`${head}\n\n${this.advance(roomId, race)}`];
  }

  onApplicationShutdown(): void {
    for (const race of this.races.values()) clearTimeout(race.timer);
    this.races.clear();
  }

  private advance(roomId: string, race: Race): string {
    clearTimeout(race.timer);
    race.index++;
    if (race.index >= race.items.length) {
      this.races.delete(roomId);
      const ranking = [...race.scores.entries()].sort((a, b) => b[1] - a[1]);
      return ranking.length
        ? ['【抢答结束】得分榜:', ...ranking.map(([name, n], i) => `${i + 1}. ${name} ${n}题`)].join('\n')
        : '【抢答结束】本轮没有人答对。';
    }
    this.armTimer(roomId, race);
    return this.questionText(race);
  }

  private armTimer(roomId: string, race: Race): void {
    const index = race.index;
    race.timer = setTimeout(() => {
      if (this.races.get(roomId) !== race || race.index !== index) return;
      const { question, drawn } = race.items[index];
      const text = `⏰ 时间到,正确答案: ${correctAnswerText(question, drawn)}\n\n${this.advance(roomId, race)}`;
      void this.outbound.enqueue([{ target: { kind: 'room', id: roomId }, body: text }]);
    }, SECONDS_PER_QUESTION * 1000);
    race.timer.unref();
  }

  private questionText(race: Race): string {
    const { question, drawn } = race.items[race.index];
    return renderQuestion(question, drawn, race.index, race.items.length, SECONDS_PER_QUESTION).replace(/\n\([^)]*\)$/, '');
  }
}
