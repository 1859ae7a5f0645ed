import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';
import { MembersService, type MemberView } from '../members/members.service';
import type { StoredAttempt } from '../quiz/attempt-store';
import { AttemptsService, type RoundRuntime } from '../quiz/attempts.service';
import { correctAnswerText, originalIndexOfShown, scoreResponse, TRUE_FALSE_OPTIONS, TYPE_LABELS } from '../quiz/engine';
import { LeaderboardService } from '../quiz/leaderboard.service';
import { LinkProblem } from './link-problem';
import { webResponse, type WebAnswersInput } from './web-answers';
import { WebLinksService } from './web-links.service';

/** A submission this long after the deadline still counts: the page submits itself when time runs out. */
export const SUBMIT_GRACE_MS = 5_000;

export interface PaperQuestion {
  type: string;
  label: string;
  stem: string;
  options: string[];
}

export interface AttemptSummary {
  attemptId: number;
  score: number;
  maxScore: number;
  correctCount: number;
  total: number;
  late: boolean;
  rank: number;
  of: number;
  attemptsLeft: number;
}

/**
 * The quiz as the web page meets it, over the same attempts as chat: a member's link opens
 * their stored draw, progress is kept in the database, a submission scores the whole paper once.
 * Nothing here lives only in this process, so any instance can serve any request.
 */
