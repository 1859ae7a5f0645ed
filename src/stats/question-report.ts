import type { SqlClient } from '../db/sql';
import { OPTION_LETTERS, TRUE_FALSE_OPTIONS } from '../quiz/engine/types';
import { countedAttemptsSql } from './counted-attempt';
import { pointBiserial, type PairSums } from './statistics';
import { rate } from './unit-rollup';

export interface OptionStat {
  label: string;
  text: string;
  picked: number;
  correct: boolean;
}

export interface QuestionStat {
  questionId: number;
  position: number;
  stem: string;
  type: string;
  /** counted attempts that reached the question (timeouts included) */
  answered: number;
  timedOut: number;
  correct: number;
  correctRate: number | null;
  /** corrected point-biserial (item-rest) correlation, see statistics.ts */
  discrimination: number | null;
  options: OptionStat[];
  /** the wrong option (or, for fill questions, the wrong answer text) chosen most often */
  mostChosenWrong: { label: string | null; text: string; picked: number } | null;
}

export const DISCRIMINATION_METHOD = 'point-biserial (item-rest): correlation of a right answer with the score on the other questions';

export interface Group {
  question_id: number;
  correct: boolean;
  /** original options picked, as bits (answer.picked) */
  picked: number;
  timed_out: boolean;
  /** a wrong fill answer's text, else null */
  wrong_text: string | null;
  n: number;
  sy: number;
  syy: number;
}

interface QuestionRow {
  id: number;
  position: number;
  stem: string;
  type: string;
  options: string[];
  answer: string[];
}

/**
 * Per question of a round, over each member's counted finished attempt: how many reached it, the
 * correct rate, the discrimination, how often each option was picked (stored on each answer in the
 * bank's original order) and the most chosen wrong option. `sql` is a transaction (inReportSession):
 * the counted attempts are staged in a temporary table.
 */
export async function questionReport(sql: SqlClient, round: { id: number; scoreRule: string }): Promise<QuestionStat[]> {
  // The counted attempts go into a small analysed table first: planned against the subquery, whose
  // row count and distinct ids the planner cannot know, the join would hash all the answers of the
  // round instead of the (ten times fewer) counted attempts.
  await sql.query('CREATE TEMP TABLE counted_score (id int, score int) ON COMMIT DROP');
  await sql.query(`INSERT INTO counted_score SELECT id, score FROM (${countedAttemptsSql('$1', '$2', { finishedOnly: true })}) c`, [round.id, round.scoreRule]);
  await sql.query('ANALYZE counted_score');
  const groups = await sql.query<Group>(
    `SELECT an.question_id, an.correct, an.picked, an.response = '' AS timed_out,
            CASE WHEN q.type = 'fill' AND NOT an.correct AND an.response <> '' THEN an.response END AS wrong_text,
            count(*)::int AS n, sum(c.score - an.points)::float8 AS sy, sum((c.score - an.points)::float8 * (c.score - an.points)) AS syy
       FROM answer an
       JOIN counted_score c ON c.id = an.attempt_id
       JOIN question q ON q.id = an.question_id
      GROUP BY 1, 2, 3, 4, 5`,
  );
  await sql.query('DROP TABLE counted_score');
  const ids = [...new Set(groups.map((g) => Number(g.question_id)))];
  const questions = ids.length
    ? await sql.query<QuestionRow>(`SELECT id, position, stem, type, options, answer FROM question WHERE id = ANY($1::int[]) ORDER BY position, id`, [ids])
    : [];
  const byQuestion = new Map<number, Group[]>();
  for (const g of groups) {
    const list = byQuestion.get(Number(g.question_id));
    if (list) list.push(g);
    else byQuestion.set(Number(g.question_id), [g]);
  }
  return questions.map((q) => questionStat(q, byQuestion.get(Number(q.id)) ?? []));
}

export function questionStat(q: QuestionRow, groups: Group[]): QuestionStat {
  const sums: PairSums = { n: 0, sx: 0, sy: 0, syy: 0, sxy: 0 };
  let timedOut = 0;
  const labels = q.type === 'truefalse' ? [...TRUE_FALSE_OPTIONS] : q.type === 'fill' ? [] : q.options;
  const correctSet = new Set(q.type === 'truefalse' ? [q.answer[0] === 'true' ? 0 : 1] : q.answer.map((l) => OPTION_LETTERS.indexOf(l)));
  const picked = labels.map(() => 0);
  const wrongTexts = new Map<string, number>();
  for (const g of groups) {
    const n = Number(g.n);
    sums.n += n;
    sums.sy += Number(g.sy);
    sums.syy += Number(g.syy);
    if (g.correct) {
      sums.sx += n;
      sums.sxy += Number(g.sy);
    }
    if (g.timed_out) {
      timedOut += n;
      continue;
    }
    if (q.type === 'fill') {
      if (g.wrong_text !== null) wrongTexts.set(g.wrong_text, (wrongTexts.get(g.wrong_text) ?? 0) + n);
      continue;
    }
    for (let i = 0; i < picked.length; i++) if (g.picked & (1 << i)) picked[i] += n;
  }
  const options: OptionStat[] = labels.map((text, i) => ({ label: OPTION_LETTERS[i], text, picked: picked[i], correct: correctSet.has(i) }));
  let mostChosenWrong: QuestionStat['mostChosenWrong'] = null;
  for (const o of options) {
    if (!o.correct && o.picked > 0 && (!mostChosenWrong || o.picked > mostChosenWrong.picked)) mostChosenWrong = { label: o.label, text: o.text, picked: o.picked };
  }
  for (const [text, n] of wrongTexts) {
    if (!mostChosenWrong || n > mostChosenWrong.picked) mostChosenWrong = { label: null, text, picked: n };
  }
  return {
    questionId: Number(q.id),
    position: q.position,
    stem: q.stem,
    type: q.type,
    answered: sums.n,
    timedOut,
    correct: sums.sx,
    correctRate: rate(sums.sx, sums.n),
    discrimination: pointBiserial(sums),
    options,
    mostChosenWrong,
  };
}
