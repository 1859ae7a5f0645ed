import request from 'supertest';
import { PrismaService } from '../src/db/prisma.service';
import { OutboundService } from '../src/outbound/outbound.service';
import { RoomsService } from '../src/rooms/rooms.service';
import { ADMIN, STATS, auth, startTestApp, type TestApp } from './support/app';

describe('rooms, the outbound queue, round previews and unanswered questions for the organiser console', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Slow pacing: one message every 2 s, at most 20 a minute (3 s each), so 4 pending take 12 s.
    t = await startTestApp({ OUTBOUND_MIN_INTERVAL_MS: '2000', OUTBOUND_JITTER_MS: '0', OUTBOUND_MAX_PER_MINUTE: '20', TIMEZONE: 'Asia/Shanghai' });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists the rooms the bot accounts are in', async () => {
    expect((await request(t.url).get('/api/rooms').set(auth(STATS)).expect(200)).body).toEqual([]);
    const rooms = t.app.get(RoomsService);
    await rooms.replaceAll([{ id: 'r2@chatroom', topic: '新乡统战答题群' }, { id: 'r1@chatroom', topic: '德阳统战群' }], 'bot-a');
    await rooms.replaceAll([{ id: 'r3@chatroom', topic: '演示群' }], 'bot-b');
    const res = await request(t.url).get('/api/rooms').set(auth(STATS)).expect(200);
    expect(res.body.map((r: { account: string; roomId: string; topic: string }) => [r.account, r.roomId, r.topic])).toEqual([
      ['bot-a', 'r1@chatroom', '德阳统战群'],
      ['bot-a', 'r2@chatroom', '新乡统战答题群'],
      ['bot-b', 'r3@chatroom', '演示群'],
    ]);
    expect(Number.isNaN(Date.parse(res.body[0].updatedAt))).toBe(false);
  });

  it('reports each account’s queue: pending, sent today in TIMEZONE, failed, the oldest pending and the time to drain', async () => {
    const empty = (await request(t.url).get('/api/outbound/status').set(auth(STATS)).expect(200)).body;
    expect(empty).toEqual([{ account: t.config.BOT_ACCOUNT, pending: 0, sentToday: 0, failed: 0, oldestPendingAt: null, drainEstimateSeconds: 0 }]);

    const outbound = t.app.get(OutboundService);
    const prisma = t.app.get(PrismaService);
    await outbound.enqueue(['一', '二', '三', '四'].map((body) => ({ target: { kind: 'contact', id: 'wxid_a' }, body })), 'bot-a');
    await outbound.enqueue(['五', '六', '七'].map((body) => ({ target: { kind: 'contact', id: 'wxid_b' }, body })), 'bot-b');
    const rowsB = await prisma.outboundMessage.findMany({ where: { account: 'bot-b' }, orderBy: { id: 'asc' } });
    const now = new Date();
    // Shanghai's day began at 16:00 UTC the day before: one sent a minute ago counts, one sent before that midnight does not.
    const midnight = new Date(Date.parse(`${new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`));
    await prisma.outboundMessage.update({ where: { id: rowsB[0].id }, data: { state: 'sent', sentAt: new Date(Math.max(midnight.getTime(), now.getTime() - 60_000)) } });
    await prisma.outboundMessage.update({ where: { id: rowsB[1].id }, data: { state: 'sent', sentAt: new Date(midnight.getTime() - 60_000) } });
    await prisma.outboundMessage.update({ where: { id: rowsB[2].id }, data: { state: 'failed', tries: 6 } });
    const oldestA = (await prisma.outboundMessage.findFirstOrThrow({ where: { account: 'bot-a' }, orderBy: { id: 'asc' } })).createdAt;

    const status = (await request(t.url).get('/api/outbound/status').set(auth(STATS)).expect(200)).body;
    expect(status).toEqual([
      { account: 'bot-a', pending: 4, sentToday: 0, failed: 0, oldestPendingAt: oldestA.toISOString(), drainEstimateSeconds: 12 },
      { account: 'bot-b', pending: 0, sentToday: 1, failed: 1, oldestPendingAt: null, drainEstimateSeconds: 0 },
      expect.objectContaining({ account: t.config.BOT_ACCOUNT, pending: 0 }),
    ].sort((a, b) => (a.account < b.account ? -1 : 1)));
  });

  it('previews a round: the estimate and warnings creation would give, saving nothing', async () => {
    const round = { bank: 'tongxin-bases', title: '预览的活动', startsAt: '2030-01-01 09:00', endsAt: '2030-01-01 09:10', questionCount: 3, audience: { rooms: ['德阳统战群'] } };
    const preview = await request(t.url).post('/api/rounds?dryRun=true').set(auth(ADMIN)).send(round).expect(200);
    expect(Object.keys(preview.body).sort()).toEqual(['estimate', 'warnings']);
    expect(preview.body.estimate).toMatchObject({ windowHours: 0.17, fits: expect.any(Boolean), note: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(preview.body.warnings).toEqual([expect.stringContaining('不会发送结束提醒')]);
    expect((await request(t.url).get('/api/rounds').set(auth(STATS)).expect(200)).body).toEqual([]);

    const created = await request(t.url).post('/api/rounds').set(auth(ADMIN)).send(round).expect(201);
    expect(created.body.estimate).toEqual(preview.body.estimate);
    expect(created.body.warnings).toEqual(preview.body.warnings);

    const badRoom = await request(t.url).post('/api/rounds?dryRun=true').set(auth(ADMIN)).send({ ...round, audience: { rooms: ['没有这个群'] } }).expect(400);
    expect(badRoom.body.field).toBe('audience.rooms');
    const badCount = await request(t.url).post('/api/rounds?dryRun=true').set(auth(ADMIN)).send({ ...round, questionCount: 100000 }).expect(400);
    expect(badCount.body.field).toBe('questionCount');
    await request(t.url).post('/api/rounds?dryRun=true').set(auth(STATS)).send(round).expect(403);
    expect((await request(t.url).get('/api/rounds').set(auth(STATS)).expect(200)).body).toHaveLength(1);
  });

  it('turns an unanswered question into a new entry or a similar question in one step, and finds entries by search', async () => {
    await request(t.url).post('/api/qa/ask').send({ text: '火星上有没有统战部的分支机构' }).expect(200);
    await request(t.url).post('/api/qa/ask').send({ text: '金星上的统战工作怎么开展' }).expect(200);
    const open = (await request(t.url).get('/api/knowledge/unanswered').set(auth(STATS)).expect(200)).body as Array<{ id: number; text?: string; sampleText?: string }>;
    const idOf = (text: string) => open.find((q) => JSON.stringify(q).includes(text))!.id;

    const created = await request(t.url)
      .post(`/api/knowledge/unanswered/${idOf('火星')}/resolve`)
      .set(auth(ADMIN))
      .send({ question: '火星上有统战部吗', answer: '没有，统战部只在地球上设立。' })
      .expect(201);
    expect(created.body).toMatchObject({ question: '火星上有统战部吗', similar: ['火星上有没有统战部的分支机构'] });

    const joined = await request(t.url).post(`/api/knowledge/unanswered/${idOf('金星')}/resolve`).set(auth(ADMIN)).send({ entryId: created.body.id }).expect(201);
    expect(joined.body.similar).toEqual(['火星上有没有统战部的分支机构', '金星上的统战工作怎么开展']);
    expect((await request(t.url).get('/api/knowledge/unanswered').set(auth(STATS)).expect(200)).body).toEqual([]);

    const found = await request(t.url).get(`/api/knowledge?search=${encodeURIComponent('统战部只在地球')}`).set(auth(STATS)).expect(200);
    expect(found.body.items.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
    const bySimilar = await request(t.url).get(`/api/knowledge?search=${encodeURIComponent('金星上的统战工作怎么开展')}`).set(auth(STATS)).expect(200);
    expect(bySimilar.body.items.map((e: { id: string }) => e.id)).toEqual([created.body.id]);

    const missing = await request(t.url).post('/api/knowledge/unanswered/999999/resolve').set(auth(ADMIN)).send({ entryId: created.body.id }).expect(404);
    expect(missing.body.message).toBe('没有编号为999999的未答问题。');
  });
});
