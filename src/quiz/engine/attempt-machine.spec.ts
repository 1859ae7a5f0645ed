import { startAttempt, step } from './attempt-machine';
import type { AttemptSnapshot } from './attempt-machine';
import type { DrawnQuestion, QuestionDefinition } from './types';

const question: QuestionDefinition = {
  key: 'q1',
  type: 'single',
  stem: '成都“MFG创客联邦”依托什么?',
  options: ['新疆软件园', '律师行业党群活动服务中心', '高新区联谊会', 'IFS国际金融中心'],
  answer: ['D'],
  points: 10,
  tags: [],
};
// Original D is shown as A.
const drawn: DrawnQuestion = { questionId: 1, order: [3, 0, 1, 2] };
const t0 = new Date('2024-05-17T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('attempt state machine', () => {
  const start = startAttempt(2, t0, 60);

  it('starts at the first question with a deadline', () => {
    expect(start).toEqual({ position: 0, total: 2, deadline: at(60), finished: false, score: 0, correctCount: 0 });
    expect(startAttempt(2, t0, 0).deadline).toBeNull();
    expect(startAttempt(0, t0, 60).finished).toBe(true);
  });

  it('scores an answer and makes the next question due with a fresh deadline', () => {
    const transition = step(start, question, drawn, { kind: 'answer', text: 'a', now: at(10) }, 60);
    expect(transition).toEqual({
      kind: 'scored',
      position: 0,
      correct: true,
      points: 10,
      response: 'A',
      timedOut: false,
      next: { position: 1, total: 2, deadline: at(70), finished: false, score: 10, correctCount: 1 },
    });
  });

  it('scores a wrong answer with 0 points', () => {
    const transition = step(start, question, drawn, { kind: 'answer', text: 'D', now: at(10) }, 60);
    expect(transition).toMatchObject({ kind: 'scored', correct: false, points: 0, response: 'D', next: { score: 0, correctCount: 0, position: 1 } });
  });

  it('answers a reply that is not an answer with a hint and keeps the state', () => {
    expect(step(start, question, drawn, { kind: 'answer', text: '成绩', now: at(5) }, 60)).toEqual({
      kind: 'not-an-answer',
      hint: expect.stringContaining('选项字母'),
    });
    expect(step(start, question, drawn, { kind: 'answer', text: 'E', now: at(5) }, 60).kind).toBe('not-an-answer');
  });

  it('does nothing on a tick before the deadline', () => {
    expect(step(start, question, drawn, { kind: 'tick', now: at(59) }, 60)).toEqual({ kind: 'none' });
  });

  it('times the question out on a tick at the deadline', () => {
    expect(step(start, question, drawn, { kind: 'tick', now: at(60) }, 60)).toEqual({
      kind: 'timed-out',
      position: 0,
      next: { position: 1, total: 2, deadline: at(120), finished: false, score: 0, correctCount: 0 },
    });
  });

  it('counts a late answer, even a correct one, as timed out', () => {
    const transition = step(start, question, drawn, { kind: 'answer', text: 'A', now: at(75) }, 60);
    expect(transition).toEqual({
      kind: 'timed-out',
      position: 0,
      next: { position: 1, total: 2, deadline: at(135), finished: false, score: 0, correctCount: 0 },
    });
  });

  it('never times out when untimed', () => {
    const untimed = startAttempt(2, t0, 0);
    expect(step(untimed, question, drawn, { kind: 'tick', now: at(100000) }, 0)).toEqual({ kind: 'none' });
    const transition = step(untimed, question, drawn, { kind: 'answer', text: 'A', now: at(100000) }, 0);
    expect(transition).toMatchObject({ kind: 'scored', correct: true, next: { deadline: null } });
  });

  it('finishes when the last question is answered or times out', () => {
    const last: AttemptSnapshot = { position: 1, total: 2, deadline: at(120), finished: false, score: 10, correctCount: 1 };
    const answered = step(last, question, drawn, { kind: 'answer', text: 'A', now: at(100) }, 60);
    expect(answered).toMatchObject({
      kind: 'scored',
      position: 1,
      next: { position: 2, total: 2, deadline: null, finished: true, score: 20, correctCount: 2 },
    });
    const timedOut = step(last, question, drawn, { kind: 'tick', now: at(121) }, 60);
    expect(timedOut).toEqual({
      kind: 'timed-out',
      position: 1,
      next: { position: 2, total: 2, deadline: null, finished: true, score: 10, correctCount: 1 },
    });
  });

  it('ignores events after the attempt finished', () => {
    const done: AttemptSnapshot = { position: 2, total: 2, deadline: null, finished: true, score: 20, correctCount: 2 };
    expect(step(done, question, drawn, { kind: 'answer', text: 'A', now: at(1) }, 60)).toEqual({ kind: 'finished-already' });
    expect(step(done, question, drawn, { kind: 'tick', now: at(1) }, 60)).toEqual({ kind: 'finished-already' });
  });

  it('plays a whole attempt through', () => {
    let snapshot = startAttempt(3, t0, 30);
    const replies: Array<[string, number]> = [
      ['帮助', 5],
      ['A', 6],
      ['B', 30],
    ];
    const kinds: string[] = [];
    for (const [text, second] of replies) {
      const transition = step(snapshot, question, drawn, { kind: 'answer', text, now: at(second) }, 30);
      kinds.push(transition.kind);
      if (transition.kind === 'scored' || transition.kind === 'timed-out') snapshot = transition.next;
    }
    const tick = step(snapshot, question, drawn, { kind: 'tick', now: at(100) }, 30);
    kinds.push(tick.kind);
    if (tick.kind === 'timed-out') snapshot = tick.next;
    expect(kinds).toEqual(['not-an-answer', 'scored', 'scored', 'timed-out']);
    expect(snapshot).toEqual({ position: 3, total: 3, deadline: null, finished: true, score: 10, correctCount: 1 });
  });
});
