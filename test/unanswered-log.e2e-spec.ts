import request from 'supertest';
import { PrismaService } from '../src/db/prisma.service';
import { UNANSWERED_ASKS_KEPT, UNANSWERED_QUESTIONS_KEPT } from '../src/knowledge/knowledge.service';
import { ADMIN, auth, startTestApp, type TestApp } from './support/app';

describe('the unanswered-question log stays bounded', () => {
  let t: TestApp;
  let prisma: PrismaService;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' });
    prisma = t.app.get(PrismaService);
  });
  afterAll(async () => {
    await t?.close();
  });

  const ask = (text: string) => request(t.url).post('/api/qa/ask').send({ text }).expect(200);

  it('counts repeats of a question without keeping every ask', async () => {
    const repeats = UNANSWERED_ASKS_KEPT + 15;
    for (let i = 0; i < repeats; i++) await ask('火星上有没有统战部的分支机构');
    const questions = await prisma.unansweredQuestion.findMany({ where: { sampleText: '火星上有没有统战部的分支机构' } });
    expect(questions).toHaveLength(1);
    expect(questions[0].count).toBe(repeats);
    expect(await prisma.unansweredAsk.count({ where: { questionId: questions[0].id } })).toBe(UNANSWERED_ASKS_KEPT);
    const listed = await request(t.url).get('/api/knowledge/unanswered').set(auth(ADMIN)).expect(200);
    expect(listed.body[0] ?? listed.body.questions?.[0]).toMatchObject({ count: repeats });
  });

  it('keeps at most a fixed number of distinct questions, dropping the least asked first', async () => {
    await prisma.sql.query(
      `INSERT INTO unanswered_question (normalized, sample_text, count, last_outcome)
       SELECT 'filler ' || g, 'filler ' || g, 1, 'not-found' FROM generate_series(1, $1::int) g`,
      [UNANSWERED_QUESTIONS_KEPT],
    );
    await ask('金星上的统战工作怎么开展');
    expect(await prisma.unansweredQuestion.count()).toBe(UNANSWERED_QUESTIONS_KEPT);
    expect(await prisma.unansweredQuestion.count({ where: { sampleText: '金星上的统战工作怎么开展' } })).toBe(1);
    expect(await prisma.unansweredQuestion.count({ where: { sampleText: '火星上有没有统战部的分支机构' } })).toBe(1);
  });
});
