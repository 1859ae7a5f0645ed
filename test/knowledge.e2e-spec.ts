import ExcelJS from 'exceljs';
import request from 'supertest';
import YAML from 'yaml';
import { ADMIN, STATS, auth, binary, startTestApp, type TestApp } from './support/app';

describe('knowledge base API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const ask = (text: unknown) => request(t.url).post('/api/qa/ask').send({ text });

  it('loads the shipped knowledge on a fresh start', async () => {
    const res = await request(t.url).get('/api/knowledge?pageSize=1').set(auth(STATS)).expect(200);
    expect(res.body.total).toBeGreaterThanOrEqual(150);
  });

  it('answers a member question without login, in the shape the bot uses', async () => {
    const res = await ask('新乡学统战条例知识测试有多少人次参与?').expect(200);
    expect(res.body).toMatchObject({ answered: true, entryId: expect.any(String), suggestions: [] });
    expect(res.body.answer).toContain('7万');
    expect(res.body.score).toBeGreaterThan(0);
    expect(res.body.corrected).toEqual([]);
  });

  it('says first that a figure the member asks to have checked is not what the knowledge says', async () => {
    const res = await ask('新乡那个条例知识测试参与的有70万人次，对吧？').expect(200);
    expect(res.body).toMatchObject({ answered: true, corrected: ['70万人次'] });
    expect(res.body.answer).toMatch(/^提示：您提到的「70万人次」与资料不符，请以下面的内容为准。\n/);
    expect(res.body.answer).toContain('7万余人次');
    const right = await ask('新乡那个条例知识测试参与的有7万多人次，对吧？').expect(200);
    expect(right.body).toMatchObject({ answered: true, corrected: [] });
    const traditional = await ask('聽說玉門民主黨派成員有兩百六十多人，是不是啊？').expect(200);
    expect(traditional.body).toMatchObject({ answered: true, corrected: ['两百六十多人'] });
    expect(traditional.body.answer).toMatch(/^提示：您提到的「兩百六十多人」與資料不符/);
  });

  it('answers a question about two entries at once with both', async () => {
    const res = await ask('德阳民进讲的“四有”“四立”分别指什么？').expect(200);
    expect(res.body).toMatchObject({ answered: true, entryIds: expect.arrayContaining(['deyang-four-you-meaning', 'deyang-four-li-meaning']) });
    expect(res.body.entryId).toBe(res.body.entryIds[0]);
    expect(res.body.answer).toContain('有德、有才、有能、有力');
    expect(res.body.answer).toContain('立言');
  });

  it('answers a Traditional question in Traditional characters', async () => {
    const res = await ask('新鄉學統戰條例知識測試有多少人次參與?').expect(200);
    expect(res.body.answered).toBe(true);
    expect(res.body.answer).toContain('萬');
  });

  it('says honestly that it does not know an out-of-scope question', async () => {
    const res = await ask('明天食堂几点开饭?').expect(200);
    expect(res.body).toMatchObject({ answered: false, answer: null, entryId: null });
  });

  it.each([
    [{}, 'text'],
    [{ text: '' }, 'text'],
    [{ text: '   ' }, 'text'],
    [{ text: 42 }, 'text'],
    [{ text: '问'.repeat(501) }, 'text'],
  ])('refuses %j with a clear 400', async (body, field) => {
    const res = await request(t.url).post('/api/qa/ask').send(body).expect(400);
    expect(res.body.message).toMatch(new RegExp(`^${field}: `));
  });

  it('refuses a body that is not JSON with 400', async () => {
    await request(t.url).post('/api/qa/ask').set('Content-Type', 'application/json').send('{"text": ').expect(400);
  });

  it('logs unanswered questions and answers them once an organiser resolves one', async () => {
    const question = '统战部的食堂在几楼?';
    expect((await ask(question)).body.answered).toBe(false);
    await ask(question);
    const list = await request(t.url).get('/api/knowledge/unanswered').set(auth(STATS)).expect(200);
    const item = list.body.find((q: { text: string }) => q.text === question);
    expect(item).toMatchObject({ count: 2 });
    await request(t.url).post(`/api/knowledge/unanswered/${item.id}/resolve`).set(auth(STATS)).send({ answer: 'x' }).expect(403);
    await request(t.url)
      .post(`/api/knowledge/unanswered/${item.id}/resolve`)
      .set(auth(ADMIN))
      .send({ answer: '统战部食堂在机关大楼三楼。' })
      .expect(201);
    const res = await ask(question).expect(200);
    expect(res.body).toMatchObject({ answered: true, answer: '统战部食堂在机关大楼三楼。' });
    const after = await request(t.url).get('/api/knowledge/unanswered').set(auth(STATS)).expect(200);
    expect(after.body.find((q: { id: number }) => q.id === item.id)).toBeUndefined();
  });

  it('creates, edits and deletes entries; an edited shipped entry survives a reload', async () => {
    const created = await request(t.url)
      .post('/api/knowledge')
      .set(auth(ADMIN))
      .send({ id: 'office-hours', question: '统战部办公时间是几点到几点?', similar: ['统战部几点上班'], answer: '工作日 9:00 至 17:00。', tags: ['办公'] })
      .expect(201);
    expect(created.body.id).toBe('office-hours');
    expect((await ask('统战部几点上班').expect(200)).body.entryId).toBe('office-hours');

    const shipped = (await request(t.url).get('/api/knowledge?q=xinxiang-regulation&pageSize=5').set(auth(STATS)).expect(200)).body.items[0];
    await request(t.url).patch(`/api/knowledge/${shipped.id}`).set(auth(ADMIN)).send({ answer: '组织者修改后的答案:7万余人次。' }).expect(200);
    const reload = await request(t.url).post('/api/knowledge/reload').set(auth(ADMIN)).expect(200);
    expect(reload.body.kept).toBeGreaterThanOrEqual(1);
    expect((await request(t.url).get(`/api/knowledge/${shipped.id}`).set(auth(STATS)).expect(200)).body.answer).toContain('组织者修改后');

    await request(t.url).delete('/api/knowledge/office-hours').set(auth(ADMIN)).expect(200);
    await request(t.url).get('/api/knowledge/office-hours').set(auth(STATS)).expect(404);
    await request(t.url).post('/api/knowledge').set(auth(ADMIN)).send({ question: '' }).expect(400);
  });

  it('imports the FAQ export of 微信对话开放平台 with its per-question threshold', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('问答');
    sheet.addRow(['分类', '问题', '问题阈值', '相似问题', '机器人回答', '是否停用']);
    sheet.addRow(['办事指南', '怎么申请加入民主党派?', '0.8', '加入民主党派的流程##如何加入民主党派', '向所在地民主党派市委会提交入会申请。##请联系民主党派市委会。', '否']);
    sheet.addRow(['办事指南', '统战部电话是多少?', '0.7', '统战部联系电话', '请拨打 0838-1234567。', '是']);
    const res = await request(t.url)
      .post('/api/knowledge/import')
      .set(auth(ADMIN))
      .attach('file', Buffer.from(await workbook.xlsx.writeBuffer()), 'faq.xlsx')
      .expect(200);
    expect(res.body.imported).toEqual({ created: 2, updated: 0 });
    const answered = await ask('如何加入民主党派').expect(200);
    expect(answered.body).toMatchObject({ answered: true, answer: '向所在地民主党派市委会提交入会申请。' });
    const entry = (await request(t.url).get(`/api/knowledge/${answered.body.entryId}`).set(auth(STATS)).expect(200)).body;
    expect(entry).toMatchObject({ threshold: 0.8, category: '办事指南' });
    expect((await ask('统战部联系电话').expect(200)).body.answer ?? '').not.toContain('1234567');
  });

  it('refuses an import with a bad row, naming it, and changes nothing', async () => {
    const csv = '问题,相似问题,答案\n第一个问题,,第一个答案\n第二个问题,,\n';
    const res = await request(t.url)
      .post('/api/knowledge/import')
      .set(auth(ADMIN))
      .attach('file', Buffer.from(csv), { filename: 'bad.csv', contentType: 'text/csv' })
      .expect(400);
    expect(res.body).toMatchObject({ row: 3 });
    expect(res.body.message).toContain('答案');
    const list = await request(t.url).get('/api/knowledge?q=第一个问题').set(auth(STATS)).expect(200);
    expect(list.body.total).toBe(0);
    await request(t.url).post('/api/knowledge/import').set(auth(ADMIN)).attach('file', Buffer.from('- question: [unclosed'), 'x.yaml').expect(400);
  });

  it('exports as YAML, JSON and Excel, and the YAML imports back', async () => {
    const yaml = await request(t.url).get('/api/knowledge/export?format=yaml').set(auth(STATS)).expect(200);
    const entries = YAML.parse(yaml.text);
    expect(entries.length).toBeGreaterThanOrEqual(150);
    expect(entries[0]).toHaveProperty('question');
    const json = await request(t.url).get('/api/knowledge/export?format=json').set(auth(STATS)).expect(200);
    expect(json.body).toHaveLength(entries.length);
    const xlsx = await request(t.url).get('/api/knowledge/export?format=xlsx').set(auth(STATS)).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(workbook.worksheets[0].getRow(1).values).toEqual(expect.arrayContaining(['问题', '相似问题', '答案', '标签', '来源文件', '来源原文', '排除问法']));
    const back = await request(t.url)
      .post('/api/knowledge/import')
      .set(auth(ADMIN))
      .attach('file', Buffer.from(YAML.stringify(entries.slice(0, 3))), 'back.yaml')
      .expect(200);
    expect(back.body.imported).toEqual({ created: 0, updated: 3 });
    await request(t.url).get('/api/knowledge/export?format=pdf').set(auth(STATS)).expect(400);
  });

  it('carries an entry\'s excluded questions through Excel, and keeps them when a sheet has no such column', async () => {
    const id = 'deyang-minge-member-home-layout';
    const excluded = ['德阳民革党员之家扩建后面积多大'];
    await request(t.url).patch(`/api/knowledge/${id}`).set(auth(ADMIN)).send({ notAnswered: excluded }).expect(200);
    const xlsx = await request(t.url).get('/api/knowledge/export?format=xlsx').set(auth(ADMIN)).buffer(true).parse(binary).expect(200);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load(xlsx.body);
    const sheet = exported.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const rowOf = (n: number) => (sheet.getRow(n).values as unknown[]).map((v) => String(v ?? ''));
    let row: string[] = [];
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === id) row = rowOf(n);
    });
    expect(row[header.indexOf('排除问法')]).toBe(excluded[0]);

    const upload = async (columns: string[], values: string[]) => {
      const book = new ExcelJS.Workbook();
      const out = book.addWorksheet('知识库');
      out.addRow(columns);
      out.addRow(values);
      const file = Buffer.from(await book.xlsx.writeBuffer());
      await request(t.url).post('/api/knowledge/import').set(auth(ADMIN)).attach('file', file, 'k.xlsx').expect(200);
    };
    const entry = (await request(t.url).get(`/api/knowledge/${id}`).set(auth(ADMIN)).expect(200)).body;
    const base = [id, entry.question, entry.similar.join('\n'), entry.answer, entry.tags.join(',')];
    // An older template without the column leaves the list; an empty cell in the column clears it.
    await upload(['编号', '问题', '相似问题', '答案', '标签'], base);
    expect((await request(t.url).get(`/api/knowledge/${id}`).set(auth(ADMIN))).body.notAnswered).toEqual(excluded);
    await upload(['编号', '问题', '相似问题', '答案', '标签', '排除问法'], [...base, '']);
    expect((await request(t.url).get(`/api/knowledge/${id}`).set(auth(ADMIN))).body.notAnswered).toEqual([]);
  });
});
