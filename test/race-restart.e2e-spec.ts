import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { PrismaService } from '../src/db/prisma.service';
import { ADMIN, auth, logInBot, startTestApp, type TestApp } from './support/app';
import { FakeWechat, waitUntil } from './support/puppet-server';
import { correctReply, type BankQuestion } from './support/quiz-helpers';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

/** The question part of a bot message, from its 第N题 on. */
const questionIn = (message: string) => message.slice(message.search(/第\d+题\/共/));

describe('a 抢答 goes on after the service restarts (real bot, puppet service)', () => {
  const wechat = new FakeWechat();
  let first: TestApp | undefined;
  let second: TestApp | undefined;

  beforeAll(async () => {
    await wechat.start();
  });

  afterAll(async () => {
    await first?.stop();
    await second?.close();
    if (!second) await first?.close();
    await wechat.stop();
  });

  // Two starts and logins of the service: slow on a busy machine.
  it('keeps the question, the scores and the deadlines across a restart and finishes with results', async () => {
    const env = { ...wechat.env, BOT_ADMINS: 'wxid_race_admin', QUIZ_TICK_MS: '200' };
    first = await startTestApp(env);
    await logInBot(first, wechat);
    const questions: BankQuestion[] = [];
    for (const slug of ['tongzhan-cities', 'tongxin-bases']) {
      questions.push(...(await request(first.url).get(`/api/banks/${slug}`).set(auth(ADMIN)).expect(200)).body.questions);
    }

    const admin = wechat.person('管理员', 'wxid_race_admin');
    const player = wechat.person('抢答手');
    const room = wechat.room('抢答群', [admin, player]);
    const inbox = wechat.inbox(room);
    admin.say('@Bot\u2005抢答 3', [wechat.botUser]).to(room);
    const opening = await inbox.next(15_000);
    expect(opening).toContain('【抢答开始】共3题');
    player.say(correctReply(questionIn(opening), questions)).to(room);
    const second1 = await inbox.next(15_000);
    expect(second1).toContain('抢答手 抢答正确');
    expect(second1).toContain('第2题');

    await first.stop();
    second = await startTestApp(env, first.database);
    await logInBot(second, wechat);

    // The deadline of question 2 is met by the new service from the database.
    await second.app.get(PrismaService).race.updateMany({ data: { deadline: new Date(Date.now() - 1000) } });
    const timedOut = await inbox.next(15_000);
    expect(timedOut).toContain('⏰ 时间到');
    expect(timedOut).toContain('第3题');

    player.say(correctReply(questionIn(timedOut), questions)).to(room);
    const result = await inbox.next(15_000);
    expect(result).toContain('抢答手 抢答正确');
    expect(result).toContain('【抢答结束】得分榜');
    expect(result).toContain('1. 抢答手 2题');
    const race = await second.app.get(PrismaService).race.findFirstOrThrow();
    expect(race.finishedAt).not.toBeNull();

    // The room is free for the next race.
    admin.say('@Bot\u2005抢答 1', [wechat.botUser]).to(room);
    expect(await inbox.next(15_000)).toContain('【抢答开始】共1题');
  }, 180_000);
});
