import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';
import { unitsUnder, effectiveHeadcount } from '../members/audience';
import { RoundsService } from './rounds.service';
import { Cached } from '../common/cached';

export interface UnitRow {
  unit: string;
  headcount: number;
  participants: number;
  attempts: number;
  participationRate: number | null;
  meanScore: number | null;
  fullMarks: number;
}

export interface MemberScore {
  memberId: number;
  member: string;
  unit: string | null;
  score: number;
  maxScore: number;
  finishedAt: Date;
}

/** Each member's counted attempt of a round: the best (ties: latest) or the last finished one. */
const MEMBER_SCORES = `
  SELECT DISTINCT ON (a.member_id) a.member_id, a.unit_id, a.score, a.max_score, a.finished_at
    FROM attempt a
   WHERE a.round_id = $1 AND a.finished_at IS NOT NULL
   ORDER BY a.member_id, CASE WHEN $2 = 'best' THEN a.score ELSE 0 END DESC, a.started_at DESC`;

const HISTOGRAM_TTL_MS = 3000;

/** Scores, ranks and participation per unit, computed from the stored attempts. */
@Injectable()
export class LeaderboardService {
  private readonly histograms = new Map<string, Cached<{ counts: Array<{ score: number; n: number }>; total: number }>>();

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
  async rankForScore(roundId: number, scoreRule: string, score: number): Promise<{ rank: number; of: number }> {
    const key = `${roundId}:${scoreRule}`;
    let histogram = this.histograms.get(key);
    if (!histogram) {
      histogram = new Cached(async () => {
        const rows = await this.prisma.sql.query<{ score: number; n: number }>(
          `SELECT score, count(*)::int AS n FROM (${MEMBER_SCORES}) s GROUP BY score`,
          [roundId, scoreRule],
        );
        return { counts: rows, total: rows.reduce((sum, r) => sum + r.n, 0) };
      }, HISTOGRAM_TTL_MS);
      this.histograms.set(key, histogram);
    }
    const cached = await histogram.get();
    const better = cached.counts.filter((c) => c.score > score).reduce((sum, c) => sum + c.n, 0);
    return { rank: better + 1, of: Math.max(cached.total, better + 1) };
  }

  async unitReport(roundId: number): Promise<UnitRow[]> {
    const round = await this.rounds.find(roundId);
    // One aggregation per member (their unit at the attempt's start), then one per unit.
    const counted =
      round.scoreRule === 'best'
        ? `max(score) FILTER (WHERE finished_at IS NOT NULL) AS counted,
           bool_or(finished_at IS NOT NULL AND score = max_score AND max_score > 0) AS is_full`
        : `(array_agg(score ORDER BY started_at DESC) FILTER (WHERE finished_at IS NOT NULL))[1] AS counted,
           (array_agg(score = max_score AND max_score > 0 ORDER BY started_at DESC) FILTER (WHERE finished_at IS NOT NULL))[1] AS is_full`;
    const rows = await this.prisma.sql.query<any>(
      `WITH per_member AS (
          SELECT unit_id, count(*)::int AS attempts, ${counted}
            FROM attempt WHERE round_id = $1 GROUP BY member_id, unit_id)
       SELECT unit_id, count(*)::int AS participants, sum(attempts)::int AS attempts, avg(counted)::float AS mean_score,
              (count(*) FILTER (WHERE is_full))::int AS full_marks
         FROM per_member GROUP BY unit_id`,
      [roundId],
    );
    const units = await this.rounds.unitNodes();
    const audienceIds = round.audienceUnits.length
      ? unitsUnder(units.filter((u) => round.audienceUnits.includes(u.name)).map((u) => u.id), units)
      : new Set(units.map((u) => u.id));
    const byUnit = new Map(rows.map((r) => [r.unit_id === null ? null : Number(r.unit_id), r]));
    const report: UnitRow[] = [];
    for (const unit of units) {
      const row = byUnit.get(unit.id);
      if (!row && !audienceIds.has(unit.id)) continue;
      const headcount = effectiveHeadcount(unit, units);
      const participants = row?.participants ?? 0;
      report.push({
        unit: unit.name,
        headcount,
        participants,
        attempts: row?.attempts ?? 0,
        participationRate: headcount > 0 ? round4(participants / headcount) : null,
        meanScore: row?.mean_score === null || row?.mean_score === undefined ? null : round4(row.mean_score),
        fullMarks: row?.full_marks ?? 0,
      });
    }
    const unbound = byUnit.get(null);
    if (unbound) {
      report.push({
        unit: '（未绑定单位）',
        headcount: 0,
        participants: unbound.participants,
        attempts: unbound.attempts,
        participationRate: null,
        meanScore: unbound.mean_score === null ? null : round4(unbound.mean_score),
        fullMarks: unbound.full_marks,
      });
    }
    return report.sort(compareUnits);
  }

  async attempts(roundId: number) {
    await this.rounds.find(roundId);
    const rows = await this.prisma.sql.query<any>(
      `SELECT a.id, m.name AS member, m.wechat_id, u.name AS unit, a.channel, a.position AS answered, a.score, a.max_score,
              a.started_at, a.finished_at
         FROM attempt a JOIN member m ON m.id = a.member_id LEFT JOIN unit u ON u.id = a.unit_id
        WHERE a.round_id = $1 ORDER BY a.id`,
      [roundId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      member: r.member,
      wechatId: r.wechat_id,
      unit: r.unit,
      channel: r.channel,
      answered: r.answered,
      score: r.score,
      maxScore: r.max_score,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      finished: r.finished_at !== null,
    }));
  }

  async roundsOf(memberId: number) {
    return this.prisma.sql.query<any>(
      `SELECT r.id, r.title, r.status, r.score_rule, count(a.id)::int AS attempts,
              max(a.score) FILTER (WHERE a.finished_at IS NOT NULL) AS best,
              (array_agg(a.score ORDER BY a.started_at DESC) FILTER (WHERE a.finished_at IS NOT NULL))[1] AS last,
              max(a.max_score) AS max_score, bool_or(a.finished_at IS NULL) AS unfinished
         FROM attempt a JOIN round r ON r.id = a.round_id
        WHERE a.member_id = $1 GROUP BY r.id ORDER BY max(a.started_at) DESC LIMIT 10`,
      [memberId],
    );
  }
}

export function compareUnits(a: UnitRow, b: UnitRow): number {
  return (b.participationRate ?? -1) - (a.participationRate ?? -1) || (b.meanScore ?? -1) - (a.meanScore ?? -1) || a.unit.localeCompare(b.unit, 'zh');
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
