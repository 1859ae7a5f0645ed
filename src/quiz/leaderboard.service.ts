import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';
import { countedAttempt, countedAttemptsSql } from '../stats/counted-attempt';
import { inReportSession } from '../stats/report-session';
import { unitReport, type UnitRow } from '../stats/unit-report';
import { RoundsService } from './rounds.service';
import { Cached } from '../common/cached';

export type { UnitRow } from '../stats/unit-report';
export { compareUnits } from '../stats/unit-report';

export interface MemberScore {
  memberId: number;
  member: string;
  unit: string | null;
  score: number;
  maxScore: number;
  finishedAt: Date;
}

/** Each member's counted finished attempt of a round (the rule lives in stats/counted-attempt). */
const MEMBER_SCORES = countedAttemptsSql('$1', '$2', { finishedOnly: true });

const HISTOGRAM_TTL_MS = 3000;

export interface ScoreHistogram {
  counts: Array<{ score: number; n: number }>;
  total: number;
  /** when its query started: results stored later are not in it */
  asOf: number;
}

/**
 * The place a score takes among the counted results. A member's first result finished after the
 * histogram was read is not in it yet: counting it makes a tie read 第1/2名, not 第1/1名.
 */
export function placeInHistogram(histogram: ScoreHistogram, score: number, firstResultAt?: Date): { rank: number; of: number } {
  const better = histogram.counts.filter((c) => c.score > score).reduce((sum, c) => sum + c.n, 0);
  const missingOwn = firstResultAt !== undefined && firstResultAt.getTime() >= histogram.asOf ? 1 : 0;
  return { rank: better + 1, of: Math.max(histogram.total + missingOwn, better + 1) };
}

/** Scores, ranks and participation per unit, computed from the stored attempts. */
export interface MemberRound {
  id: number;
  title: string;
  attempts: number;
  /** The counted score, or null while no attempt is finished. */
  counted: number | null;
  maxScore: number;
  unfinished: boolean;
}

@Injectable()
export class LeaderboardService {
  private readonly histograms = new Map<string, Cached<ScoreHistogram>>();

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(RoundsService) private readonly rounds: RoundsService,
  ) {}

  private async rule(roundId: number): Promise<string> {
    const round = await this.prisma.round.findUnique({ where: { id: roundId }, select: { scoreRule: true } });
    if (!round) throw new NotFoundException(`no round ${roundId}`);
    return round.scoreRule;
  }

  async top(roundId: number, limit = 10): Promise<MemberScore[]> {
    const rows = await this.prisma.sql.query<any>(
      `SELECT s.member_id, m.name AS member, u.name AS unit, s.score, s.max_score, s.finished_at
         FROM (${MEMBER_SCORES}) s JOIN member m ON m.id = s.member_id LEFT JOIN unit u ON u.id = s.unit_id
        ORDER BY s.score DESC, s.finished_at ASC LIMIT $3`,
      [roundId, await this.rule(roundId), limit],
    );
    return rows.map((r) => ({ memberId: r.member_id, member: r.member, unit: r.unit, score: r.score, maxScore: r.max_score, finishedAt: r.finished_at }));
  }

  /** A member's counted score and place in a round (1 = best), or undefined if they have not finished it. */
  async placeOf(roundId: number, memberId: number): Promise<{ score: number; maxScore: number; rank: number; of: number } | undefined> {
    const [row] = await this.prisma.sql.query<any>(
      `WITH s AS (${MEMBER_SCORES})
       SELECT me.score, me.max_score,
              (SELECT count(*)::int FROM s WHERE s.score > me.score) + 1 AS rank,
              (SELECT count(*)::int FROM s) AS total
         FROM s me WHERE me.member_id = $3`,
      [roundId, await this.rule(roundId), memberId],
    );
    return row ? { score: row.score, maxScore: row.max_score, rank: row.rank, of: row.total } : undefined;
  }

  /**
   * The place a score takes in a round, from a score histogram at most a few seconds old: cheap
   * enough to tell every member their rank the moment they finish, even in a burst.
   */
  async rankForScore(roundId: number, scoreRule: string, score: number, firstResultAt?: Date): Promise<{ rank: number; of: number }> {
    const key = `${roundId}:${scoreRule}`;
    let histogram = this.histograms.get(key);
    if (!histogram) {
      histogram = new Cached(async () => {
        const asOf = Date.now();
        const rows = await this.prisma.sql.query<{ score: number; n: number }>(
          `SELECT score, count(*)::int AS n FROM (${MEMBER_SCORES}) s GROUP BY score`,
          [roundId, scoreRule],
        );
        return { counts: rows, total: rows.reduce((sum, r) => sum + r.n, 0), asOf };
      }, HISTOGRAM_TTL_MS);
      this.histograms.set(key, histogram);
    }
    return placeInHistogram(await histogram.get(), score, firstResultAt);
  }

  /** Participation per unit with the roll-up over the unit tree: see stats/unit-report. */
  async unitReport(roundId: number): Promise<UnitRow[]> {
    const round = await this.rounds.find(roundId);
    const units = await this.rounds.unitNodes();
    return inReportSession(this.prisma.sql, (tx) => unitReport(tx, round, units));
  }

  /** Where a unit stands among the round's units, in the order of the unit report. */
  async unitPlace(roundId: number, unit: string): Promise<{ row: UnitRow; rank: number; of: number } | undefined> {
    const units = await this.unitReport(roundId);
    const index = units.findIndex((u) => u.unit === unit);
    return index >= 0 ? { row: units[index], rank: index + 1, of: units.length } : undefined;
  }

  /** A member's latest rounds with the score that counts in each (the round's rule, stats/counted-attempt). */
  async roundsOf(memberId: number): Promise<MemberRound[]> {
    const rows = await this.prisma.sql.query<any>(
      `WITH latest AS (
         SELECT round_id FROM attempt WHERE member_id = $1 GROUP BY round_id ORDER BY max(started_at) DESC LIMIT 10)
       SELECT r.id, r.title, r.score_rule, a.score, a.max_score, a.started_at, a.finished_at
         FROM attempt a JOIN latest l ON l.round_id = a.round_id JOIN round r ON r.id = a.round_id
        WHERE a.member_id = $1 ORDER BY a.started_at DESC`,
      [memberId],
    );
    const byRound = new Map<number, any[]>();
    for (const row of rows) byRound.set(row.id, [...(byRound.get(row.id) ?? []), row]);
    return [...byRound.values()].map((attempts) => {
      const [first] = attempts;
      const counted = countedAttempt(
        attempts.map((a) => ({ score: a.score, startedAt: new Date(a.started_at), finished: a.finished_at !== null })),
        first.score_rule,
      );
      return {
        id: first.id,
        title: first.title,
        attempts: attempts.length,
        counted: counted?.finished ? counted.score : null,
        maxScore: Math.max(...attempts.map((a) => a.max_score)),
        unfinished: attempts.some((a) => a.finished_at === null),
      };
    });
  }
}
