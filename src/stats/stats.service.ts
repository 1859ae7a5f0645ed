import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import { RoundsService } from '../quiz/rounds.service';
import { unitsUnder } from '../members/audience';
import { countedAttemptsSql } from './counted-attempt';
import { DISCRIMINATION_METHOD, questionReport, type QuestionStat } from './question-report';
import { scoreBuckets, summarise, type Bucket } from './statistics';
import { inReportSession } from './report-session';
import { unitReport, type UnitRow } from './unit-report';
import { unitParticipationChart } from './charts';
import { ruleName } from './report-tables';

export interface ReportRound {
  id: number;
  title: string;
  scoreRule: string;
  audienceUnits: string[];
}

export interface ScoreReport {
  round: number;
  scoreRule: string;
  /** members with a finished counted attempt */
  participants: number;
  buckets: Bucket[];
  mean: number | null;
  median: number | null;
  max: number | null;
  /** the most marks an attempt could get */
  maxScore: number;
  /** members whose counted attempt has full marks */
  fullMarks: number;
}

export interface DayRow {
  day: string;
  participants: number;
  attempts: number;
  answers: number;
  newMembers: number;
}

export interface AttemptRow {
  id: number;
  member: string;
  wechatId: string | null;
  unit: string | null;
  parentUnit: string | null;
  channel: string;
  answered: number;
  correct: number;
  score: number;
  maxScore: number;
  startedAt: Date;
  finishedAt: Date | null;
  finished: boolean;
}

