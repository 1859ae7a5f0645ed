import { parseResponse } from './answer-parser';
import { answerHint } from './render';
import { scoreResponse } from './scoring';
import { optionCountOf } from './types';
import type { DrawnQuestion, QuestionDefinition } from './types';

/** Where a member's attempt stands. position is the 0-based index of the question now due. */
export interface AttemptSnapshot {
  position: number;
  total: number;
  /** When the current question times out; null when untimed or finished. */
  deadline: Date | null;
  finished: boolean;
  score: number;
  correctCount: number;
}

export type AttemptEvent = { kind: 'answer'; text: string; now: Date } | { kind: 'tick'; now: Date };

export type Transition =
  | { kind: 'scored'; position: number; correct: boolean; points: number; response: string; next: AttemptSnapshot; timedOut: false }
  | { kind: 'timed-out'; position: number; next: AttemptSnapshot }
  | { kind: 'not-an-answer'; hint: string }
  | { kind: 'finished-already' }
  | { kind: 'none' };

/** The deadline for a question shown at `now`; null when untimed (secondsPerQuestion 0). */
export function deadlineFrom(now: Date, secondsPerQuestion: number): Date | null {
  return secondsPerQuestion > 0 ? new Date(now.getTime() + secondsPerQuestion * 1000) : null;
}

/** A fresh attempt whose first question is shown at `now`. */
export function startAttempt(total: number, now: Date, secondsPerQuestion: number): AttemptSnapshot {
  const finished = total <= 0;
  return { position: 0, total, deadline: finished ? null : deadlineFrom(now, secondsPerQuestion), finished, score: 0, correctCount: 0 };
}

function advance(snapshot: AttemptSnapshot, points: number, correct: boolean, now: Date, secondsPerQuestion: number): AttemptSnapshot {
  const position = snapshot.position + 1;
  const finished = position >= snapshot.total;
  return {
    position,
    total: snapshot.total,
    deadline: finished ? null : deadlineFrom(now, secondsPerQuestion),
    finished,
    score: snapshot.score + points,
    correctCount: snapshot.correctCount + (correct ? 1 : 0),
  };
}

/**
 * One event on the current question. A tick at or after the deadline, and an answer arriving then,
 * time the question out (0 points) and make the next question due with a fresh deadline.
 * A reply that is not an answer changes nothing (the deadline keeps running).
 */
export function step(
  snapshot: AttemptSnapshot,
  currentQuestion: QuestionDefinition,
  drawn: DrawnQuestion,
  event: AttemptEvent,
  secondsPerQuestion: number,
): Transition {
  if (snapshot.finished || snapshot.position >= snapshot.total) return { kind: 'finished-already' };
  const late = snapshot.deadline !== null && event.now.getTime() >= snapshot.deadline.getTime();
  if (late) {
    return { kind: 'timed-out', position: snapshot.position, next: advance(snapshot, 0, false, event.now, secondsPerQuestion) };
  }
  if (event.kind === 'tick') return { kind: 'none' };

  const parsed = parseResponse(currentQuestion.type, optionCountOf(currentQuestion), event.text);
  if (parsed.kind === 'not-an-answer') return { kind: 'not-an-answer', hint: answerHint(currentQuestion.type) };
  const scored = scoreResponse(currentQuestion, drawn, parsed);
  return {
    kind: 'scored',
    position: snapshot.position,
    correct: scored.correct,
    points: scored.points,
    response: scored.response,
    next: advance(snapshot, scored.points, scored.correct, event.now, secondsPerQuestion),
    timedOut: false,
  };
}