@Injectable()
export class WebQuizService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(WebLinksService) private readonly links: WebLinksService,
    @Inject(AttemptsService) private readonly attempts: AttemptsService,
    @Inject(MembersService) private readonly members: MembersService,
    @Inject(LeaderboardService) private readonly leaderboard: LeaderboardService,
  ) {}

  /** The member and the open round a personal link names; a LinkProblem says why not. */
  async personal(token: string, now = new Date()): Promise<{ member: MemberView; round: RoundRuntime }> {
    const { memberId, round } = await this.claims(token, now);
    const member = await this.members.byId(memberId);
    if (!member) throw new LinkProblem('unknown');
    return { member, round };
  }

  /** The member id and the open round a personal link names, without reading the member. */
  private async claims(token: string, now: Date): Promise<{ memberId: number; round: RoundRuntime }> {
    const check = this.links.verify(token, now);
    if (!check.ok) throw new LinkProblem(check.reason);
    if (check.claims.kind !== 'personal') throw new LinkProblem('malformed');
    return { memberId: check.claims.memberId, round: await this.openRound(check.claims.roundId, now) };
  }

  /** A round open for the web; otherwise why it is not. */
  async openRound(roundId: number, now = new Date()): Promise<RoundRuntime> {
    const round = (await this.attempts.openRounds(now.getTime())).find((r) => r.id === roundId) ?? (await this.attempts.roundById(roundId));
    if (!round || !round.channels.includes('web')) throw new LinkProblem('unknown');
    if (round.status === 'scheduled') throw new LinkProblem('not-open');
    if (round.status !== 'open' || round.endsAt.getTime() <= now.getTime()) throw new LinkProblem('closed');
    return round;
  }

  /**
   * The paper behind a link: the unfinished attempt (on any device), else a new one on the first
   * visit, else the last result with the attempts left. The member and their attempts are read
   * at once; two requests starting the first attempt together get the same one (see AttemptStore).
   */
  async paper(token: string, options: { again?: boolean } = {}, now = new Date()) {
    const { memberId, round } = await this.claims(token, now);
    const [member, standing] = await Promise.all([this.members.byId(memberId), this.attempts.store.standing(memberId, round.id)]);
    if (!member) throw new LinkProblem('unknown');
    let attempt = standing.attempt?.finishedAt ? undefined : standing.attempt;
    let started = false;
    if (!attempt) {
      const { used } = standing;
      if (used > 0 && (!options.again || used >= round.attemptsAllowed)) {
        return { state: 'finished' as const, ...this.heading(round, member), summary: await this.summary(standing.attempt!, round, used) };
      }
      if (!(await this.attempts.mayTake(member, round))) throw new LinkProblem('not-audience');
      attempt = await this.attempts.start(member, round, 'web', now);
      // Another request started it and it was submitted in the same instant: show its result.
      if (attempt.finishedAt) return { state: 'finished' as const, ...this.heading(round, member), summary: await this.summary(attempt, round, used + 1) };
      started = true;
    }
    const deadline = deadlineOf(attempt, round);
    return {
      state: 'answering' as const,
      ...this.heading(round, member),
      attemptId: attempt.id,
      deadline: deadline.toISOString(),
      secondsLeft: Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000)),
      questions: (await this.items(attempt, round)).map(({ question, drawn }) => paperQuestion(question, drawn)),
      // An attempt started just now (here or by a request racing this one) has no progress yet.
      saved: started ? [] : await this.savedAnswers(attempt.id),
    };
  }

  /** Keeps the answers chosen so far, so a reload or another device resumes from them. */
  async saveProgress(token: string, input: WebAnswersInput, now = new Date()): Promise<{ saved: boolean }> {
    const { memberId, round } = await this.claims(token, now);
    const { attempt } = await this.ownAttempt(input.attemptId, memberId, round);
    if (attempt.finishedAt || now.getTime() > deadlineOf(attempt, round).getTime()) return { saved: false };
    await this.prisma.sql.prepared(
      `INSERT INTO web_progress (attempt_id, answers, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (attempt_id) DO UPDATE SET answers = EXCLUDED.answers, updated_at = now()`,
      [attempt.id, JSON.stringify(input.answers.slice(0, attempt.draw.length))],
    );
    return { saved: true };
  }

  /**
   * Scores the paper once: a second submission of the same attempt (here or on another instance)
   * returns the stored result, because the attempt is finished only by a conditional update.
   * After the deadline (and a few seconds' grace) every answer scores 0.
   */
  async submit(token: string, input: WebAnswersInput, now = new Date()): Promise<AttemptSummary> {
    const { memberId, round } = await this.claims(token, now);
    const { attempt, used } = await this.ownAttempt(input.attemptId, memberId, round);
    if (attempt.finishedAt) return this.summary(attempt, round, used);
    const late = now.getTime() > deadlineOf(attempt, round).getTime() + SUBMIT_GRACE_MS;
    const items = await this.items(attempt, round);
    const answers = items.map(({ question, drawn }, position) => {
      const raw = input.answers[position];
      const parsed = webResponse(question, raw);
      const scored = parsed ? scoreResponse(question, drawn, parsed) : { response: (raw ?? '').trim().slice(0, 50), correct: false, points: 0 };
      return { position, questionId: drawn.questionId, ...scored, ...(late ? { correct: false, points: 0 } : {}), messageId: null };
    });
    const finished = await this.attempts.submitSheet(attempt, answers, now);
    // 'moved-on': another request finished it first; its stored result is the answer.
    const stored = finished === 'moved-on' ? (await this.ownAttempt(attempt.id, memberId, round)).attempt : finished;
    return this.summary(stored, round, used);
  }

  /** A finished attempt with the unit's place and, question by question, the answers. */
  async result(token: string, attemptId: number, now = new Date()) {
    const { member, round } = await this.personal(token, now);
    const { attempt, used } = await this.ownAttempt(attemptId, member.id, round);
    if (!attempt.finishedAt) throw new LinkProblem('no-attempt');
    const [summary, items, answers, unit] = await Promise.all([
      this.summary(attempt, round, used),
      this.items(attempt, round),
      this.attempts.store.answersOf(attempt.id),
      member.unit ? this.leaderboard.unitPlace(round.id, member.unit) : undefined,
    ]);
    const byPosition = new Map(answers.map((a) => [a.position, a]));
    return {
      ...this.heading(round, member),
      summary,
      unit: unit ? { name: unit.row.unit, rank: unit.rank, of: unit.of } : null,
      questions: items.map(({ question, drawn }, position) => ({
        ...paperQuestion(question, drawn),
        response: byPosition.get(position)?.response ?? '',
        correct: byPosition.get(position)?.correct ?? false,
        answer: correctAnswerText(question, drawn),
        explanation: round.showExplanations ? (question.explanation ?? null) : null,
      })),
    };
  }

  private heading(round: RoundRuntime, member: MemberView) {
    return {
      title: round.title,
      member: member.name,
      unit: member.unit,
      attemptsAllowed: round.attemptsAllowed,
      secondsPerQuestion: round.secondsPerQuestion,
    };
  }

  private async summary(attempt: StoredAttempt, round: RoundRuntime, used: number): Promise<AttemptSummary> {
    // A member's only result may be newer than the ranking read a moment ago (see placeInHistogram).
    const firstResultAt = used === 1 ? (attempt.finishedAt ?? undefined) : undefined;
    const place = await this.leaderboard.rankForScore(round.id, round.scoreRule, attempt.score, firstResultAt);
    const finishedAt = attempt.finishedAt ?? new Date();
    return {
      attemptId: attempt.id,
      score: attempt.score,
      maxScore: attempt.maxScore,
      correctCount: attempt.correctCount,
      total: attempt.draw.length,
      late: finishedAt.getTime() > deadlineOf(attempt, round).getTime() + SUBMIT_GRACE_MS,
      rank: place.rank,
      of: place.of,
      attemptsLeft: Math.max(0, round.attemptsAllowed - used),
    };
  }

  private async ownAttempt(attemptId: number, memberId: number, round: RoundRuntime): Promise<{ attempt: StoredAttempt; used: number }> {
    const { attempt, used } = await this.attempts.store.byIdWithUsed(attemptId);
    if (!attempt || attempt.memberId !== memberId || attempt.roundId !== round.id || attempt.channel !== 'web') throw new LinkProblem('no-attempt');
    return { attempt, used };
  }

  private async items(attempt: StoredAttempt, round: RoundRuntime) {
    const items = [];
    for (let i = 0; i < attempt.draw.length; i++) {
      const item = await this.attempts.questionAt(attempt, round, i);
      if (!item) throw new LinkProblem('unknown');
      items.push(item);
    }
    return items;
  }

  private async savedAnswers(attemptId: number): Promise<Array<string | null>> {
    const [row] = await this.prisma.sql.prepared<{ answers: unknown }>('SELECT answers FROM web_progress WHERE attempt_id = $1', [attemptId]);
    const answers = typeof row?.answers === 'string' ? JSON.parse(row.answers) : row?.answers;
    return Array.isArray(answers) ? answers : [];
  }
}

/** When a web attempt's time is up: its questions' time from the start, and never after the round closes. */
export function deadlineOf(attempt: Pick<StoredAttempt, 'startedAt' | 'draw'>, round: Pick<RoundRuntime, 'endsAt' | 'secondsPerQuestion'>): Date {
  if (round.secondsPerQuestion <= 0) return round.endsAt;
  const byQuestions = attempt.startedAt.getTime() + attempt.draw.length * round.secondsPerQuestion * 1000;
  return new Date(Math.min(byQuestions, round.endsAt.getTime()));
}

/** A question as the page shows it, options in the member's drawn order; never its answer. */
function paperQuestion(question: import('../quiz/engine').QuestionDefinition, drawn: import('../quiz/engine').DrawnQuestion): PaperQuestion {
  const options =
    question.type === 'truefalse'
      ? [...TRUE_FALSE_OPTIONS]
      : question.type === 'fill'
        ? []
        : question.options.map((_, shown) => question.options[originalIndexOfShown(drawn, shown)]);
  return { type: question.type, label: TYPE_LABELS[question.type], stem: question.stem, options };
}
