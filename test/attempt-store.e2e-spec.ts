import { PrismaService } from '../src/db/prisma.service';
import { AttemptsService } from '../src/quiz/attempts.service';
import type { AttemptProgress } from '../src/quiz/attempt-store';
import { startTestApp, type TestApp } from './support/app';

describe('attempt progress under group commit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets exactly one of two steps of one attempt in the same batch win', async () => {
    const prisma = t.app.get(PrismaService);
    const store = t.app.get(AttemptsService).store;
    const bank = await prisma.bank.findFirstOrThrow({ include: { questions: { take: 2 } } });
    const round = await prisma.round.create({
      data: { bankId: bank.id, title: '并发测试', startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000), questionCount: 2, status: 'open' },
    });
    const member = await prisma.member.create({ data: { wechatId: 'wx-race', name: '并发' } });
    const [q1, q2] = bank.questions;
    const attempt = await store.create({
      roundId: round.id,
      memberId: member.id,
      unitId: null,
      channel: 'chat',
      draw: [{ q: q1.id, o: [] }, { q: q2.id, o: [] }] as never,
      deadline: new Date(Date.now() + 60_000),
      maxScore: 20,
    });
    const step = (response: string, correct: boolean, messageId: string | null): AttemptProgress => ({
      attemptId: attempt.id,
      expectedPosition: 0,
      position: 1,
      score: correct ? 10 : 0,
      correctCount: correct ? 1 : 0,
      deadline: new Date(Date.now() + 60_000),
      finished: false,
      answers: [{ position: 0, questionId: q1.id, response, picked: response ? 1 : 0, correct, points: correct ? 10 : 0, messageId }],
    });
    // Submitted in the same turn of the event loop, so they share one batch.
    const results = await Promise.all([store.advance(step('A', true, 'msg-answer')), store.advance(step('', false, null))]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const answers = await prisma.answer.findMany({ where: { attemptId: attempt.id } });
    expect(answers).toHaveLength(1);
    const winner = results[0] ? 'A' : '';
    expect(answers[0].response).toBe(winner);
    const stored = await store.byId(attempt.id);
    expect(stored).toMatchObject({ position: 1, score: winner === 'A' ? 10 : 0 });
  });

  it('stores the picked option in the bank\'s original order, from a chat answer and from an answer sheet', async () => {
    const prisma = t.app.get(PrismaService);
    const attempts = t.app.get(AttemptsService);
    const bank = await prisma.bank.create({
      data: {
        slug: 'picked-order',
        title: '选项顺序',
        questions: { create: [{ key: 'p1', position: 1, type: 'single', stem: '哪一个是乙?', options: ['甲', '乙', '丙', '丁'], answer: ['B'], points: 10 }] },
      },
    });
    const round = await prisma.round.create({
      data: { bankId: bank.id, title: '选项顺序测试', startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000), questionCount: 1, status: 'open' },
    });
    attempts.forgetRounds();
    const now = new Date();
    const take = async (name: string, channel: 'chat' | 'sheet') => {
      const member = await prisma.member.create({ data: { wechatId: `wx-${name}`, name } });
      // random() = 0 shuffles 甲乙丙丁 to 乙丙丁甲: the shown letters differ from the original ones.
      return attempts.start({ id: member.id, unitId: null } as never, round, channel, now, () => 0);
    };
    const chat = await take('选项一', 'chat');
    expect(chat.draw[0].order).toEqual([1, 2, 3, 0]);
    expect(await attempts.apply(chat, round, { kind: 'answer', text: 'A', now, messageId: 'picked-chat' })).not.toBe('moved-on');
    const sheet = await take('选项二', 'sheet');
    const questionId = sheet.draw[0].questionId;
    expect(await attempts.submitSheet(sheet, [{ position: 0, questionId, response: 'D', correct: false, points: 0, messageId: null }], now)).not.toBe('moved-on');
    const stored = await prisma.answer.findMany({ where: { attemptId: { in: [chat.id, sheet.id] } }, orderBy: { attemptId: 'asc' } });
    // Chat: shown A is 乙 (bit 1); sheet: shown D is 甲 (bit 0).
    expect(stored.map((a) => [a.response, a.picked])).toEqual([['A', 0b10], ['D', 0b1]]);
  });
});
