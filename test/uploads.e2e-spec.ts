import ExcelJS from 'exceljs';
import request from 'supertest';
import { ADMIN, STATS, auth, startTestApp, type TestApp } from './support/app';
import { aliasBomb, withFarCell, zipBomb } from './support/hostile-files';
import { sampleBankWorkbook } from './support/quiz-helpers';

const BOMB_REASON = 'Excel 文件解压后超过 50 MB（可能是压缩炸弹）';
const FAR_CELL_REASON = '工作表 sheet1 的使用范围到了 第 1048576 行，超出上限（最多 100000 行、200 列）';

async function rosterWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['单位', '上级单位', '人数', '姓名']);
  sheet.addRow(['炸弹测试单位', '', 6, '钱七']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function knowledgeWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('知识');
  sheet.addRow(['编号', '问题', '答案']);
  sheet.addRow(['hostile-upload-entry', '炸弹测试问题是什么？', '炸弹测试答案。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('hostile uploads answer 400 with the reason and import nothing', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  const bankSlugs = async (): Promise<string[]> =>
    (await request(t.url).get('/api/banks').set(auth(STATS)).expect(200)).body.map((b: { slug: string }) => b.slug);
  const unitNames = async (): Promise<string[]> =>
    (await request(t.url).get('/api/units').set(auth(STATS)).expect(200)).body.units.map((u: { name: string }) => u.name);
  const knowledgeIds = async (): Promise<string[]> =>
    (await request(t.url).get('/api/knowledge?take=1000').set(auth(STATS)).expect(200)).body.items.map((e: { id: string }) => e.id);

  describe.each([
    ['a zip bomb', (workbook: Buffer) => zipBomb(workbook), BOMB_REASON],
    ['a cell at XFD1048576', (workbook: Buffer) => withFarCell(workbook, 'XFD1048576'), FAR_CELL_REASON],
  ])('an .xlsx with %s', (_, make, reason) => {
    it('is refused as a question bank', async () => {
      const res = await request(t.url)
        .post('/api/banks')
        .set(auth(ADMIN))
        .field('slug', 'hostile-bank')
        .attach('file', await make(await sampleBankWorkbook()), '题库.xlsx')
        .expect(400);
      expect(res.body.message).toContain(reason);
      expect(await bankSlugs()).not.toContain('hostile-bank');
    });

    it('is refused as a roster', async () => {
      const res = await request(t.url).post('/api/units/roster').set(auth(ADMIN)).attach('file', await make(await rosterWorkbook()), '名单.xlsx').expect(400);
      expect(res.body.message).toContain(reason);
      expect(await unitNames()).not.toContain('炸弹测试单位');
    });

    it('is refused as knowledge', async () => {
      const res = await request(t.url)
        .post('/api/knowledge/import')
        .set(auth(ADMIN))
        .attach('file', await make(await knowledgeWorkbook()), '知识.xlsx')
        .expect(400);
      expect(res.body.message).toContain(reason);
      expect(await knowledgeIds()).not.toContain('hostile-upload-entry');
    });
  });

  it('refuses a YAML bank with an alias bomb', async () => {
    const yaml = ['slug: alias-bomb', 'title: 别名炸弹', aliasBomb(), 'questions: [*i]'].join('\n');
    const res = await request(t.url).post('/api/banks').set(auth(ADMIN)).attach('file', Buffer.from(yaml), 'bomb.yaml').expect(400);
    expect(res.body.message).toBe('bomb.yaml: YAML 中的别名（*）展开过多（上限 100 处），疑似“别名炸弹”，已拒绝。');
    expect(await bankSlugs()).not.toContain('alias-bomb');
  });

  it('refuses knowledge YAML with an alias bomb', async () => {
    const yaml = ['- id: alias-bomb-entry', aliasBomb('  '), '  question: 炸弹？', '  answer: 炸弹。', '  similar: *i'].join('\n');
    const res = await request(t.url).post('/api/knowledge/import').set(auth(ADMIN)).attach('file', Buffer.from(yaml), 'bomb.yaml').expect(400);
    expect(res.body.message).toBe('YAML 中的别名（*）展开过多（上限 100 处），疑似“别名炸弹”，已拒绝。');
    expect(await knowledgeIds()).not.toContain('alias-bomb-entry');
  });
});
