/**
 * The one definition of a member's counted attempt of a round, shared by every report, the
 * leaderboard and the bot (imported as a plain function: quiz/ must not depend on the stats module).
 *
 * Of a member's attempts in a round, a finished one is preferred over an unfinished one; among
 * finished ones the round's score rule picks: `best` the highest score (ties: the later start),
 * `last` the latest start. A member therefore counts once in a round, in the unit recorded on
 * the counted attempt (the unit they had when that attempt started).
 *
 * Columns: id, member_id, unit_id, score, max_score, correct_count, started_at, finished_at.
 * `round` and `rule` are SQL expressions, normally bound parameters such as `$1` and `$2`.
 */
export function countedAttemptsSql(round: string, rule: string, options: { finishedOnly?: boolean } = {}): string {
  return `SELECT DISTINCT ON (a.member_id) a.id, a.member_id, a.unit_id, a.score, a.max_score, a.correct_count, a.started_at, a.finished_at
            FROM attempt a
           WHERE a.round_id = ${round}${options.finishedOnly ? ' AND a.finished_at IS NOT NULL' : ''}
           ORDER BY a.member_id, ${countedFirst(rule)}`;
}

/**
 * Every attempt of a round, with `counted` true on each member's counted attempt (the same rule):
 * for a report that counts all attempts as well as the counted ones, in one pass over the round.
 * Columns: those of countedAttemptsSql and counted.
 */
export function attemptsMarkedCountedSql(round: string, rule: string): string {
  return `SELECT a.id, a.member_id, a.unit_id, a.score, a.max_score, a.correct_count, a.started_at, a.finished_at,
                 row_number() OVER (PARTITION BY a.member_id ORDER BY ${countedFirst(rule)}) = 1 AS counted
            FROM attempt a
           WHERE a.round_id = ${round}`;
}

/** A member's attempts, the counted one first. */
function countedFirst(rule: string): string {
  return `(a.finished_at IS NOT NULL) DESC, CASE WHEN ${rule}::text = 'best' THEN a.score ELSE 0 END DESC, a.started_at DESC, a.id DESC`;
}

export type ScoreRule = 'best' | 'last';

export interface AttemptLike {
  score: number;
  startedAt: Date;
  finished: boolean;
}

/** The same rule in memory, for callers holding a member's attempts already (and for tests). */
export function countedAttempt<T extends AttemptLike>(attempts: T[], rule: string): T | undefined {
  let chosen: T | undefined;
  for (const a of attempts) {
    if (!chosen) {
      chosen = a;
      continue;
    }
    if (a.finished !== chosen.finished) {
      if (a.finished) chosen = a;
      continue;
    }
    const byScore = rule === 'best' ? a.score - chosen.score : 0;
    if (byScore > 0 || (byScore === 0 && a.startedAt.getTime() > chosen.startedAt.getTime())) chosen = a;
  }
  return chosen;
}
