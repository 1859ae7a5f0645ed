import request from 'supertest';
import { PrismaService } from '../src/db/prisma.service';
import { RoundSchedulerService } from '../src/quiz/round-scheduler.service';
import { ADMIN, auth, startTestApp, type TestApp } from './support/app';

// Several instances (one per WeChat account) may share one PostgreSQL database; the embedded
// database serves one process only, so this runs where TEST_DATABASE_URL names a server.
const maybe = process.env.TEST_DATABASE_URL ? describe : describe.skip;

maybe('two instances on one PostgreSQL database', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const slow = { QUIZ_TICK_MS: '600000' };
    first = await startTestApp({ ...slow, BOT_ACCOUNT: 'account-a' });
    second = await startTestApp({ ...slow, BOT_ACCOUNT: 'account-b' }, first.database);
  });

  afterAll(async () => {
    await second?.stop();
    await first?.close();
  });

  it('open, remind and close each round exactly once, each posted once', async () => {
    const round = await request(first.url)
      .post('/api/rounds')
      .set(auth(ADMIN))
      .send({
        bank: 'tongxin-bases',
        title: '双实例测试',
        startsAt: new Date(Date.now() - 1000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        questionCount: 5,
        audience: { rooms: ['测试群'] },
      })
      .expect(201);
    const tick = () => Promise.all([first.app.get(RoundSchedulerService).tick(), second.app.get(RoundSchedulerService).tick()]);
    await tick();
    const prisma = first.app.get(PrismaService);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.body.id } })).status).toBe('open');
    await prisma.round.update({ where: { id: round.body.id }, data: { endsAt: new Date(Date.now() - 1) } });
    await tick();
    const posted = await prisma.outboundMessage.findMany({ where: { target: '测试群' }, orderBy: { id: 'asc' } });
    // The round ends within the reminder lead (60 minutes), so its reminder is due at once too.
    expect(posted.map((m) => m.body.slice(0, 6))).toEqual(['【答题开始】', '【答题提醒】', '【答题结果】']);
  });
});