export interface MissingRow {
  member: string;
  wechatId: string | null;
  unit: string;
  parentUnit: string | null;
  boundAt: Date | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;
const PAGE = 5000;

/** Every report, over the stored rows: read by the API, the bot, the scheduler and the organiser pages. */
@Injectable()
export class StatsService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RoundsService) private readonly rounds: RoundsService,
  ) {}

  get timeZone(): string {
    return this.config.TIMEZONE;
  }

  async round(id: number): Promise<ReportRound> {
    const round = await this.prisma.round.findUnique({ where: { id }, select: { id: true, title: true, scoreRule: true, audienceUnits: true } });
    if (!round) throw new NotFoundException(`no round ${id}`);
    return round;
  }

  /** The ids of a named unit and everything below it; 400 for an unknown name. */
  private async subtreeIds(name: string): Promise<number[]> {
    const units = await this.rounds.unitNodes();
    const unit = units.find((u) => u.name === name);
    if (!unit) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `unit: no unit "${name}"`, field: 'unit' });
    return [...unitsUnder([unit.id], units)];
  }

  async units(roundId: number): Promise<UnitRow[]> {
    const round = await this.round(roundId);
    const units = await this.rounds.unitNodes();
    return inReportSession(this.prisma.sql, (tx) => unitReport(tx, round, units));
  }

  /** Participation by unit as a PNG: each unit with the units below it, highest rate first. */
  async unitsChart(round: ReportRound, rows: UnitRow[], limit: number): Promise<Buffer> {
    const charted = rows
      .filter((r) => r.subtree.headcount > 0)
      .map((r) => ({ unit: r.unit, headcount: r.subtree.headcount, participants: r.subtree.participants, participationRate: r.subtree.participationRate }))
      .sort((a, b) => (b.participationRate ?? -1) - (a.participationRate ?? -1) || a.unit.localeCompare(b.unit, 'zh'));
    const shown = charted.slice(0, limit);
    const subtitle = `计分规则：${ruleName(round.scoreRule)}；${shown.length < charted.length ? `参与率最高的 ${shown.length} 个单位（共 ${charted.length} 个）` : `共 ${charted.length} 个单位`}，含下级单位，括号内为参与人数/应参与人数`;
    return unitParticipationChart(`${round.title}：各单位参与率`, subtitle, shown);
  }

  async questions(roundId: number): Promise<{ round: number; scoreRule: string; discriminationMethod: string; questions: QuestionStat[] }> {
    const round = await this.round(roundId);
    return { round: round.id, scoreRule: round.scoreRule, discriminationMethod: DISCRIMINATION_METHOD, questions: await inReportSession(this.prisma.sql, (tx) => questionReport(tx, round)) };
  }

  async scores(roundId: number): Promise<ScoreReport> {
    const round = await this.round(roundId);
    const rows = await inReportSession(this.prisma.sql, (tx) =>
      tx.query<{ score: number; max_score: number; n: number }>(
        `SELECT score, max_score, count(*)::int AS n FROM (${countedAttemptsSql('$1', '$2', { finishedOnly: true })}) c GROUP BY score, max_score`,
        [round.id, round.scoreRule],
      ),
    );
    const counts = rows.map((r) => ({ score: r.score, count: r.n }));
    const maxScore = rows.reduce((m, r) => Math.max(m, r.max_score), 0);
    const summary = summarise(counts);
    return {
      round: round.id,
      scoreRule: round.scoreRule,
      participants: summary.n,
      buckets: scoreBuckets(counts, maxScore),
      mean: summary.mean,
      median: summary.median,
      max: summary.max,
      maxScore,
      fullMarks: rows.filter((r) => r.max_score > 0 && r.score === r.max_score).reduce((s, r) => s + r.n, 0),
    };
  }

  /** Per day in TIMEZONE: members starting an attempt, attempts, answers and newly bound members. */
  async daily(query: { from?: string; to?: string; unit?: string; round?: string }): Promise<{ from: string; to: string; timeZone: string; unit: string | null; round: number | null; days: DayRow[] }> {
    const to = query.to ?? new Date().toLocaleDateString('en-CA', { timeZone: this.timeZone });
    const from = query.from ?? shiftDay(to, -13);
    for (const [field, value] of [['from', from], ['to', to]] as const) {
      if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${field}: a date YYYY-MM-DD expected`, field });
      }
    }
    const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (span < 0 || span >= MAX_DAYS) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `to: from 1 to ${MAX_DAYS} days after from`, field: 'to' });
    }
    let roundId: number | null = null;
    if (query.round !== undefined && query.round !== '') {
      roundId = Number(query.round);
      if (!Number.isInteger(roundId) || roundId <= 0) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'round: a round id expected', field: 'round' });
      await this.round(roundId);
    }
    const unitIds = query.unit ? await this.subtreeIds(query.unit) : null;
    const params: unknown[] = [from, to, this.timeZone];
    const attemptFilter: string[] = [];
    if (roundId !== null) attemptFilter.push(`a.round_id = $${params.push(roundId)}`);
    let memberFilter = '';
    if (unitIds) {
      const p = params.push(unitIds);
      attemptFilter.push(`a.unit_id = ANY($${p}::int[])`);
      memberFilter = ` AND m.unit_id = ANY($${p}::int[])`;
    }
    const local = (column: string) => `((${column} AT TIME ZONE 'UTC') AT TIME ZONE $3)::date`;
    // Answers are many: they are counted in quarter-hour slots first (every zone's offset is a
    // multiple of 15 minutes), so only the slots are converted to the zone's days.
    const and = attemptFilter.map((f) => ` AND ${f}`).join('');
    const rows = await inReportSession(this.prisma.sql, (tx) => tx.query<DayRow>(
      `WITH b AS (SELECT (($1::date)::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC' AS lo,
                         ((($2::date + 1))::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC' AS hi),
            att AS (SELECT ${local('a.started_at')} AS day, count(*)::int AS attempts, count(DISTINCT a.member_id)::int AS participants
                      FROM attempt a, b WHERE a.started_at >= b.lo AND a.started_at < b.hi${and} GROUP BY 1),
            ans AS (SELECT ${local('s.slot')} AS day, sum(s.n)::int AS answers
                      FROM (SELECT date_bin('15 minutes', an.answered_at, TIMESTAMP '2000-01-01') AS slot, count(*) AS n
                              FROM answer an${and ? ' JOIN attempt a ON a.id = an.attempt_id' : ''}, b
                             WHERE an.answered_at >= b.lo AND an.answered_at < b.hi${and} GROUP BY 1) s
                     GROUP BY 1),
            mem AS (SELECT ${local('m.bound_at')} AS day, count(*)::int AS members
                      FROM member m, b WHERE m.bound_at >= b.lo AND m.bound_at < b.hi${memberFilter} GROUP BY 1)
       SELECT to_char(d, 'YYYY-MM-DD') AS day, coalesce(att.participants, 0) AS participants, coalesce(att.attempts, 0) AS attempts,
              coalesce(ans.answers, 0) AS answers, coalesce(mem.members, 0) AS "newMembers"
         FROM generate_series($1::date, $2::date, interval '1 day') d
         LEFT JOIN att ON att.day = d::date LEFT JOIN ans ON ans.day = d::date LEFT JOIN mem ON mem.day = d::date
        ORDER BY d`,
      params,
    ));
    return { from, to, timeZone: this.timeZone, unit: query.unit ?? null, round: roundId, days: rows };
  }

  /** Bound members of the round's audience (all units when it names none), optionally under one unit, without an attempt. */
  async missing(roundId: number, unit?: string): Promise<MissingRow[]> {
    const round = await this.round(roundId);
    const units = await this.rounds.unitNodes();
    let ids: Set<number> | null = round.audienceUnits.length
      ? unitsUnder(units.filter((u) => round.audienceUnits.includes(u.name)).map((u) => u.id), units)
      : null;
    if (unit) {
      const under = new Set(await this.subtreeIds(unit));
      ids = ids ? new Set([...ids].filter((id) => under.has(id))) : under;
    }
    const rows = await this.prisma.sql.query<any>(
      `SELECT m.name AS member, m.wechat_id, u.name AS unit, p.name AS parent, m.bound_at AT TIME ZONE 'UTC' AS bound_at
         FROM member m JOIN unit u ON u.id = m.unit_id LEFT JOIN unit p ON p.id = u.parent_id
        WHERE m.wechat_id IS NOT NULL AND m.bound_at IS NOT NULL
          AND ($2::int[] IS NULL OR m.unit_id = ANY($2::int[]))
          AND NOT EXISTS (SELECT 1 FROM attempt a WHERE a.round_id = $1 AND a.member_id = m.id)
        ORDER BY u.name, m.name, m.id`,
      [round.id, ids ? [...ids] : null],
    );
    return rows.map((r) => ({ member: r.member, wechatId: r.wechat_id, unit: r.unit, parentUnit: r.parent, boundAt: r.bound_at }));
  }

  /** Every attempt of a round, read in pages so that an export of any size keeps memory flat. */
  async *attemptPages(roundId: number, pageSize = PAGE): AsyncGenerator<AttemptRow[]> {
    let after = 0;
    for (;;) {
      const rows = await this.prisma.sql.query<any>(
        `SELECT a.id, m.name AS member, m.wechat_id, u.name AS unit, p.name AS parent, a.channel, a.position AS answered,
                a.correct_count, a.score, a.max_score,
                a.started_at AT TIME ZONE 'UTC' AS started_at, a.finished_at AT TIME ZONE 'UTC' AS finished_at
           FROM attempt a JOIN member m ON m.id = a.member_id LEFT JOIN unit u ON u.id = a.unit_id LEFT JOIN unit p ON p.id = u.parent_id
          WHERE a.round_id = $1 AND a.id > $2 ORDER BY a.id LIMIT $3`,
        [roundId, after, pageSize],
      );
      if (!rows.length) return;
      yield rows.map((r) => ({
        id: Number(r.id),
        member: r.member,
        wechatId: r.wechat_id,
        unit: r.unit,
        parentUnit: r.parent,
        channel: r.channel,
        answered: r.answered,
        correct: r.correct_count,
        score: r.score,
        maxScore: r.max_score,
        startedAt: asDate(r.started_at)!,
        finishedAt: asDate(r.finished_at),
        finished: r.finished_at !== null,
      }));
      after = Number(rows[rows.length - 1].id);
      if (rows.length < pageSize) return;
    }
  }

  async attempts(roundId: number): Promise<AttemptRow[]> {
    await this.round(roundId);
    const all: AttemptRow[] = [];
    for await (const page of this.attemptPages(roundId)) all.push(...page);
    return all;
  }
}

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The columns are timestamps without time zone holding UTC; the queries read them `AT TIME ZONE 'UTC'`
 * so that the drivers get an instant whatever the process's zone. A string is read as UTC.
 */
function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}
