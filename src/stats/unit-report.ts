import type { SqlClient } from '../db/sql';
import { unitsUnder, type UnitNode } from '../members/audience';
import { attemptsMarkedCountedSql } from './counted-attempt';
import { rate, rollUpUnits, round4, type SubtreeFigures, type UnitFigures } from './unit-rollup';

export interface UnitRow {
  unit: string;
  parent: string | null;
  headcount: number;
  /** members counted in this unit itself (by their counted attempt), each once in the round */
  participants: number;
  /** attempts (人次) made in this unit itself */
  attempts: number;
  participationRate: number | null;
  meanScore: number | null;
  fullMarks: number;
  /** the unit with everything below it, each person counted once */
  subtree: SubtreeFigures;
}

export interface RoundForReport {
  id: number;
  scoreRule: string;
  audienceUnits: string[];
}

export const UNBOUND_UNIT = '（未绑定单位）';

/**
 * Participation and scores per unit of a round: the units of the audience (all when none is
 * named) and any other unit with attempts, plus a row for attempts made without a unit.
 * Used by the API, the bot, the scheduler and the exports alike.
 */
export async function unitReport(sql: SqlClient, round: RoundForReport, units: UnitNode[]): Promise<UnitRow[]> {
  // One pass over the round's attempts: the counted ones per unit, and every attempt per unit.
  const perUnit = await sql.query<{ unit_id: number | null; attempts: number; participants: number; scored: number; score_sum: number | null; full_marks: number }>(
    `SELECT unit_id, count(*)::int AS attempts, count(*) FILTER (WHERE counted)::int AS participants,
            count(*) FILTER (WHERE counted AND finished_at IS NOT NULL)::int AS scored,
            sum(score) FILTER (WHERE counted AND finished_at IS NOT NULL)::float8 AS score_sum,
            count(*) FILTER (WHERE counted AND finished_at IS NOT NULL AND score = max_score AND max_score > 0)::int AS full_marks
       FROM (${attemptsMarkedCountedSql('$1', '$2')}) a GROUP BY unit_id`,
    [round.id, round.scoreRule],
  );
  const own = new Map<number | null, UnitFigures>();
  const figuresOf = (id: number | null) => {
    const key = id === null ? null : Number(id);
    let f = own.get(key);
    if (!f) own.set(key, (f = { participants: 0, attempts: 0, scored: 0, scoreSum: 0, fullMarks: 0 }));
    return f;
  };
  for (const r of perUnit) {
    Object.assign(figuresOf(r.unit_id), { participants: r.participants, attempts: r.attempts, scored: r.scored, scoreSum: r.score_sum ?? 0, fullMarks: r.full_marks });
  }

  const rolled = rollUpUnits(units, own as Map<number, UnitFigures>);
  const audience = round.audienceUnits.length
    ? unitsUnder(units.filter((u) => round.audienceUnits.includes(u.name)).map((u) => u.id), units)
    : new Set(units.map((u) => u.id));
  const report: UnitRow[] = [];
  for (const unit of units) {
    const r = rolled.get(unit.id)!;
    if (!audience.has(unit.id) && r.subtree.attempts === 0) continue;
    report.push({
      unit: r.name,
      parent: r.parent,
      headcount: r.headcount,
      participants: r.own.participants,
      attempts: r.own.attempts,
      participationRate: rate(r.own.participants, r.headcount),
      meanScore: r.own.scored > 0 ? round4(r.own.scoreSum / r.own.scored) : null,
      fullMarks: r.own.fullMarks,
      subtree: {
        headcount: r.subtree.headcount,
        participants: r.subtree.participants,
        attempts: r.subtree.attempts,
        participationRate: r.subtree.participationRate,
        meanScore: r.subtree.meanScore,
      },
    });
  }
  const unbound = own.get(null);
  if (unbound) {
    const meanScore = unbound.scored > 0 ? round4(unbound.scoreSum / unbound.scored) : null;
    report.push({
      unit: UNBOUND_UNIT,
      parent: null,
      headcount: 0,
      participants: unbound.participants,
      attempts: unbound.attempts,
      participationRate: null,
      meanScore,
      fullMarks: unbound.fullMarks,
      subtree: { headcount: 0, participants: unbound.participants, attempts: unbound.attempts, participationRate: null, meanScore },
    });
  }
  return report.sort(compareUnits);
}

/** Totals over a unit report: every member counted once; the headcount of the top-most units shown. */
export function unitTotals(rows: UnitRow[]): { headcount: number; participants: number; attempts: number; participationRate: number | null; fullMarks: number } {
  const shown = new Set(rows.map((r) => r.unit));
  const headcount = rows.filter((r) => r.parent === null || !shown.has(r.parent)).reduce((s, r) => s + r.subtree.headcount, 0);
  const participants = rows.reduce((s, r) => s + r.participants, 0);
  return {
    headcount,
    participants,
    attempts: rows.reduce((s, r) => s + r.attempts, 0),
    participationRate: rate(participants, headcount),
    fullMarks: rows.reduce((s, r) => s + r.fullMarks, 0),
  };
}

export function compareUnits(a: UnitRow, b: UnitRow): number {
  return (b.participationRate ?? -1) - (a.participationRate ?? -1) || (b.meanScore ?? -1) - (a.meanScore ?? -1) || a.unit.localeCompare(b.unit, 'zh');
}
