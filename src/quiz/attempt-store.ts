import { PrismaService } from '../db/prisma.service';
import { GroupCommit } from '../db/group-commit';
import type { DrawnQuestion } from './engine';

export type AttemptChannel = 'chat' | 'sheet' | 'web';

export interface StoredAttempt {
  id: number;
  roundId: number;
  memberId: number;
  unitId: number | null;
  channel: AttemptChannel;
  draw: DrawnQuestion[];
  position: number;
  deadline: Date | null;
  score: number;
  correctCount: number;
  maxScore: number;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface NewAttempt {
  roundId: number;
  memberId: number;
  unitId: number | null;
  channel: AttemptChannel;
  draw: DrawnQuestion[];
  deadline: Date | null;
  maxScore: number;
}

export interface AnswerRow {
  position: number;
  questionId: number;
  response: string;
  /** the picked options in the bank's original order, as bits: see pickedOptionBits */
  picked: number;
  correct: boolean;
  points: number;
  messageId: string | null;
}

/** One step of an attempt: applied only if the attempt still stands where the caller saw it. */
export interface AttemptProgress {
  attemptId: number;
  expectedPosition: number;
  position: number;
  score: number;
  correctCount: number;
  deadline: Date | null;
  finished: boolean;
  /** When it finished, as the caller saw it (a web submission is judged late against this); else the commit time. */
  finishedAt?: Date;
  answers: AnswerRow[];
}

/** A member's standing in a round: the attempt that counts now (the unfinished one, else the latest) and how many they used. */
export interface Standing {
  attempt: StoredAttempt | undefined;
  used: number;
}

const attemptColumns = (t = '') => `${t}id, ${t}round_id AS "roundId", ${t}member_id AS "memberId", ${t}unit_id AS "unitId",
  ${t}channel, ${t}draw, ${t}position, ${t}question_deadline AS deadline, ${t}score, ${t}correct_count AS "correctCount",
  ${t}max_score AS "maxScore", ${t}started_at AS "startedAt", ${t}finished_at AS "finishedAt"`;
const ATTEMPT_COLUMNS = attemptColumns();

/**
 * Attempt rows on the hot path, in plain SQL behind group commits: thousands of members
 * answering in the same second share a few transactions, and each caller learns the outcome
 * only after its transaction committed.
 */
export class AttemptStore {
  private readonly progress: GroupCommit<AttemptProgress, boolean>;
  private readonly creations: GroupCommit<NewAttempt, StoredAttempt>;
  // The reads every web request makes, gathered the same way: one statement for many members.
  private readonly standings: GroupCommit<{ memberId: number; roundId: number }, Standing>;
  private readonly withUsed: GroupCommit<number, Standing>;

  constructor(private readonly prisma: PrismaService) {
    this.progress = new GroupCommit((items) => this.writeProgress(items));
    this.creations = new GroupCommit((items) => this.writeAttempts(items));
    this.standings = new GroupCommit((keys) => this.readStandings(keys));
    this.withUsed = new GroupCommit((ids) => this.readByIdsWithUsed(ids));
  }

  /** The new attempt; or, when another request started one at the same moment, that one (finished, if it already is). */
  create(attempt: NewAttempt): Promise<StoredAttempt> {
    return this.creations.submit(attempt);
  }

  /** True when stored; false when the attempt had moved on (another instance or a timeout got there first). */
  advance(progress: AttemptProgress): Promise<boolean> {
    return this.progress.submit(progress);
  }

  async settle(): Promise<void> {
    await Promise.all([this.progress.settle(), this.creations.settle()]);
  }

  async unfinished(memberId: number, roundIds: number[]): Promise<StoredAttempt | undefined> {
    if (!roundIds.length) return undefined;
    const rows = await this.prisma.sql.prepared<StoredAttempt>(
      `SELECT ${ATTEMPT_COLUMNS} FROM attempt WHERE member_id = $1 AND round_id = ANY($2::int[]) AND finished_at IS NULL ORDER BY id DESC LIMIT 1`,
      [memberId, roundIds],
    );
    return rows[0] && normalise(rows[0]);
  }

  async byId(id: number): Promise<StoredAttempt | undefined> {
    const rows = await this.prisma.sql.prepared<StoredAttempt>(`SELECT ${ATTEMPT_COLUMNS} FROM attempt WHERE id = $1`, [id]);
    return rows[0] && normalise(rows[0]);
  }

  /** The member's unfinished attempt in the round (else their latest) and the number of attempts used. */
  standing(memberId: number, roundId: number): Promise<Standing> {
    return this.standings.submit({ memberId, roundId });
  }

  /** An attempt and the number of attempts its member used in its round. */
  byIdWithUsed(id: number): Promise<Standing> {
    return this.withUsed.submit(id);
  }

