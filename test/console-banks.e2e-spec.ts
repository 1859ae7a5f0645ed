import ExcelJS from 'exceljs';
import request from 'supertest';
import { ADMIN, STATS, auth, binary, startTestApp, type TestApp } from './support/app';

const upload = (t: TestApp, path: string, file: Buffer, name: string, fields: Record<string, string> = {}) => {
  const req = request(t.url).post(path).set(auth(ADMIN));
  for (const [key, value] of Object.entries(fields)) req.field(key, value);
  return req.attach('file', file, name);
};

async function workbook(sheets: Record<string, Array<Array<string | number>>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('question banks for the organiser console', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  const bankList = async () => (await request(t.url).get('/api/banks').set(auth(STATS)).expect(200)).body as Array<Record<string, any>>;

  it('lists the layouts with Chinese names, and each template imports as a valid bank with every question type', async () => {
    const layouts = (await request(t.url).get('/api/banks/templates').set(auth(STATS)).expect(200)).body;
    expect(layouts.map((l: { layout: string }) => l.layout)).toEqual(['type-column', 'sheet-per-type', 'options-column']);
    for (const layout of layouts) {
      expect(layout.name).toMatch(/[\u4e00-\u9fff]/);
      const file = await request(t.url).get(layout.url).set(auth(STATS)).buffer(true).parse(binary).expect(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.body);
      expect(book.worksheets[0].name).toBe('说明');
      const instructions = book.worksheets[0].getSheetValues().flat().join('');
      for (const topic of ['单选', '多选', '判断', '填空', '答案', '|']) expect(instructions).toContain(topic);

      const preview = await upload(t, '/api/banks?dryRun=true', file.body, `${layout.layout}.xlsx`).expect(200);
      expect(preview.body).toMatchObject({ ok: true, errors: [], counts: { single: 2, multiple: 1, truefalse: 2, fill: 1, total: 6 } });
      const fill = preview.body.questions.find((q: { type: string }) => q.type === 'fill');
      expect(fill).toMatchObject({ answer: ['8', '八'], answerText: '8|八', options: [] });
      const imported = await upload(t, '/api/banks', file.body, `${layout.layout}.xlsx`, { title: `模板${layout.layout}` }).expect(201);
      expect(imported.body.counts).toEqual({ single: 2, multiple: 1, truefalse: 2, fill: 1, total: 6 });
    }
    await request(t.url).get('/api/banks/template.xlsx?layout=nope').set(auth(STATS)).expect(400);
  });

  it('previews a bank: the parsed questions, counts by type and every bad row, writing nothing', async () => {
    const before = (await bankList()).length;
    const file = await workbook({
      题库: [
        ['题型', '题干', '选项A', '选项B', '选项C', '答案'],
        ['单选', '好的单选题', '甲', '乙', '丙', 'B'],
        ['单选', '答案越界', '甲', '乙', '', 'E'],
        ['判断', '好的判断题', '', '', '', '对'],
        ['问答', '不支持的题型', '', '', '', 'x'],
      ],
    });
    const preview = await upload(t, '/api/banks?dryRun=true', file, '预览.xlsx').expect(200);
    expect(preview.body.ok).toBe(false);
    expect(preview.body.title).toBe('预览');
    expect(preview.body.questions).toEqual([
      expect.objectContaining({ sheet: '题库', row: 2, type: 'single', stem: '好的单选题', options: ['甲', '乙', '丙'], answer: ['B'], answerText: 'B' }),
      expect.objectContaining({ sheet: '题库', row: 4, type: 'truefalse', answer: ['true'], answerText: '正确' }),
    ]);
    expect(preview.body.counts).toEqual({ single: 1, multiple: 0, truefalse: 1, fill: 0, total: 2 });
    expect(preview.body.errors.map((e: { row: number }) => e.row)).toEqual([3, 5]);
    expect((await bankList()).length).toBe(before);

    const refused = await upload(t, '/api/banks', file, '预览.xlsx').expect(400);
    expect(refused.body.errors.map((e: { row: number }) => e.row)).toEqual([3, 5]);
    expect(refused.body).toMatchObject({ field: 'file', sheet: '题库', row: 3 });
    expect(refused.body.message).toContain('工作表「题库」第3行');
    expect(refused.body.message).toContain('工作表「题库」第5行');
    expect((await bankList()).length).toBe(before);
  });

  it('previews a YAML bank, and names a broken one', async () => {
    const yaml = 'slug: yaml-preview\ntitle: YAML 预览\nquestions:\n  - id: a\n    type: fill\n    stem: 填空\n    answer: [八, "8"]\n';
    const preview = await upload(t, '/api/banks?dryRun=true', Buffer.from(yaml), 'bank.yaml').expect(200);
    expect(preview.body).toMatchObject({ ok: true, title: 'YAML 预览', counts: { fill: 1, total: 1 }, questions: [{ row: 1, key: 'a', answer: ['八', '8'] }] });
    const broken = await upload(t, '/api/banks?dryRun=true', Buffer.from('slug: x\ntitle: 坏\nquestions: []\n'), 'bad.yaml').expect(200);
    expect(broken.body.ok).toBe(false);
    expect(broken.body.errors).toEqual([{ sheet: 'yaml', row: null, reason: expect.stringContaining('bad.yaml') }]);
    await upload(t, '/api/banks?dryRun=maybe', Buffer.from(yaml), 'bank.yaml').expect(400);
  });

  it('shows the rounds using a bank, and refuses to delete it naming them in Chinese', async () => {
    const round = await request(t.url)
      .post('/api/rounds')
      .set(auth(ADMIN))
      .send({ bank: 'tongxin-bases', title: '十二月知识竞赛', startsAt: '2030-01-01 09:00', endsAt: '2030-01-02 09:00', questionCount: 2 })
      .expect(201);
    const used = (await bankList()).find((b) => b.slug === 'tongxin-bases')!;
    expect(used.usedBy).toEqual([{ id: round.body.id, title: '十二月知识竞赛', status: 'scheduled' }]);
    expect(used.counts.total).toBe(used.questionCount);
    const refused = await request(t.url).delete('/api/banks/tongxin-bases').set(auth(ADMIN)).expect(409);
    expect(refused.body.message).toContain('「十二月知识竞赛」（未开始）');
    expect(refused.body.usedBy).toEqual([{ id: round.body.id, title: '十二月知识竞赛', status: 'scheduled' }]);
    const missing = await request(t.url).delete('/api/banks/no-such-bank').set(auth(ADMIN)).expect(404);
    expect(missing.body.message).toBe('没有题库「no-such-bank」。');

    const unused = (await bankList()).find((b) => b.usedBy.length === 0 && b.title === '模板type-column')!;
    await request(t.url).delete(`/api/banks/${unused.slug}`).set(auth(ADMIN)).expect(200);
  });
});
