import request from 'supertest';
import { MembersService } from '../src/members/members.service';
import { ADMIN, STATS, auth, startTestApp, type TestApp } from './support/app';

const csv = (text: string) => ({ filename: '名单.csv', contentType: 'text/csv', buffer: Buffer.from(text) });

describe('units and members for the organiser console', () => {
  let t: TestApp;
  const unitsByName = async () => {
    const res = await request(t.url).get('/api/units').set(auth(STATS)).expect(200);
    return new Map<string, any>(res.body.units.map((u: { name: string }) => [u.name, u]));
  };

  beforeAll(async () => {
    t = await startTestApp();
    await request(t.url)
      .post('/api/units')
      .set(auth(ADMIN))
      .send([
        { name: '市委统战部', headcount: 40 },
        { name: '民革市委', parent: '市委统战部', headcount: 25, aliases: ['民革'] },
        { name: '民革一支部', parent: '民革市委', headcount: 10 },
        { name: '民盟市委', parent: '市委统战部' },
      ])
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists each unit with id, parent, headcount, aliases and memberCount', async () => {
    const unit = (await unitsByName()).get('民革市委');
    expect(unit).toEqual(expect.objectContaining({ id: expect.any(Number), name: '民革市委', parent: '市委统战部', headcount: 25, aliases: ['民革'], memberCount: 0 }));
  });

  it('edits a unit: name, parent, headcount and aliases, and rounds follow a rename', async () => {
    const units = await unitsByName();
    const id = units.get('民盟市委').id;
    const round = await request(t.url)
      .post('/api/rounds')
      .set(auth(ADMIN))
      .send({ bank: 'tongxin-bases', title: '改名测试', startsAt: '2030-01-01 09:00', endsAt: '2030-01-02 09:00', questionCount: 1, audience: { units: ['民盟市委'] } })
      .expect(201);
    const res = await request(t.url).patch(`/api/units/${id}`).set(auth(ADMIN)).send({ name: '民盟新乡市委', parent: null, headcount: 12, aliases: ['民盟'] }).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ id, name: '民盟新乡市委', parent: null, headcount: 12, aliases: ['民盟'] }));
    expect((await request(t.url).get(`/api/rounds/${round.body.id}`).set(auth(STATS)).expect(200)).body.audience.units).toEqual(['民盟新乡市委']);

    const cleared = await request(t.url).patch(`/api/units/${id}`).set(auth(ADMIN)).send({ headcount: null, parent: '民革市委' }).expect(200);
    expect(cleared.body).toEqual(expect.objectContaining({ headcount: 0, parent: '民革市委', aliases: ['民盟'] }));
  });

  it('refuses an unknown unit, a taken name, a cycle and bad fields, in Chinese naming the field', async () => {
    const units = await unitsByName();
    const top = units.get('市委统战部').id;
    const missing = await request(t.url).patch('/api/units/999999').set(auth(ADMIN)).send({ headcount: 1 }).expect(404);
    expect(missing.body.message).toBe('没有编号为999999的单位。');
    const taken = await request(t.url).patch(`/api/units/${top}`).set(auth(ADMIN)).send({ name: '民革市委' }).expect(409);
    expect(taken.body).toMatchObject({ field: 'name', message: 'name: 单位名称「民革市委」已被其他单位使用。' });
    const cycle = await request(t.url).patch(`/api/units/${top}`).set(auth(ADMIN)).send({ parent: '民革一支部' }).expect(409);
    expect(cycle.body.field).toBe('parent');
    expect(cycle.body.message).toContain('循环');
    const self = await request(t.url).patch(`/api/units/${top}`).set(auth(ADMIN)).send({ parent: '市委统战部' }).expect(409);
    expect(self.body.field).toBe('parent');
    const noParent = await request(t.url).patch(`/api/units/${top}`).set(auth(ADMIN)).send({ parent: '不存在' }).expect(400);
    expect(noParent.body).toMatchObject({ field: 'parent', message: 'parent: 上级单位「不存在」不存在。' });
    const negative = await request(t.url).patch(`/api/units/${top}`).set(auth(ADMIN)).send({ headcount: -1 }).expect(400);
    expect(negative.body).toMatchObject({ field: 'headcount', message: 'headcount: 不能为负数' });
    await request(t.url).patch(`/api/units/${top}`).set(auth(STATS)).send({ headcount: 1 }).expect(403);
    expect((await unitsByName()).get('市委统战部')).toEqual(expect.objectContaining({ parent: null, headcount: 40 }));
  });

  it('previews a roster, listing every bad row with its number and a Chinese reason, writing nothing', async () => {
    const file = csv('单位,上级单位,人数,姓名\n九三学社,市委统战部,12,张三\n致公党,市委统战部,十二,赵六\n,市委统战部,3,孙八\n九三学社,,,李四\n');
    const preview = await request(t.url).post('/api/units/roster?dryRun=true').set(auth(ADMIN)).attach('file', file.buffer, file).expect(200);
    expect(preview.body.ok).toBe(false);
    expect(preview.body.errors).toEqual([
      { sheet: 'csv', row: 3, reason: '「人数」「十二」不是整数。' },
      { sheet: 'csv', row: 4, reason: '「单位」为空。' },
    ]);
    expect(preview.body.rows.map((r: { row: number; name: string; unit: string }) => [r.row, r.name, r.unit])).toEqual([
      [2, '张三', '九三学社'],
      [5, '李四', '九三学社'],
    ]);
    expect(preview.body.summary).toEqual({ units: 2, members: 2 });

    const refused = await request(t.url).post('/api/units/roster').set(auth(ADMIN)).attach('file', file.buffer, file).expect(400);
    expect(refused.body.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    expect(refused.body).toMatchObject({ field: 'file', row: 3 });
    expect(refused.body.message).toContain('第3行：「人数」「十二」不是整数。');
    expect(refused.body.message).toContain('第4行：「单位」为空。');
    expect((await unitsByName()).has('九三学社')).toBe(false);
  });

  it('previews a good roster as it would import, then imports it', async () => {
    const file = csv('单位,上级单位,人数,姓名,别名\n九三学社,市委统战部,12,张三,九三\n九三学社,,,李四,\n民进市委,市委统战部,8,,\n');
    const preview = await request(t.url).post('/api/units/roster?dryRun=true').set(auth(ADMIN)).attach('file', file.buffer, file).expect(200);
    expect(preview.body).toMatchObject({ ok: true, errors: [], summary: { units: 3, members: 2 } });
    expect(preview.body.rows[0]).toEqual({ sheet: 'csv', row: 2, unit: '九三学社', name: '张三', parent: '市委统战部', headcount: 12, aliases: ['九三'], wechatId: null });
    expect((await unitsByName()).has('九三学社')).toBe(false);
    const imported = await request(t.url).post('/api/units/roster').set(auth(ADMIN)).attach('file', file.buffer, file).expect(200);
    expect(imported.body.imported).toEqual({ units: 3, members: 2 });
    expect((await unitsByName()).get('九三学社')).toEqual(expect.objectContaining({ memberCount: 2, members: 2, headcount: 12, aliases: ['九三'] }));
  });

  it('finds in a preview a cycle the roster would make with the units already there', async () => {
    const file = csv('单位,上级单位\n市委统战部,民革一支部\n');
    const preview = await request(t.url).post('/api/units/roster?dryRun=true').set(auth(ADMIN)).attach('file', file.buffer, file).expect(200);
    expect(preview.body.ok).toBe(false);
    expect(preview.body.errors).toEqual([{ row: 2, reason: expect.stringContaining('循环') }]);
  });

  it('searches members by name and unit, a page at a time', async () => {
    await request(t.url)
      .post('/api/units/roster')
      .set(auth(ADMIN))
      .attach('file', Buffer.from('单位,姓名\n民进市委,王一\n民进市委,王二\n民进市委,王三\n民进市委,赵四\n'), '名单.csv')
      .expect(200);
    const page1 = await request(t.url).get('/api/members?search=王&unit=民进市委&page=1&pageSize=2').set(auth(STATS)).expect(200);
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items.map((m: { name: string }) => m.name)).toEqual(['王一', '王二']);
    expect(page1.body.items[0]).toEqual(expect.objectContaining({ id: expect.any(Number), unit: '民进市委', boundAt: null, wechatBound: false }));
    const page2 = await request(t.url).get('/api/members?search=王&unit=民进市委&page=2&pageSize=2').set(auth(STATS)).expect(200);
    expect(page2.body.items.map((m: { name: string }) => m.name)).toEqual(['王三']);
    expect((await request(t.url).get('/api/members?unit=九三学社').set(auth(STATS)).expect(200)).body.total).toBe(2);
    const bad = await request(t.url).get('/api/members?pageSize=5000').set(auth(STATS)).expect(400);
    expect(bad.body.field).toBe('pageSize');
  });

  it('shows a renamed unit at once for members already cached as senders', async () => {
    await request(t.url).post('/api/units').set(auth(ADMIN)).send([{ name: '农工党市委', parent: '市委统战部' }]).expect(201);
    const members = t.app.get(MembersService);
    await members.ensure('wxid_rename_1', '赵六');
    const unit = (await unitsByName()).get('农工党市委');
    await members.bind('wxid_rename_1', '赵六', unit.id);
    expect((await members.ensure('wxid_rename_1', '赵六')).unit).toBe('农工党市委');
    await request(t.url).patch(`/api/units/${unit.id}`).set(auth(ADMIN)).send({ name: '农工党新乡市委' }).expect(200);
    expect((await members.ensure('wxid_rename_1', '赵六')).unit).toBe('农工党新乡市委');
  });
});
