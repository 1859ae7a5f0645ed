import request from 'supertest';
import { PrismaService } from '../../src/db/prisma.service';
import { MembersService } from '../../src/members/members.service';
import { AttemptsService } from '../../src/quiz/attempts.service';
import { WebLinksService } from '../../src/web/web-links.service';
import { ADMIN, auth, type TestApp } from './app';

/** A small bank whose answers the tests know: a single choice, a multiple choice, a fill-in. */
export const WEB_BANK = `slug: web-test
title: 网页答题测试题库
questions:
  - id: capital
    type: single
    stem: 中华人民共和国的首都是哪里？
    options: [上海, 北京, 广州, 深圳]
    answer: B
    explanation: 北京是首都。
  - id: parties
    type: multiple
    stem: 下列哪些是民主党派？
    options: [民革, 民盟, 工会, 共青团]
    answer: AB
    explanation: 民革和民盟是民主党派。
  - id: number
    type: fill
    stem: 民主党派共有几个？
    answer: ['8', '八']
    explanation: 共有八个民主党派。
`;

/** The right option text of each question, by stem, and the fill answer. */
export const RIGHT: Record<string, string[]> = {
  '中华人民共和国的首都是哪里？': ['北京'],
  '下列哪些是民主党派？': ['民革', '民盟'],
  '民主党派共有几个？': ['8'],
};

/** The units and the bank of the web tests, and a round over them (open from a minute ago), as created. */
export async function createWebRound(t: TestApp, round: Record<string, unknown> = {}): Promise<{ id: number; warnings: string[] }> {
  await request(t.url)
    .post('/api/units')
    .set(auth(ADMIN))
    .send([{ name: '民进新乡市委', aliases: ['民进新乡'] }, { name: '民盟新乡市委' }])
    .expect(201);
  await request(t.url).post('/api/banks').set(auth(ADMIN)).attach('file', Buffer.from(WEB_BANK), 'web-test.yaml').expect(201);
  const now = Date.now();
  const created = await request(t.url)
    .post('/api/rounds')
    .set(auth(ADMIN))
    .send({
      bank: 'web-test',
      title: '网页答题周测',
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      questionCount: 3,
      secondsPerQuestion: 60,
      channels: ['web', 'chat'],
      audience: { units: ['民进新乡市委', '民盟新乡市委'] },
      ...round,
    })
    .expect(201);
  return created.body;
}

export async function setUpWebRound(t: TestApp, round: Record<string, unknown> = {}): Promise<number> {
  const created = await createWebRound(t, round);
  const id = created.id;
  const until = Date.now() + 20_000;
  while ((await request(t.url).get(`/api/rounds/${id}`).set(auth(ADMIN))).body.status !== 'open') {
    if (Date.now() > until) throw new Error(`round ${id} did not open`);
    await new Promise((r) => setTimeout(r, 100));
  }
  t.app.get(AttemptsService).forgetRounds();
  return id;
}

/** A bound WeChat member and their personal link's path on the test server. */
export async function memberLink(t: TestApp, roundId: number, wechatId: string, name: string, unit = '民进新乡市委'): Promise<{ memberId: number; path: string }> {
  const members = t.app.get(MembersService);
  const member = await members.ensure(wechatId, name);
  const unitRow = await t.app.get(PrismaService).unit.findUniqueOrThrow({ where: { name: unit } });
  await members.bind(wechatId, name, unitRow.id);
  const round = (await t.app.get(AttemptsService).roundById(roundId))!;
  const link = t.app.get(WebLinksService).personalLink(member.id, round)!;
  return { memberId: member.id, path: new URL(link).pathname };
}
