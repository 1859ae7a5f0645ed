import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { PrismaService } from '../src/db/prisma.service';
import { StatusService } from '../src/health/status.service';
import { ADMIN, auth, startTestApp, type TestApp } from './support/app';
import { FakeWechat, waitUntil } from './support/puppet-server';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

describe('the rooms of the bot account (real bot, puppet service)', () => {
  const wechat = new FakeWechat();
  let t: TestApp;
  const rooms = () => t.app.get(PrismaService).botRoom.findMany({ orderBy: { topic: 'asc' }, select: { account: true, roomId: true, topic: true } });
  const round = (audienceRooms: string[]) =>
    request(t.url)
      .post('/api/rounds')
      .set(auth(ADMIN))
      .send({ bank: 'tongxin-bases', title: '群测', startsAt: '2099-12-20 09:00', endsAt: '2099-12-20 18:00', questionCount: 3, audience: { rooms: audienceRooms } });

  beforeAll(async () => {
    await wechat.start();
  });

  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });

  it('records the rooms at login and follows topic changes and leaving', async () => {
    const member = wechat.person('群友');
    const first = wechat.room('德阳统战答题群', [member]);
    wechat.room('绵阳统战答题群', [member]);
    t = await startTestApp({ ...wechat.env, BOT_ACCOUNT: 'deyang-1' });

    // Before the account ever logged in, its rooms cannot be checked: a warning, not a refusal.
    const unchecked = await round(['德阳统战答题群']).expect(201);
    expect(unchecked.body.warnings[0]).toContain('「德阳统战答题群」');

    await waitUntil(() => t.app.get(StatusService).botStatus().state === 'logged-out', 15_000, 'the bot to connect');
    wechat.login();
    await waitUntil(async () => (await rooms()).length === 2, 15_000, 'the rooms to be recorded');
    expect(await rooms()).toEqual([
      { account: 'deyang-1', roomId: first.id, topic: '德阳统战答题群' },
      { account: 'deyang-1', roomId: expect.any(String), topic: '绵阳统战答题群' },
    ]);

    const known = await round(['德阳统战答题群']).expect(201);
    expect(known.body.warnings).toEqual([]);
    const refused = await round(['没有这个群']).expect(400);
    expect(refused.body).toMatchObject({ field: 'audience.rooms' });
    expect(refused.body.message).toContain('「没有这个群」');

    first.topic('德阳统战学习群').by(member);
    await waitUntil(async () => (await rooms()).some((r) => r.topic === '德阳统战学习群'), 10_000, 'the new topic');

    first.remove(wechat.botUser).by(member);
    await waitUntil(async () => (await rooms()).every((r) => r.roomId !== first.id), 10_000, 'the room to be forgotten');
  });

  it('accepts a room the bot joined without an event, read again from WeChat', async () => {
    const member = wechat.person('新群友');
    wechat.room('广汉统战答题群', [member]);
    await round(['广汉统战答题群']).expect(201);
    expect((await rooms()).map((r) => r.topic)).toContain('广汉统战答题群');
  });
});
