import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { PrismaService } from '../src/db/prisma.service';
import { ADMIN, STATS, auth, startTestApp, type TestApp } from './support/app';
import { sampleBankWorkbook } from './support/quiz-helpers';

interface Summary {
  slug: string;
  title: string;
  origin: string;
  questionCount: number;
}

/** The shipped bank file this test plays with, copied to a folder of its own. */
const SHIPPED_FILE = 'tongxin-bases.yaml';
const SHIPPED_SLUG = 'tongxin-bases';

describe('bank uploads never replace a bank unless asked, and shipped banks leave organisers alone', () => {
  const quizzesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quizzes-'));
  let t: TestApp;
  let sample: Buffer;

  const start = async (database?: TestApp['database']) => {
    t = await startTestApp({ QUIZZES_DIR: quizzesDir }, database);
  };
  const restart = async () => {
    await t.stop();
    await start(t.database);
  };
  const banks = async (): Promise<Summary[]> => (await request(t.url).get('/api/banks').set(auth(STATS)).expect(200)).body;
  const bank = async (slug: string): Promise<Summary> => (await banks()).find((b) => b.slug === slug)!;
  const upload = (name: string, fields: Record<string, string> = {}, file = sample) => {
    const req = request(t.url).post('/api/banks').set(auth(ADMIN));
    for (const [key, value] of Object.entries(fields)) req.field(key, value);
    return req.attach('file', file, name);
  };
  const bankRow = (slug: string) => t.app.get(PrismaService).bank.findUniqueOrThrow({ where: { slug } });

  beforeAll(async () => {
    fs.copyFileSync(path.join(__dirname, '..', 'quizzes', SHIPPED_FILE), path.join(quizzesDir, SHIPPED_FILE));
    sample = await sampleBankWorkbook();
    await start();
  });

  afterAll(async () => {
    await t?.close();
    fs.rmSync(quizzesDir, { recursive: true, force: true });
  });

  it('names uploads of Chinese titles in pinyin and gives each its own slug', async () => {
    const first = await upload('2024年第一期题库.xlsx').expect(201);
    const second = await upload('2024年第二期题库.xlsx').expect(201);
    const again = await upload('2024年第一期题库.xlsx', { title: '2024年第一期题库（修订）' }).expect(201);
    expect([first.body.slug, second.body.slug, again.body.slug]).toEqual(['2024-nian-di-yi-qi-ti-ku', '2024-nian-di-er-qi-ti-ku', '2024-nian-di-yi-qi-ti-ku-xiu-ding']);
    const repeated = await upload('2024年第一期题库.xlsx').expect(201);
    expect(repeated.body.slug).toBe('2024-nian-di-yi-qi-ti-ku-2');
    expect(await bank('2024-nian-di-yi-qi-ti-ku')).toMatchObject({ title: '2024年第一期题库', questionCount: 4, origin: 'organiser' });
  });

  it('gives a YAML upload that declares an existing slug a new one', async () => {
    const exported = await request(t.url).get(`/api/banks/${SHIPPED_SLUG}/export?format=yaml`).set(auth(STATS)).expect(200);
    const copy = await upload('copy.yaml', {}, Buffer.from(exported.text)).expect(201);
    expect(copy.body).toMatchObject({ slug: `${SHIPPED_SLUG}-2`, origin: 'organiser' });
    expect((await bank(SHIPPED_SLUG)).origin).toBe('shipped');
  });

  it('answers 409 saying how to replace when the named slug exists, and changes nothing', async () => {
    const res = await upload('另一个题库.xlsx', { slug: '2024-nian-di-er-qi-ti-ku', title: '不该出现的标题' }).expect(409);
    expect(res.body.message).toBe(
      '题库「2024-nian-di-er-qi-ti-ku」已存在。要用这个文件替换它，请同时提交 slug=2024-nian-di-er-qi-ti-ku 和 replace=true；要另存为新题库，请不填 slug。',
    );
    expect((await bank('2024-nian-di-er-qi-ti-ku')).title).toBe('2024年第二期题库');
    await upload('x.xlsx', { replace: 'true' }).expect(400);
  });

  it('replaces a named bank with replace=true, but not while a scheduled round uses it', async () => {
    const replaced = await upload('新版.xlsx', { slug: '2024-nian-di-er-qi-ti-ku', replace: 'true', title: '2024年第二期题库（新版）' }).expect(201);
    expect(replaced.body).toMatchObject({ slug: '2024-nian-di-er-qi-ti-ku', title: '2024年第二期题库（新版）' });

    const later = Date.now() + 7 * 86_400_000;
    await request(t.url)
      .post('/api/rounds')
      .set(auth(ADMIN))
      .send({ bank: '2024-nian-di-er-qi-ti-ku', title: '下周测验', startsAt: new Date(later).toISOString(), endsAt: new Date(later + 3_600_000).toISOString(), questionCount: 2 })
      .expect(201);
    const refused = await upload('再版.xlsx', { slug: '2024-nian-di-er-qi-ti-ku', replace: 'true', title: '再版' }).expect(409);
    expect(refused.body.message).toBe(
      '题库「2024-nian-di-er-qi-ti-ku」正被未结束的答题轮次「下周测验」使用，不能替换。请等轮次结束或取消后再替换，或不填 slug 另存为新题库。',
    );
    expect((await bank('2024-nian-di-er-qi-ti-ku')).title).toBe('2024年第二期题库（新版）');
  });

  it('does not rewrite a shipped bank whose file is unchanged at a restart', async () => {
    const before = await bankRow(SHIPPED_SLUG);
    await restart();
    const after = await bankRow(SHIPPED_SLUG);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('follows a changed shipped file while no organiser has replaced the bank', async () => {
    const file = path.join(quizzesDir, SHIPPED_FILE);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: 同心实践基地知识测试（新版）'));
    await restart();
    expect(await bank(SHIPPED_SLUG)).toMatchObject({ title: '同心实践基地知识测试（新版）', origin: 'shipped' });
  });

  it('keeps a shipped bank an organiser replaced, across restarts', async () => {
    await upload('我们的版本.xlsx', { slug: SHIPPED_SLUG, replace: 'true', title: '我们的同心题库' }).expect(201);
    await restart();
    expect(await bank(SHIPPED_SLUG)).toMatchObject({ title: '我们的同心题库', origin: 'organiser', questionCount: 4 });
  });
});
