// The server runs in another zone than the configured TIMEZONE: times must still be read in TIMEZONE.
process.env.TZ = 'UTC';
import request from 'supertest';
import { PrismaService } from '../src/db/prisma.service';
import { OutboundService } from '../src/outbound/outbound.service';
import { LeaderboardService } from '../src/quiz/leaderboard.service';
import { RoundSchedulerService } from '../src/quiz/round-scheduler.service';
import { RoomsService } from '../src/rooms/rooms.service';
import { ADMIN, auth, startTestApp, type TestApp } from './support/app';

describe('rounds: times, checks and closing as one unit', () => {
  let t: TestApp;
  let prisma: PrismaService;
  const base = { bank: 'tongxin-bases', title: '周测', questionCount: 3 };
  const post = (body: Record<string, unknown>) => request(t.url).post('/api/rounds').set(auth(ADMIN)).send(body);

  beforeAll(async () => {
    t = await startTestApp({ TIMEZONE: 'Asia/Shanghai', QUIZ_TICK_MS: '600000', REMINDER_MINUTES_BEFORE_CLOSE: '60' });
    prisma = t.app.get(PrismaService);
  });

  afterAll(async () => {
    await t?.close();
  });

  afterEach(() => jest.restoreAllMocks());

  it('reads times without an offset in TIMEZONE, not in the server zone, and lists them with its offset', async () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(0);
    const res = await post({ ...base, startsAt: '2099-12-03 09:00', endsAt: '2099-12-03T18:00' }).expect(201);
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored.startsAt.toISOString()).toBe('2099-12-03T01:00:00.000Z');
    expect(stored.endsAt.toISOString()).toBe('2099-12-03T10:00:00.000Z');
    expect(res.body).toMatchObject({
      startsAt: '2099-12-03T01:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      local: { startsAt: '2099-12-03T09:00:00+08:00', endsAt: '2099-12-03T18:00:00+08:00', openedAt: null },
    });
    const withOffset = await post({ ...base, startsAt: '2099-12-03T09:00:00+09:00', endsAt: '2099-12-03T10:00:00Z' }).expect(201);
    expect(withOffset.body.startsAt).toBe('2099-12-03T00:00:00.000Z');

    const patched = await request(t.url).patch(`/api/rounds/${res.body.id}`).set(auth(ADMIN)).send({ startsAt: '2099-12-03 08:30' }).expect(200);
    expect(patched.body.local.startsAt).toBe('2099-12-03T08:30:00+08:00');
    const listed = (await request(t.url).get('/api/rounds').set(auth(ADMIN)).expect(200)).body.find((r: { id: number }) => r.id === res.body.id);
    expect(listed.local.startsAt).toBe('2099-12-03T08:30:00+08:00');

    for (const bad of ['2099-13-03 09:00', '2099-12-03', 'tomorrow 9am', '03.12.2026 09:00']) {
      const refused = await post({ ...base, startsAt: bad, endsAt: '2099-12-04 09:00' }).expect(400);
      expect(refused.body).toMatchObject({ field: 'startsAt' });
    }
  });

  it('checks a changed recurrence as strictly as a new one', async () => {
    const res = await post({ ...base, startsAt: '2099-12-10 09:00', endsAt: '2099-12-10 18:00', recurrence: '0 9 * * 1' }).expect(201);
    const refused = await request(t.url).patch(`/api/rounds/${res.body.id}`).set(auth(ADMIN)).send({ recurrence: 'every day' }).expect(400);
    expect(refused.body).toMatchObject({ field: 'recurrence' });
    expect(refused.body.message).toMatch(/^recurrence: /);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: res.body.id } })).recurrence).toBe('0 9 * * 1');
    const ended = await request(t.url).patch(`/api/rounds/${res.body.id}`).set(auth(ADMIN)).send({ recurrence: '' }).expect(200);
    expect(ended.body.recurrence).toBeNull();
  });

  it('warns about rooms it cannot check and about a round too short for its reminder', async () => {
    const res = await post({ ...base, startsAt: '2099-12-11 09:00', endsAt: '2099-12-11 09:30', audience: { rooms: ['没有这个群'] } }).expect(201);
    expect(res.body.warnings).toHaveLength(2);
    expect(res.body.warnings[0]).toContain('「没有这个群」');
    expect(res.body.warnings[1]).toContain('不会发送结束提醒');
    const fine = await post({ ...base, startsAt: '2099-12-11 09:00', endsAt: '2099-12-11 18:00' }).expect(201);
    expect(fine.body.warnings).toEqual([]);
  });

  it('refuses a room the bot is not in once its rooms are known, naming the room', async () => {
    await t.app.get(RoomsService).replaceAll([{ id: 'room-1', topic: '德阳统战答题群' }], 'another-account');
    const refused = await post({ ...base, startsAt: '2099-12-12 09:00', endsAt: '2099-12-12 18:00', audience: { rooms: ['德阳统战答题群', '没有这个群'] } }).expect(400);
    expect(refused.body).toMatchObject({ field: 'audience.rooms' });
    expect(refused.body.message).toMatch(/^audience\.rooms: .*「没有这个群」/);
    const res = await post({ ...base, startsAt: '2099-12-12 09:00', endsAt: '2099-12-12 18:00', audience: { rooms: ['德阳统战答题群'] } }).expect(201);
    expect(res.body.warnings).toEqual([]);
    await request(t.url).patch(`/api/rounds/${res.body.id}`).set(auth(ADMIN)).send({ audience: { rooms: ['没有这个群'] } }).expect(400);
  });

  it('posts results and schedules the next occurrence together, retrying after a failure between closing and results', async () => {
    const scheduler = t.app.get(RoundSchedulerService);
    const now = Date.now();
    const round = await prisma.round.create({
      data: {
        bankId: (await prisma.bank.findUniqueOrThrow({ where: { slug: 'tongxin-bases' } })).id,
        title: '每周测验',
        startsAt: new Date(now - 7_200_000),
        endsAt: new Date(now - 1000),
        questionCount: 3,
        audienceRooms: ['德阳统战答题群'],
        recurrence: '0 9 * * 1',
        status: 'open',
        openedAt: new Date(now - 7_200_000),
        remindedAt: new Date(now - 3_600_000),
      },
    });
    const state = async () => ({
      round: await prisma.round.findUniqueOrThrow({ where: { id: round.id } }),
      results: await prisma.outboundMessage.count({ where: { body: { startsWith: '【答题结果】每周测验' } } }),
      next: await prisma.round.count({ where: { parentRoundId: round.id } }),
    });

    // The round is closed, then working out its results fails (for the whole pass).
    const report = jest.spyOn(t.app.get(LeaderboardService), 'unitReport').mockRejectedValue(new Error('database went away'));
    await scheduler.tick();
    report.mockRestore();
    let s = await state();
    expect(s.round.status).toBe('closed');
    expect(s).toMatchObject({ results: 0, next: 0 });
    expect(s.round.resultsPostedAt).toBeNull();

    // The next pass fails while queueing them: nothing of the unit is kept.
    const insert = jest.spyOn(t.app.get(OutboundService), 'enqueueIn').mockRejectedValue(new Error('insert failed'));
    await scheduler.tick();
    insert.mockRestore();
    s = await state();
    expect(s).toMatchObject({ results: 0, next: 0 });
    expect(s.round.resultsPostedAt).toBeNull();

    await scheduler.tick();
    await scheduler.tick();
    s = await state();
    expect(s).toMatchObject({ results: 1, next: 1 });
    expect(s.round.resultsPostedAt).not.toBeNull();
  });

  it('goes on with the other rounds when one of them cannot be handled', async () => {
    const scheduler = t.app.get(RoundSchedulerService);
    const bankId = (await prisma.bank.findUniqueOrThrow({ where: { slug: 'tongxin-bases' } })).id;
    const now = Date.now();
    const due = (title: string, recurrence: string) => ({
      bankId,
      title,
      startsAt: new Date(now - 7_200_000),
      endsAt: new Date(now - 1000),
      questionCount: 3,
      audienceRooms: ['德阳统战答题群'],
      recurrence,
      status: 'open',
      openedAt: new Date(now - 7_200_000),
      remindedAt: new Date(now - 3_600_000),
    });
    // Stored before recurrences were checked on every change.
    const broken = await prisma.round.create({ data: due('坏周期', 'every day') });
    const good = await prisma.round.create({ data: due('好周期', '0 9 * * 1') });
    await scheduler.tick();
    for (const id of [broken.id, good.id]) {
      const r = await prisma.round.findUniqueOrThrow({ where: { id } });
      expect(r.status).toBe('closed');
      expect(r.resultsPostedAt).not.toBeNull();
    }
    expect(await prisma.round.count({ where: { parentRoundId: broken.id } })).toBe(0);
    expect(await prisma.round.count({ where: { parentRoundId: good.id } })).toBe(1);

    // A round whose announcement cannot be queued stays due and does not hold up the next one.
    const first = await prisma.round.create({ data: { ...due('先开', '0 9 * * 1'), status: 'scheduled', openedAt: null, endsAt: new Date(now + 3_600_000) } });
    const second = await prisma.round.create({ data: { ...due('后开', '0 9 * * 1'), status: 'scheduled', openedAt: null, endsAt: new Date(now + 3_600_000) } });
    jest.spyOn(t.app.get(OutboundService), 'enqueueIn').mockRejectedValueOnce(new Error('queue full'));
    await scheduler.tick();
    expect((await prisma.round.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('scheduled');
    expect((await prisma.round.findUniqueOrThrow({ where: { id: second.id } })).status).toBe('open');
    await scheduler.tick();
    expect((await prisma.round.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('open');
    for (const title of ['先开', '后开']) expect(await prisma.outboundMessage.count({ where: { body: { startsWith: `【答题开始】${title}` } } })).toBe(1);
  });
});
