import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';
import type { Round } from '../generated/prisma/client';
import { unitsUnder, type UnitNode } from '../members/audience';
import type { MemberView } from '../members/members.service';
import { toDefinition } from './banks.service';
import { AttemptStore, type AnswerRow, type AttemptChannel, type AttemptProgress, type StoredAttempt } from './attempt-store';
import {
  drawQuestions,
  optionCountOf,
  pickedOptionBits,
  step,
  type AttemptSnapshot,
  type DrawnQuestion,
  type QuestionDefinition,
  type Transition,
} from './engine';
import { RoundsService } from './rounds.service';
import { Cached } from '../common/cached';

/** A round as the attempts see it: the stored row. */
export type RoundRuntime = Round;

export type QuestionWithId = QuestionDefinition & { id: number };

const ROUNDS_TTL_MS = 1000;
const QUESTIONS_TTL_MS = 30_000;
const UNITS_TTL_MS = 10_000;
const MAX_CACHED_ATTEMPTS = 200_000;

/**
 * Attempts over the database: which open rounds a member may take, starting with a random draw,
 * and moving an attempt on by one answer or timeout. Knows nothing of WeChat; the chat, the
 * answer sheet and any later channel share it.
 */
@Injectable()
export class AttemptsService {
  readonly store: AttemptStore;
  private readonly roundsCache: Cached<RoundRuntime[]>;
  private readonly questionCache = new Map<number, { at: number; byId: Map<number, QuestionWithId> }>();
  private readonly unitsCache: Cached<UnitNode[]>;
  /** memberId -> their unfinished attempt as last seen; a hint, checked by every conditional write. */
  private readonly activeCache = new Map<number, StoredAttempt | null>();

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(RoundsService) private readonly rounds: RoundsService,
  ) {
    this.store = new AttemptStore(prisma);
    this.roundsCache = new Cached(() => this.prisma.round.findMany({ where: { status: 'open' }, orderBy: { endsAt: 'asc' } }), ROUNDS_TTL_MS);
    this.unitsCache = new Cached(() => this.rounds.unitNodes(), UNITS_TTL_MS);
  }

  openRounds(now = Date.now()): Promise<RoundRuntime[]> {
    return this.roundsCache.get(now);
  }

  forgetRounds(): void {
    this.roundsCache.invalidate();
  }

  async nextScheduled(): Promise<RoundRuntime | null> {
    return this.prisma.round.findFirst({ where: { status: 'scheduled' }, orderBy: { startsAt: 'asc' } });
  }

  units(): Promise<UnitNode[]> {
    return this.unitsCache.get();
  }

  /** No audience units: everyone; otherwise members bound to one of them or a unit below. */
  async mayTake(member: Pick<MemberView, 'unitId'>, round: RoundRuntime): Promise<boolean> {
    if (!round.audienceUnits.length) return true;
    if (member.unitId === null) return false;
    const units = await this.units();
    return unitsUnder(units.filter((u) => round.audienceUnits.includes(u.name)).map((u) => u.id), units).has(member.unitId);
  }

  async questions(bankId: number): Promise<Map<number, QuestionWithId>> {
    const hit = this.questionCache.get(bankId);
    if (hit && hit.at > Date.now() - QUESTIONS_TTL_MS) return hit.byId;
    const rows = await this.prisma.question.findMany({ where: { bankId }, orderBy: { position: 'asc' } });
    const byId = new Map(rows.map((q) => [q.id, { ...toDefinition(q), id: q.id }]));
    this.questionCache.set(bankId, { at: Date.now(), byId });
    return byId;
  }

  /** The member's unfinished attempt in an open round, if any. */
  async active(memberId: number): Promise<{ attempt: StoredAttempt; round: RoundRuntime } | undefined> {
    const rounds = await this.openRounds();
    if (!rounds.length) return undefined;
    let attempt = this.activeCache.get(memberId);
    if (attempt === undefined) {
      attempt = (await this.store.unfinished(memberId, rounds.map((r) => r.id))) ?? null;
      this.remember(memberId, attempt);
    }
    if (!attempt || attempt.finishedAt) return undefined;
    const round = rounds.find((r) => r.id === attempt!.roundId);
    if (!round) {
      this.activeCache.delete(memberId);
      return undefined;
    }
    return { attempt, round };
  }

  async attemptsUsed(memberId: number, roundId: number): Promise<number> {
    return this.store.countFor(memberId, roundId);
  }

  async start(member: MemberView, round: RoundRuntime, channel: AttemptChannel, now: Date, random = Math.random): Promise<StoredAttempt> {
    const byId = await this.questions(round.bankId);
    const candidates = [...byId.values()].map((q) => ({ questionId: q.id, type: q.type, optionCount: optionCountOf(q) }));
    const draw = drawQuestions(candidates, round.questionCount, random);
    const maxScore = draw.reduce((sum, d) => sum + byId.get(d.questionId)!.points, 0);
    const deadline = channel === 'chat' && round.secondsPerQuestion > 0 ? new Date(now.getTime() + round.secondsPerQuestion * 1000) : null;
    const attempt = await this.store.create({ roundId: round.id, memberId: member.id, unitId: member.unitId, channel, draw, deadline, maxScore });
    this.remember(member.id, attempt);
    return attempt;
  }

  snapshotOf(attempt: StoredAttempt): AttemptSnapshot {
    return {
      position: attempt.position,
      total: attempt.draw.length,
      deadline: attempt.deadline,
      finished: attempt.finishedAt !== null,
      score: attempt.score,
      correctCount: attempt.correctCount,
    };
  }

  async questionAt(attempt: StoredAttempt, round: RoundRuntime, position = attempt.position): Promise<{ question: QuestionWithId; drawn: DrawnQuestion } | undefined> {
    const drawn = attempt.draw[position];
    if (!drawn) return undefined;
    const question = (await this.questions(round.bankId)).get(drawn.questionId) ?? (await this.reloadQuestion(round.bankId, drawn.questionId));
    return question && { question, drawn };
  }

  /**
   * Applies one event (an answer or a timeout tick) to the current question and stores it.
   * Returns the transition, or 'moved-on' when the stored attempt had already advanced.
   */
  async apply(
    attempt: StoredAttempt,
    round: RoundRuntime,
    event: { kind: 'answer'; text: string; now: Date; messageId: string } | { kind: 'tick'; now: Date },
  ): Promise<{ transition: Transition; attempt: StoredAttempt } | 'moved-on'> {
    const current = await this.questionAt(attempt, round);
    if (!current) return 'moved-on';
    const transition = step(this.snapshotOf(attempt), current.question, current.drawn, event, round.secondsPerQuestion);
    if (transition.kind !== 'scored' && transition.kind !== 'timed-out') return { transition, attempt };
    const answer =
      transition.kind === 'scored'
        ? { response: transition.response, correct: transition.correct, points: transition.points, messageId: event.kind === 'answer' ? event.messageId : null }
        : { response: '', correct: false, points: 0, messageId: null };
    const next = transition.next;
    const progress: AttemptProgress = {
      attemptId: attempt.id,
      expectedPosition: attempt.position,
      position: next.position,
      score: next.score,
      correctCount: next.correctCount,
      deadline: next.deadline,
      finished: next.finished,
      answers: [{ position: attempt.position, questionId: current.drawn.questionId, ...answer, picked: pickedOptionBits(current.drawn, answer.response) }],
    };
    if (!(await this.store.advance(progress))) {
      this.activeCache.delete(attempt.memberId);
      return 'moved-on';
    }
    const updated: StoredAttempt = {
      ...attempt,
      position: next.position,
      score: next.score,
      correctCount: next.correctCount,
      deadline: next.deadline,
      finishedAt: next.finished ? event.now : null,
    };
    this.remember(attempt.memberId, next.finished ? null : updated);
    return { transition, attempt: updated };
  }

  /** Scores a whole answer sheet at once. */
  async submitSheet(attempt: StoredAttempt, sheet: Array<Omit<AnswerRow, 'picked'>>, now: Date): Promise<StoredAttempt | 'moved-on'> {
    const answers = sheet.map((a) => ({ ...a, picked: attempt.draw[a.position] ? pickedOptionBits(attempt.draw[a.position], a.response) : 0 }));
    const score = answers.reduce((sum, a) => sum + a.points, 0);
    const correctCount = answers.filter((a) => a.correct).length;
    const stored = await this.store.advance({
      attemptId: attempt.id,
      expectedPosition: attempt.position,
      position: answers.length,
      score,
      correctCount,
      deadline: null,
      finished: true,
      finishedAt: now,
      answers,
    });
    if (!stored) {
      this.activeCache.delete(attempt.memberId);
      return 'moved-on';
    }
    this.remember(attempt.memberId, null);
    return { ...attempt, position: answers.length, score, correctCount, deadline: null, finishedAt: now };
  }

  async wechatIds(memberIds: number[]): Promise<Map<number, string>> {
    const rows = await this.prisma.member.findMany({ where: { id: { in: memberIds }, wechatId: { not: null } }, select: { id: true, wechatId: true } });
    return new Map(rows.map((r) => [r.id, r.wechatId!]));
  }

  /** The open round ending first, else the round closed last. */
  async currentOrLastRoundId(): Promise<number | undefined> {
    const open = await this.openRounds();
    if (open.length) return open[0].id;
    const last = await this.prisma.round.findFirst({ where: { status: 'closed' }, orderBy: { closedAt: 'desc' }, select: { id: true } });
    return last?.id;
  }

  async roundById(id: number) {
    return this.prisma.round.findUnique({ where: { id } });
  }

  /** Rooms named in the audience of open and scheduled rounds. */
  async audienceRooms(): Promise<string[]> {
    const rounds = await this.prisma.round.findMany({ where: { status: { in: ['open', 'scheduled'] } }, select: { audienceRooms: true } });
    return [...new Set(rounds.flatMap((r) => r.audienceRooms))];
  }

  forgetMember(memberId: number): void {
    this.activeCache.delete(memberId);
  }

  forgetAll(): void {
    this.activeCache.clear();
  }

  private remember(memberId: number, attempt: StoredAttempt | null): void {
    this.activeCache.delete(memberId);
    // A finished attempt is forgotten rather than cached as "none": a burst of finished members must not pile up.
    if (!attempt) return;
    this.activeCache.set(memberId, attempt);
    if (this.activeCache.size > MAX_CACHED_ATTEMPTS) {
      const oldest = this.activeCache.keys().next().value;
      if (oldest !== undefined) this.activeCache.delete(oldest);
    }
  }

  private async reloadQuestion(bankId: number, questionId: number): Promise<QuestionWithId | undefined> {
    this.questionCache.delete(bankId);
    return (await this.questions(bankId)).get(questionId);
  }
}
