import { BadRequestException } from '@nestjs/common';
import request from 'supertest';
import { RoundsService } from '../src/quiz/rounds.service';
import { roundInput } from '../src/quiz/round-plan';
import { RoomsService } from '../src/rooms/rooms.service';
import { PrismaService } from '../src/db/prisma.service';
import { AttemptsService } from '../src/quiz/attempts.service';
import { AttemptStore } from '../src/quiz/attempt-store';
import { MembersService } from '../src/members/members.service';
import { WebLinksService } from '../src/web/web-links.service';
import { MessageRouter } from '../src/bot/router';
import { ADMIN, auth, startTestApp, type TestApp } from './support/app';
import { memberLink, RIGHT, setUpWebRound } from './support/web-quiz';

/** The letters of the right options as this paper shows them, or the fill answer. */
function rightAnswers(questions: Array<{ stem: string; type: string; options: string[] }>): string[] {
  return questions.map((q) => (q.type === 'fill' ? RIGHT[q.stem][0] : RIGHT[q.stem].map((text) => 'ABCDEFGH'[q.options.indexOf(text)]).sort().join('')));
}

describe('web quiz API: links, papers, progress and submissions', () => {
  let t: TestApp;
  let roundId: number;
  let prisma: PrismaService;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://quiz.example.org/', QUIZ_TICK_MS: '200', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' });
    prisma = t.app.get(PrismaService);
    roundId = await setUpWebRound(t);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('refuses the web channel without PUBLIC_URL, and estimates per channel', async () => {
    const round = await request(t.url).get(`/api/rounds/${roundId}`).set(auth(ADMIN)).expect(200);
    expect(round.body.channels).toEqual(['web', 'chat']);
    expect(Object.keys(round.body.estimate.perChannel)).toEqual(['web', 'chat']);
    const link = t.app.get(WebLinksService).personalLink(1, (await t.app.get(AttemptsService).roundById(roundId))!)!;
    expect(link).toMatch(/^https:\/\/quiz\.example\.org\/q\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);

    // The same service on a server without PUBLIC_URL.
    const withoutUrl = new RoundsService(prisma, { ...t.config, PUBLIC_URL: undefined }, t.app.get(RoomsService));
    const refused = withoutUrl.create({ ...roundInput.parse({ bank: 'web-test', title: 't', startsAt: '2099-12-30T09:00:00Z', endsAt: '2099-12-30T10:00:00Z', questionCount: 1 }), channels: ['web'] });
    await expect(refused).rejects.toThrow(BadRequestException);
    await expect(refused).rejects.toMatchObject({ response: { message: expect.stringContaining('PUBLIC_URL'), field: 'channels' } });
  });

  it('serves a paper without answers, resumes it with saved progress, and counts a double submission once', async () => {
    const { path, memberId } = await memberLink(t, roundId, 'wxid_web_a', '张三');
    const token = path.split('/').pop()!;
    const paper = (await request(t.url).get(`/api/web/paper/${token}`).expect(200)).body;
    expect(paper).toMatchObject({ state: 'answering', title: '网页答题周测' });
    expect(paper.questions).toHaveLength(3);
    const text = JSON.stringify(paper);
    expect(text).not.toMatch(/explanation|"answer"|北京是首都/);

    const right = rightAnswers(paper.questions);
    await request(t.url).post(`/api/web/progress/${token}`).send({ attemptId: paper.attemptId, answers: [right[0], null, ''] }).expect(201);
    const again = (await request(t.url).get(`/api/web/paper/${token}`).expect(200)).body;
    expect(again.attemptId).toBe(paper.attemptId);
    expect(again.questions).toEqual(paper.questions);
    expect(again.saved).toEqual([right[0], null, '']);

    const submit = () => request(t.url).post(`/api/web/submit/${token}`).send({ attemptId: paper.attemptId, answers: right });
    const [first, second] = await Promise.all([submit(), submit()]);
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(first.body).toMatchObject({ score: 30, maxScore: 30, correctCount: 3, late: false, attemptsLeft: 0 });
    const third = await request(t.url).post(`/api/web/submit/${token}`).send({ attemptId: paper.attemptId, answers: ['A', 'C', 'x'] }).expect(201);
    expect(third.body).toEqual(first.body);
    const attempts = await prisma.attempt.findMany({ where: { memberId, roundId }, include: { answers: true } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ channel: 'web', score: 30 });
    expect(attempts[0].answers).toHaveLength(3);

    const result = (await request(t.url).get(`/api/web/result/${token}?attempt=${paper.attemptId}`).expect(200)).body;
    expect(result.unit).toMatchObject({ name: '民进新乡市委', rank: expect.any(Number) });
    expect(result.questions[0]).toMatchObject({ correct: true, explanation: expect.any(String) });
    // Finished and no attempts left: the link shows the result, no new attempt.
    expect((await request(t.url).get(`/api/web/paper/${token}`).expect(200)).body).toMatchObject({ state: 'finished', summary: { score: 30 } });
    await request(t.url).post(`/api/web/again/${token}`).expect(201);
    expect(await prisma.attempt.count({ where: { memberId, roundId } })).toBe(1);
  });

  it('starts one attempt when tabs or instances race for the first paper', async () => {
    const { path, memberId } = await memberLink(t, roundId, 'wxid_web_race', '孙八');
    const token = path.split('/').pop()!;
    const papers = await Promise.all([1, 2, 3, 4].map(() => request(t.url).get(`/api/web/paper/${token}`)));
    expect(papers.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(papers.map((p) => p.body.attemptId)).size).toBe(1);
    expect(await prisma.attempt.count({ where: { memberId, roundId } })).toBe(1);

    // Two instances are two stores with their own batches: the database decides.
    const other = await memberLink(t, roundId, 'wxid_web_race2', '周九');
    const draw = [{ questionId: (await prisma.question.findFirstOrThrow()).id, order: [0, 1, 2, 3] }];
    const attempt = { roundId, memberId: other.memberId, unitId: null, channel: 'web' as const, draw, deadline: null, maxScore: 10 };
    const [a, b] = await Promise.all([new AttemptStore(prisma).create(attempt), new AttemptStore(prisma).create(attempt)]);
    expect(a.id).toBe(b.id);
    expect(await prisma.attempt.count({ where: { memberId: other.memberId, roundId } })).toBe(1);
    await expect(
      prisma.sql.query(`INSERT INTO attempt (round_id, member_id, channel, draw, max_score) VALUES ($1, $2, 'web', '[]', 0)`, [roundId, other.memberId]),
    ).rejects.toThrow(/unique|duplicate/i);

    // The winner is submitted between the loser's insert and its read: the loser gets the finished attempt.
    const finishesWinnerAfterInsert = {
      sql: {
        prepared: async (text: string, params: unknown[]) => {
          const rows = await prisma.sql.prepared(text, params);
          if (text.includes('INSERT INTO attempt')) {
            await prisma.sql.query('UPDATE attempt SET finished_at = now() WHERE member_id = $1 AND round_id = $2 AND finished_at IS NULL', [other.memberId, roundId]);
          }
          return rows;
        },
      },
    } as unknown as PrismaService;
    const late = await new AttemptStore(finishesWinnerAfterInsert).create(attempt);
    expect(late).toMatchObject({ id: a.id, finishedAt: expect.any(Date) });
  });

  it('answers reads gathered into one statement each with its own member, standing and attempt', async () => {
    const a = await memberLink(t, roundId, 'wxid_web_batch_a', '批量甲');
    const b = await memberLink(t, roundId, 'wxid_web_batch_b', '批量乙');
    const started = (await request(t.url).get(`/api/web/paper/${a.path.split('/').pop()}`).expect(200)).body;
    const store = t.app.get(AttemptsService).store;
    const members = t.app.get(MembersService);
    // Asked at once, the same key twice among them, plus a member and an attempt that do not exist.
    const [standings, people, attempts] = await Promise.all([
      Promise.all([store.standing(a.memberId, roundId), store.standing(b.memberId, roundId), store.standing(a.memberId, roundId), store.standing(a.memberId, roundId + 999)]),
      Promise.all([members.byId(b.memberId), members.byId(a.memberId), members.byId(2 ** 31 - 1)]),
      Promise.all([store.byIdWithUsed(started.attemptId), store.byIdWithUsed(2 ** 31 - 1)]),
    ]);
    expect(standings.map((s) => [s.attempt?.id, s.used])).toEqual([[started.attemptId, 1], [undefined, 0], [started.attemptId, 1], [undefined, 0]]);
    expect(people.map((m) => m?.name)).toEqual(['批量乙', '批量甲', undefined]);
    expect(people[1]).toMatchObject({ id: a.memberId, unit: '民进新乡市委', wechatBound: true });
    expect(attempts.map((s) => [s.attempt?.memberId, s.used])).toEqual([[a.memberId, 1], [undefined, 0]]);
  });

  it('scores a submission after the deadline 0', async () => {
    const { path } = await memberLink(t, roundId, 'wxid_web_late', '迟到');
    const token = path.split('/').pop()!;
    const paper = (await request(t.url).get(`/api/web/paper/${token}`).expect(200)).body;
    await prisma.attempt.update({ where: { id: paper.attemptId }, data: { startedAt: new Date(Date.now() - 10 * 60_000) } });
    const saved = await request(t.url).post(`/api/web/progress/${token}`).send({ attemptId: paper.attemptId, answers: ['A'] }).expect(201);
    expect(saved.body).toEqual({ saved: false });
    const res = await request(t.url).post(`/api/web/submit/${token}`).send({ attemptId: paper.attemptId, answers: rightAnswers(paper.questions) }).expect(201);
    expect(res.body).toMatchObject({ score: 0, late: true });
  });

  it('refuses bad links and bad input with Chinese answers, never a 500', async () => {
    const { path } = await memberLink(t, roundId, 'wxid_web_b', '王五');
    const token = path.split('/').pop()!;
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    const page = await request(t.url).get(`/q/${tampered}`).expect(403);
    expect(page.text).toContain('链接已被改动');
    expect((await request(t.url).get(`/api/web/paper/${tampered}`).expect(403)).body.message).toMatch(/链接已被改动/);
    expect((await request(t.url).get('/q/nonsense').expect(404)).text).toContain('链接无效');
    expect((await request(t.url).get(`/q/${'x'.repeat(5000)}`)).status).toBeLessThan(500);
    await request(t.url).post(`/api/web/submit/${token}`).send({ attemptId: 1, answers: 'x'.repeat(10) }).expect(400);
    await request(t.url).post(`/api/web/submit/${token}`).send({ attemptId: 1, answers: Array(101).fill('A') }).expect(400);
    await request(t.url).post(`/api/web/submit/${token}`).send({ attemptId: 999999, answers: [] }).expect(404);
    await request(t.url).get(`/api/web/result/${token}?attempt=abc`).expect(404);

    const links = t.app.get(WebLinksService);
    const closedRound = (await prisma.round.create({
      data: { bankId: (await prisma.bank.findUniqueOrThrow({ where: { slug: 'web-test' } })).id, title: '已结束', startsAt: new Date(Date.now() - 7200_000), endsAt: new Date(Date.now() + 3600_000), questionCount: 1, status: 'closed', channels: ['web'] },
    }))!;
    expect((await request(t.url).get(new URL(links.personalLink(1, closedRound)!).pathname).expect(410)).text).toContain('答题已结束');
    const scheduled = await prisma.round.update({ where: { id: closedRound.id }, data: { status: 'scheduled', startsAt: new Date(Date.now() + 3600_000), endsAt: new Date(Date.now() + 7200_000) } });
    expect((await request(t.url).get(new URL(links.groupLink(scheduled)!).pathname).expect(403)).text).toContain('答题尚未开始');
    const gone = { ...scheduled, id: 999_999 };
    expect((await request(t.url).get(new URL(links.personalLink(1, gone)!).pathname).expect(404)).text).toContain('找不到这轮答题');
    const expired = { ...scheduled, endsAt: new Date(Date.now() - 1000) };
    expect((await request(t.url).get(new URL(links.personalLink(1, expired)!).pathname).expect(410)).text).toContain('链接已过期');
  });

  it('lets a group-link visitor in by unit alias and name; the same name in the same unit is the same person', async () => {
    const round = (await t.app.get(AttemptsService).roundById(roundId))!;
    const token = new URL(t.app.get(WebLinksService).groupLink(round)!).pathname.split('/').pop()!;
    const entry = (await request(t.url).get(`/api/web/group/${token}`).expect(200)).body;
    expect(entry.units.map((u: { name: string }) => u.name).sort()).toEqual(['民盟新乡市委', '民进新乡市委']);
    const first = (await request(t.url).post(`/api/web/group/${token}/start`).send({ unit: '民进新乡', name: ' 赵 六 ' }).expect(201)).body;
    expect(first).toMatchObject({ unit: '民进新乡市委', name: '赵六', existed: false });
    const second = (await request(t.url).post(`/api/web/group/${token}/start`).send({ unit: '民进新乡市委', name: '赵六' }).expect(201)).body;
    expect(second).toMatchObject({ existed: true });
    expect(second.link).toBe(first.link);
    const other = (await request(t.url).post(`/api/web/group/${token}/start`).send({ unit: '民盟新乡市委', name: '赵六' }).expect(201)).body;
    expect(other.link).not.toBe(first.link);
    const refused = await request(t.url).post(`/api/web/group/${token}/start`).send({ unit: '没有的单位', name: '赵六' }).expect(400);
    expect(refused.body.message).toMatch(/没有找到单位/);
    await request(t.url).post(`/api/web/group/${token}/start`).send({ unit: '民进新乡', name: '' }).expect(400);
    const members = await prisma.member.findMany({ where: { name: '赵六' } });
    expect(members).toHaveLength(2);
    expect(members.every((m) => m.wechatId === null)).toBe(true);
  });

  it('answers 答题 in private chat with the member\'s own link, in one message that says how to answer in chat instead', async () => {
    await memberLink(t, roundId, 'wxid_web_chat', '钱八');
    const router = t.app.get(MessageRouter);
    const say = (text: string, id: string) =>
      router.route({ messageId: id, talker: { id: 'wxid_web_chat', name: '钱八' }, text, kind: 'text', mentioned: false, sentAt: new Date() });
    const replies = await say('答题', 'web-chat-1');
    expect(replies).toHaveLength(1);
    expect(replies[0].body).toMatch(/https:\/\/quiz\.example\.org\/q\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}/);
    expect(replies[0].body).toContain('「聊天答题」');
    const token = /\/q\/(\S+)/.exec(replies[0].body)![1];
    await request(t.url).get(`/api/web/paper/${token}`).expect(200);
    // An unfinished web attempt: 答题 and 继续答题 give the link again, a text is no answer to it.
    expect((await say('继续答题', 'web-chat-2'))[0].body).toContain(token);
    expect((await say('答题', 'web-chat-3'))[0].body).toContain('未完成');
  });
});
