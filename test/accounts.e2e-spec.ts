import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { PrismaService } from '../src/db/prisma.service';
import { StatusService } from '../src/health/status.service';
import { OutboundService } from '../src/outbound/outbound.service';
import { RoundSchedulerService } from '../src/quiz/round-scheduler.service';
import { ADMIN, auth, startTestApp, type TestApp } from './support/app';
import { FakeWechat, waitUntil, type Inbox } from './support/puppet-server';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

// Two instances, one WeChat account each, share a PostgreSQL database; the embedded database
// serves one process only, so this runs where TEST_DATABASE_URL names a server.
const maybe = process.env.TEST_DATABASE_URL ? describe : describe.skip;

maybe('several accounts, one instance each, on one PostgreSQL database (real bots, puppet service)', () => {
  const deyang = new FakeWechat();
  const mianyang = new FakeWechat();
  let first: TestApp;
  let second: TestApp;
  const inboxes = new Map<string, Inbox>();

  /** An account's WeChat with its own rooms, and an instance logged in to it. */
  async function instance(wechat: FakeWechat, account: string, topics: string[], database?: TestApp['database']): Promise<TestApp> {
    await wechat.start();
    const member = wechat.person(`${account}群友`);
    for (const topic of topics) inboxes.set(`${account}/${topic}`, wechat.inbox(wechat.room(topic, [member])));
    const t = await startTestApp({ ...wechat.env, BOT_ACCOUNT: account, QUIZ_TICK_MS: '600000' }, database);
    await waitUntil(() => t.app.get(StatusService).botStatus().state === 'logged-out', 15_000, `${account} to connect`);
    wechat.login();
    return t;
  }

  beforeAll(async () => {
    first = await instance(deyang, 'deyang', ['德阳统战答题群', '旌阳区答题群', '联络群']);
    second = await instance(mianyang, 'mianyang', ['绵阳统战答题群', '联络群'], first.database);
    const prisma = first.app.get(PrismaService);
    await waitUntil(async () => (await prisma.botRoom.count()) === 5, 15_000, 'both accounts’ rooms to be recorded');
  });

  afterAll(async () => {
    await second?.stop();
    await first?.close();
    await mianyang.stop();
    await deyang.stop();
  });

  it('announces a round in every audience room of both accounts, each once, through the account in the room', async () => {
    const audience = ['德阳统战答题群', '旌阳区答题群', '绵阳统战答题群', '联络群'];
    const created = await request(second.url)
      .post('/api/rounds')
      .set(auth(ADMIN))
      .send({
        bank: 'tongxin-bases',
        title: '两地联合答题',
        startsAt: new Date(Date.now() - 1000).toISOString(),
        endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
        questionCount: 5,
        audience: { rooms: audience },
      })
      .expect(201);
    expect(created.body.warnings).toEqual([]);
    // The rooms split as they will be sent: 联络群 goes to one of the two accounts.
    const budgets = created.body.estimate.accounts as Array<{ account: string; rooms: number }>;
    expect(budgets.map((b) => b.account)).toEqual(['deyang', 'mianyang']);
    expect(budgets.reduce((sum, b) => sum + b.rooms, 0)).toBe(4);

    // Both instances tick at once: one of them opens the round and queues every announcement.
    await Promise.all([first.app.get(RoundSchedulerService).tick(), second.app.get(RoundSchedulerService).tick()]);
    const prisma = first.app.get(PrismaService);
    const queued = () => prisma.outboundMessage.findMany({ where: { body: { startsWith: '【答题开始】' } }, orderBy: { id: 'asc' } });
    await waitUntil(async () => {
      const rows = await queued();
      return rows.length > 0 && rows.every((r) => r.state === 'sent');
    }, 30_000, 'the announcements to be sent');

    const roomIds = await prisma.botRoom.findMany();
    const sentTo = (await queued()).map((r) => {
      const room = roomIds.find((b) => b.account === r.account && b.roomId === r.target);
      return `${r.account}/${room?.topic ?? `? ${r.targetKind} ${r.target}`}`;
    });
    expect(sentTo.filter((s) => !s.endsWith('/联络群')).sort()).toEqual(['deyang/德阳统战答题群', 'deyang/旌阳区答题群', 'mianyang/绵阳统战答题群']);
    expect(sentTo.filter((s) => s.endsWith('/联络群'))).toHaveLength(1);

    const received = (key: string) => inboxes.get(key)!.messages.filter((m) => m.startsWith('【答题开始】')).length;
    await waitUntil(() => sentTo.every((key) => received(key) === 1), 10_000, 'each room to show its announcement');
    for (const key of inboxes.keys()) expect([key, received(key)]).toEqual([key, sentTo.includes(key) ? 1 : 0]);
  });

  it('sends to a shared room through the account still connected once the other instance stops', async () => {
    const prisma = second.app.get(PrismaService);
    const connected = async () => (await prisma.botAccount.findMany({ orderBy: { account: 'asc' } })).map((a) => [a.account, a.connectedAt !== null]);
    expect(await connected()).toEqual([['deyang', true], ['mianyang', true]]);
    // With both connected and nothing queued, deyang would send (a tie goes to the first name).
    await first.stop();
    expect(await connected()).toEqual([['deyang', false], ['mianyang', true]]);

    await second.app.get(OutboundService).enqueue([{ target: { kind: 'room-topic', id: '联络群' }, body: '【通知】明晚八点答题' }]);
    const row = await prisma.outboundMessage.findFirstOrThrow({ where: { body: '【通知】明晚八点答题' } });
    expect(row.account).toBe('mianyang');
    await waitUntil(() => inboxes.get('mianyang/联络群')!.messages.includes('【通知】明晚八点答题'), 10_000, 'the notice in 联络群 through mianyang');
    expect(inboxes.get('deyang/联络群')!.messages).not.toContain('【通知】明晚八点答题');
  });
});
