import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { mock } from 'wechaty-puppet-mock';
import { PrismaService } from '../src/db/prisma.service';
import { StatusService } from '../src/health/status.service';
import { ADMIN, auth, startTestApp, type TestApp } from './support/app';
import { FakeWechat, waitUntil } from './support/puppet-server';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

describe('the daily digest in a round’s group (real bot, puppet service)', () => {
  const wechat = new FakeWechat();
  let t: TestApp;

  beforeAll(async () => {
    await wechat.start();
  });
  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });

  it('posts participation, the leading and lagging units and the chart by unit, once a day', async () => {
    const member = wechat.person('群成员');
    const room = wechat.room('新乡统战答题群', [member]);
    const received: Array<{ type: number; text: string }> = [];
    room.on('message', (message: mock.MessageMock) => {
      if (message.talker().id === wechat.botUser.id) received.push({ type: message.type(), text: message.text() ?? '' });
    });
    // A digest time already past today: the digest of the day is due at once.
    t = await startTestApp({ ...wechat.env, DIGEST_TIME: '00:00', QUIZ_TICK_MS: '300', REMINDER_MINUTES_BEFORE_CLOSE: '0' });
    await waitUntil(() => t.app.get(StatusService).botStatus().state === 'logged-out', 15_000, 'the bot to connect');
    wechat.login();
    await waitUntil(() => t.app.get(StatusService).botStatus().state === 'logged-in', 15_000, 'the bot to log in');

    await request(t.url)
      .post('/api/units')
      .set(auth(ADMIN))
      .send([
        { name: '新乡市委统战部', headcount: 0 },
        { name: '民革新乡市委', parent: '新乡市委统战部', headcount: 10 },
        { name: '民盟新乡市委', parent: '新乡市委统战部', headcount: 20 },
      ])
      .expect(201);
    const startsAt = new Date(Date.now() + 1500).toISOString();
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    await request(t.url)
      .post('/api/rounds')
      .set(auth(ADMIN))
      .send({ bank: 'tongxin-bases', title: '条例周测', startsAt, endsAt, questionCount: 3, audience: { units: ['新乡市委统战部'], rooms: ['新乡统战答题群'] } })
      .expect(201);

    await waitUntil(() => received.some((m) => m.text.includes('【每日通报】')), 30_000, 'the digest');
    await waitUntil(() => received.some((m) => m.type === 6), 30_000, 'the chart');
    const digest = received.find((m) => m.text.includes('【每日通报】'))!.text;
    expect(digest).toContain('「条例周测」');
    expect(digest).toContain('共 0 人参与');
    expect(digest).toContain('应参与 30 人');
    expect(digest).toMatch(/参与率较低：/);
    expect(digest).not.toMatch(/[\u4e00-\u9fff][,:;?!]/);

    // Once a day: more ticks post nothing more.
    const count = received.length;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(received.filter((m) => m.text.includes('【每日通报】'))).toHaveLength(1);
    expect(received.length).toBe(count);

    // At the close, the results are followed by the chart.
    await t.app.get(PrismaService).round.updateMany({ where: { title: '条例周测' }, data: { endsAt: new Date() } });
    await waitUntil(() => received.some((m) => m.text.includes('【答题结果】')), 30_000, 'the results');
    await waitUntil(() => received.filter((m) => m.type === 6).length === 2, 30_000, 'the results chart');
  }, 150_000);
});