  private async readStandings(keys: Array<{ memberId: number; roundId: number }>): Promise<Standing[]> {
    const key = (k: { memberId: number; roundId: number }) => `${k.memberId}:${k.roundId}`;
    const unique = [...new Map(keys.map((k) => [key(k), k])).values()];
    const rows = await this.prisma.sql.prepared<StoredAttempt & { used: number }>(
      `SELECT * FROM (
         SELECT ${attemptColumns('a.')}, count(*) OVER w::int AS used,
                row_number() OVER (w ORDER BY a.finished_at IS NULL DESC, a.id DESC) AS nth
           FROM attempt a JOIN unnest($1::int[], $2::int[]) AS k(member_id, round_id)
             ON a.member_id = k.member_id AND a.round_id = k.round_id
         WINDOW w AS (PARTITION BY a.member_id, a.round_id)) s
        WHERE nth = 1`,
      [unique.map((k) => k.memberId), unique.map((k) => k.roundId)],
    );
    const found = new Map(rows.map((r) => [key(r), standingOf(r)]));
    return keys.map((k) => found.get(key(k)) ?? { attempt: undefined, used: 0 });
  }

  private async readByIdsWithUsed(ids: number[]): Promise<Standing[]> {
    const rows = await this.prisma.sql.prepared<StoredAttempt & { used: number }>(
      `SELECT ${attemptColumns('a.')},
              (SELECT count(*)::int FROM attempt b WHERE b.member_id = a.member_id AND b.round_id = a.round_id) AS used
         FROM attempt a WHERE a.id = ANY($1::int[])`,
      [[...new Set(ids)]],
    );
    const found = new Map(rows.map((r) => [Number(r.id), standingOf(r)]));
    return ids.map((id) => found.get(id) ?? { attempt: undefined, used: 0 });
  }

  /** A member's latest attempt in a round, finished or not. */
  async latestFor(memberId: number, roundId: number): Promise<StoredAttempt | undefined> {
    const rows = await this.prisma.sql.prepared<StoredAttempt>(
      `SELECT ${ATTEMPT_COLUMNS} FROM attempt WHERE member_id = $1 AND round_id = $2 ORDER BY id DESC LIMIT 1`,
      [memberId, roundId],
    );
    return rows[0] && normalise(rows[0]);
  }

  /** The stored answers of an attempt, by position. */
  async answersOf(attemptId: number): Promise<Array<Pick<AnswerRow, 'position' | 'response' | 'correct' | 'points'>>> {
    return this.prisma.sql.prepared('SELECT position, response, correct, points FROM answer WHERE attempt_id = $1 ORDER BY position', [attemptId]);
  }

  async countFor(memberId: number, roundId: number): Promise<number> {
    const [row] = await this.prisma.sql.prepared<{ n: number }>('SELECT count(*)::int AS n FROM attempt WHERE member_id = $1 AND round_id = $2', [memberId, roundId]);
    return row.n;
  }

  /** Chat attempts whose current question timed out. */
  async expired(now: Date, limit = 500): Promise<StoredAttempt[]> {
    const rows = await this.prisma.sql.prepared<StoredAttempt>(
      `SELECT ${attemptColumns('a.')}
         FROM attempt a JOIN round r ON r.id = a.round_id
        WHERE a.finished_at IS NULL AND a.question_deadline <= $1 AND r.status = 'open'
        ORDER BY a.question_deadline LIMIT $2`,
      [now, limit],
    );
    return rows.map(normalise);
  }

  /** Closes a round's unfinished attempts as they stand. */
  async finishAll(roundId: number): Promise<number> {
    const rows = await this.prisma.sql.prepared(
      'UPDATE attempt SET finished_at = now(), question_deadline = NULL WHERE round_id = $1 AND finished_at IS NULL RETURNING id',
      [roundId],
    );
    return rows.length;
  }

