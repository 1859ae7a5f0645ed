import ExcelJS from 'exceljs';
import request from 'supertest';
import { StatusService } from '../src/health/status.service';
import { ADMIN, STATS, auth, startTestApp, type TestApp } from './support/app';

describe('service foundation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports health with the database reachable', async () => {
    const res = await request(t.url).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { reachable: true, kind: t.database.kind } });
    expect(res.body.bot.state).toBe('disabled');
  });

  it('serves the OpenAPI document for every endpoint', async () => {
    const res = await request(t.url).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health', '/api/units', '/api/units/roster']));
  });

  it('answers 401 without or with a wrong token and 403 for a read-only token writing', async () => {
    await request(t.url).get('/api/units').expect(401);
    await request(t.url).get('/api/units').set(auth('not-the-right-token')).expect(401);
    await request(t.url).get('/api/units').set('Authorization', ADMIN).expect(401);
    await request(t.url).get('/api/units').set(auth(STATS)).expect(200);
    await request(t.url).post('/api/units').set(auth(STATS)).send([{ name: '某单位' }]).expect(403);
  });

  it('upserts units by name into a tree, all or nothing', async () => {
    await request(t.url)
      .post('/api/units')
      .set(auth(ADMIN))
      .send([
        { name: '市委统战部', headcount: 40 },
        { name: '民革市委', parent: '市委统战部', headcount: 25, aliases: ['民革'] },
      ])
      .expect(201);
    await request(t.url).post('/api/units').set(auth(ADMIN)).send([{ name: '民革市委', headcount: 30 }]).expect(201);

    const bad = await request(t.url)
      .post('/api/units')
      .set(auth(ADMIN))
      .send([{ name: '新单位甲' }, { name: '新单位乙', parent: '不存在的单位' }])
      .expect(400);
    expect(bad.body.message).toContain('不存在的单位');
    const notNumber = await request(t.url).post('/api/units').set(auth(ADMIN)).send([{ name: 'x', headcount: -1 }]).expect(400);
    expect(notNumber.body.message).toMatch(/^0\.headcount: /);
    await request(t.url).post('/api/units').set(auth(ADMIN)).send({ name: 'not an array' }).expect(400);

    const res = await request(t.url).get('/api/units').set(auth(STATS)).expect(200);
    const names = res.body.units.map((u: { name: string }) => u.name);
    expect(names).not.toContain('新单位甲');
    const root = res.body.tree.find((n: { name: string }) => n.name === '市委统战部');
    expect(root.children).toEqual([expect.objectContaining({ name: '民革市委', headcount: 30, aliases: ['民革'] })]);
  });

  it('refuses a unit that would become its own ancestor', async () => {
    const res = await request(t.url).post('/api/units').set(auth(ADMIN)).send([{ name: '市委统战部', parent: '民革市委' }]).expect(400);
    expect(res.body.message).toContain('循环');
  });

  it('imports a CSV roster with Chinese headers', async () => {
    const csv = '单位,上级单位,人数,姓名\n九三学社,市委统战部,12,张三\n九三学社,,,李四\n民盟市委,市委统战部,8,\n';
    const res = await request(t.url)
      .post('/api/units/roster')
      .set(auth(ADMIN))
      .attach('file', Buffer.from(csv), { filename: '名单.csv', contentType: 'text/csv' })
      .expect(200);
    expect(res.body.imported).toEqual({ units: 3, members: 2 });
    const members = await request(t.url).get('/api/members?unit=九三学社').set(auth(STATS)).expect(200);
    expect(members.body.items.map((m: { name: string }) => m.name).sort()).toEqual(['张三', '李四']);
    expect(members.body.total).toBe(2);
  });

  it('imports nothing from a roster with a bad row and names the row', async () => {
    const csv = '单位,上级单位,人数,姓名\n农工党市委,市委统战部,10,王五\n致公党市委,市委统战部,十二,赵六\n';
    const res = await request(t.url)
      .post('/api/units/roster')
      .set(auth(ADMIN))
      .attach('file', Buffer.from(csv), { filename: 'roster.csv', contentType: 'text/csv' })
      .expect(400);
    expect(res.body).toMatchObject({ row: 3 });
    expect(res.body.message).toContain('人数');
    const units = await request(t.url).get('/api/units').set(auth(STATS)).expect(200);
    expect(units.body.units.map((u: { name: string }) => u.name)).not.toContain('农工党市委');
  });

  it('imports an Excel roster and reports a bad row of a sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['单位', '上级单位', '人数', '姓名']);
    sheet.addRow(['台盟市委', '市委统战部', 6, '钱七']);
    sheet.addRow(['', '市委统战部', 6, '孙八']);
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await request(t.url)
      .post('/api/units/roster')
      .set(auth(ADMIN))
      .attach('file', bad, '名单.xlsx')
      .expect(400);
    expect(res.body).toMatchObject({ sheet: '名单', row: 3 });

    sheet.spliceRows(3, 1);
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    await request(t.url).post('/api/units/roster').set(auth(ADMIN)).attach('file', good, '名单.xlsx').expect(200);
    const units = await request(t.url).get('/api/units').set(auth(STATS)).expect(200);
    expect(units.body.units).toEqual(expect.arrayContaining([expect.objectContaining({ name: '台盟市委', headcount: 6, members: 1 })]));
  });

  it('rejects uploads that are not a table', async () => {
    await request(t.url).post('/api/units/roster').set(auth(ADMIN)).expect(400);
    await request(t.url).post('/api/units/roster').set(auth(ADMIN)).attach('file', Buffer.from('x'), 'a.pdf').expect(400);
    await request(t.url).post('/api/units/roster').set(auth(ADMIN)).attach('file', Buffer.from('garbage'), 'a.xlsx').expect(400);
  });

  it('shows the login QR code to organisers only, while the bot waits for a scan', async () => {
    const status = t.app.get(StatusService);
    status.setBot({ state: 'waiting-for-scan', mode: 'puppet-service', qrcode: 'https://login.weixin.qq.com/l/test-code' });
    expect((await request(t.url).get('/login').expect(200)).text).not.toContain('<svg');
    await request(t.url).get('/api/bot/login').set(auth(STATS)).expect(403);
    const login = await request(t.url).get('/api/bot/login').set(auth(ADMIN)).expect(200);
    expect(login.body).toMatchObject({ state: 'waiting-for-scan' });
    expect(login.body.qrSvg).toContain('<svg');
    expect(login.body.qrcode).toBeUndefined();
    const health = await request(t.url).get('/health').expect(200);
    expect(health.body.bot).toMatchObject({ state: 'waiting-for-scan' });
    expect(health.body.bot.qrcode).toBeUndefined();
    status.setBot({ state: 'disabled', mode: 'none' });
    expect((await request(t.url).get('/api/bot/login').set(auth(ADMIN)).expect(200)).body.qrSvg).toBeNull();
  });

  it('finds everything as it was after a restart on the same data', async () => {
    await t.stop();
    t = await startTestApp({}, t.database);
    const res = await request(t.url).get('/api/units').set(auth(STATS)).expect(200);
    expect(res.body.units.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['市委统战部', '民革市委', '九三学社']));
  });
});