  /**
   * A member has at most one unfinished attempt a round (a partial unique index): when two
   * requests (two tabs, two instances) start one at once, the one that lost the insert gets the
   * winner's attempt.
   */
  private async writeAttempts(items: NewAttempt[]): Promise<StoredAttempt[]> {
    const rows = await this.prisma.sql.prepared<StoredAttempt>(
      `INSERT INTO attempt (round_id, member_id, unit_id, channel, draw, question_deadline, max_score)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::jsonb[], $6::timestamptz[], $7::int[])
       ON CONFLICT (round_id, member_id) WHERE finished_at IS NULL DO NOTHING
       RETURNING ${ATTEMPT_COLUMNS}`,
      [
        items.map((i) => i.roundId),
        items.map((i) => i.memberId),
        items.map((i) => i.unitId),
        items.map((i) => i.channel),
        items.map((i) => JSON.stringify(i.draw)),
        items.map((i) => i.deadline),
        items.map((i) => i.maxScore),
      ],
    );
    const key = (a: { roundId: number; memberId: number }) => `${a.roundId}:${a.memberId}`;
    const byKey = new Map(rows.map((r) => [key(r), normalise(r)]));
    const lost = items.filter((i) => !byKey.has(key(i)));
    if (lost.length) {
      // The winner's attempt: still unfinished, or (if it finished in between) the latest one,
      // which the caller then sees as finished.
      const existing = await this.prisma.sql.prepared<StoredAttempt>(
        `SELECT DISTINCT ON (a.round_id, a.member_id) ${attemptColumns('a.')}
           FROM attempt a JOIN unnest($1::int[], $2::int[]) AS k(round_id, member_id)
             ON a.round_id = k.round_id AND a.member_id = k.member_id
          ORDER BY a.round_id, a.member_id, a.finished_at IS NULL DESC, a.id DESC`,
        [lost.map((i) => i.roundId), lost.map((i) => i.memberId)],
      );
      for (const row of existing) byKey.set(key(row), normalise(row));
    }
    return items.map((i) => {
      const attempt = byKey.get(key(i));
      if (!attempt) throw new Error(`attempt of member ${i.memberId} in round ${i.roundId} could not be started nor found`);
      return attempt;
    });
  }

  private async writeProgress(batch: AttemptProgress[]): Promise<boolean[]> {
    // Two steps of one attempt in one batch (a member's answer and the scheduler's timeout) both
    // start from the same position, so taken in order only the first can apply. An UPDATE joined
    // to both would apply one of them and report the attempt once, and both callers would think
    // they won: the later ones are answered "moved on" without being written.
    const seen = new Set<number>();
    const first = batch.map((item) => !seen.has(item.attemptId) && Boolean(seen.add(item.attemptId)));
    const items = batch.filter((_, i) => first[i]);
    const applied = await this.applyProgress(items);
    return batch.map((item, i) => first[i] && applied.has(item.attemptId));
  }

  private async applyProgress(items: AttemptProgress[]): Promise<Set<number>> {
    return this.prisma.sql.transaction(async (tx) => {
      const updated = await tx.prepared<{ id: number }>(
        `UPDATE attempt a
            SET position = u.position, score = u.score, correct_count = u.correct_count,
                question_deadline = u.deadline, finished_at = CASE WHEN u.finished THEN coalesce(u.finished_at, now()) ELSE NULL END
           FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::timestamptz[], $7::bool[], $8::timestamptz[])
                AS u(id, expected, position, score, correct_count, deadline, finished, finished_at)
          WHERE a.id = u.id AND a.position = u.expected AND a.finished_at IS NULL
          RETURNING a.id`,
        [
          items.map((i) => i.attemptId),
          items.map((i) => i.expectedPosition),
          items.map((i) => i.position),
          items.map((i) => i.score),
          items.map((i) => i.correctCount),
          items.map((i) => i.deadline),
          items.map((i) => i.finished),
          items.map((i) => i.finishedAt ?? null),
        ],
      );
      const applied = new Set(updated.map((r) => Number(r.id)));
      const answers = items.filter((i) => applied.has(i.attemptId)).flatMap((i) => i.answers.map((a) => ({ ...a, attemptId: i.attemptId })));
      if (answers.length) {
        await tx.prepared(
          `INSERT INTO answer (attempt_id, position, question_id, response, picked, correct, points, source_message_id)
           SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::int2[], $6::bool[], $7::int[], $8::text[])
           ON CONFLICT DO NOTHING`,
          [
            answers.map((a) => a.attemptId),
            answers.map((a) => a.position),
            answers.map((a) => a.questionId),
            answers.map((a) => a.response),
            answers.map((a) => a.picked),
            answers.map((a) => a.correct),
            answers.map((a) => a.points),
            answers.map((a) => a.messageId),
          ],
        );
      }
      return applied;
    });
  }
}

function standingOf(row: StoredAttempt & { used: number; nth?: unknown }): Standing {
  const { used, nth: _nth, ...attempt } = row;
  return { attempt: normalise(attempt), used: Number(used) };
}

function normalise(row: StoredAttempt): StoredAttempt {
  return {
    ...row,
    id: Number(row.id),
    draw: typeof row.draw === 'string' ? JSON.parse(row.draw) : row.draw,
    deadline: row.deadline ? new Date(row.deadline) : null,
    startedAt: new Date(row.startedAt),
    finishedAt: row.finishedAt ? new Date(row.finishedAt) : null,
  };
}
