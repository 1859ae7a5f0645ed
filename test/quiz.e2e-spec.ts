import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { toSimplified } from '../src/common/text';
import { PrismaService } from '../src/db/prisma.service';
import { StatusService } from '../src/health/status.service';
import { ADMIN, STATS, auth, binary, startTestApp, type TestApp } from './support/app';
import { FakeWechat, waitUntil } from './support/puppet-server';
import { correctReply, sampleBankWorkbook, wrongReply, type BankQuestion } from './support/quiz-helpers';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

describe('quiz rounds in chat over a real puppet-service connection', () => {
  const wechat = new FakeWechat();
  let t: TestApp;
  let bank: BankQuestion[];
  let roundId: number;

  async function connect(database?: TestApp['database']) {
    t = await startTestApp({ ...wechat.env, QUIZ_TICK_MS: '200', REMINDER_MINUTES_BEFORE_CLOSE: '0' }, database);
    await waitUntil(() => t.app.get(StatusService).botStatus().state === 'logged-out', 15_000, 'the bot to connect');
    wechat.login();
    await waitUntil(() => t.app.get(StatusService).botStatus().state === 'logged-in', 15_000, 'the bot to log in');
  }

  beforeAll(async () => {
    await wechat.start();
    await connect();
    await request(t.url)
      .post('/api/units')
      .set(auth(ADMIN))
      .send([
        { name: '民革德阳市委', headcount: 4, aliases: ['民革'] },
        { name: '九三学社德阳市委', headcount: 5, aliases: ['九三'] },
        { name: '民盟德阳市委', headcount: 3 },
      ])
      .expect(201);
    const imported = await request(t.url)
      .post('/api/banks')
      .set(auth(ADMIN))
      .field('title', '测试题库')
      .field('slug', 'e2e-bank')
      .attach('file', await sampleBankWorkbook(), '测试题库.xlsx')
      .expect(201);
    expect(imported.body).toMatchObject({ slug: 'e2e-bank', questionCount: 4, types: { single: 1, truefalse: 1, fill: 1, multiple: 1 } });
    bank = (await request(t.url).get('/api/banks/e2e-bank').set(auth(STATS)).expect(200)).body.questions;
  });

  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });

  it('lists the shipped banks and the imported one', async () => {
    const res = await request(t.url).get('/api/banks').set(auth(STATS)).expect(200);
    const slugs = res.body.map((b: { slug: string }) => b.slug);
    expect(slugs).toEqual(expect.arrayContaining(['tongzhan-cities', 'tongxin-bases', 'e2e-bank']));
    const shipped = res.body.filter((b: { slug: string }) => b.slug !== 'e2e-bank');
    expect(shipped.reduce((n: number, b: { questionCount: number }) => n + b.questionCount, 0)).toBeGreaterThanOrEqual(80);
  });

  it('refuses a bad bank row naming the sheet and row, and imports nothing', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('单选题');
    sheet.addRow(['题干', '选项A', '选项B', '答案']);
    sheet.addRow(['好题', '甲', '乙', 'A']);
    sheet.addRow(['坏题', '甲', '乙', 'E']);
    const res = await request(t.url)
      .post('/api/banks')
      .set(auth(ADMIN))
      .field('slug', 'broken-bank')
      .attach('file', Buffer.from(await workbook.xlsx.writeBuffer()), 'broken.xlsx')
      .expect(400);
    expect(res.body).toMatchObject({ sheet: '单选题', row: 3 });
    await request(t.url).get('/api/banks/broken-bank').set(auth(STATS)).expect(404);
  });

  it('validates a round and names the field', async () => {
    const base = { bank: 'e2e-bank', title: 'x', startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString(), questionCount: 3 };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, bank: 'nope' }, 'bank'],
      [{ ...base, questionCount: 99 }, 'questionCount'],
      [{ ...base, endsAt: base.startsAt }, 'endsAt'],
      [{ ...base, startsAt: 'tomorrow' }, 'startsAt'],
      [{ ...base, audience: { units: ['不存在'] } }, 'audience.units'],
      [{ ...base, recurrence: 'every day' }, 'recurrence'],
    ];
    for (const [body, field] of cases) {
      const res = await request(t.url).post('/api/rounds').set(auth(ADMIN)).send(body).expect(400);
      expect(res.body.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
    }
    await request(t.url).post('/api/rounds').set(auth(STATS)).send(base).expect(403);
  });

  it('changes a round before it opens, cancels it, and refuses changes after', async () => {
    const later = Date.now() + 7 * 86_400_000;
    const created = await request(t.url)
      .post('/api/rounds')
      .set(auth(ADMIN))
      .send({ bank: 'e2e-bank', title: '下周测验', startsAt: new Date(later).toISOString(), endsAt: new Date(later + 3_600_000).toISOString(), questionCount: 2, recurrence: '0 9 * * 1' })
      .expect(201);
    const patched = await request(t.url).patch(`/api/rounds/${created.body.id}`).set(auth(ADMIN)).send({ title: '下周统战测验', questionCount: 3 }).expect(200);
    expect(patched.body).toMatchObject({ title: '下周统战测验', questionCount: 3, recurrence: '0 9 * * 1', status: 'scheduled' });
    await request(t.url).patch(`/api/rounds/${created.body.id}`).set(auth(ADMIN)).send({ questionCount: 50 }).expect(400);
    await request(t.url).post(`/api/rounds/${created.body.id}/cancel`).set(auth(ADMIN)).expect(201);
    await request(t.url).patch(`/api/rounds/${created.body.id}`).set(auth(ADMIN)).send({ title: 'x' }).expect(409);
    await request(t.url).get('/api/rounds/999999').set(auth(STATS)).expect(404);
  });

  it('exports a bank as Excel that imports back to the same questions', async () => {
    const xlsx = await request(t.url)
      .get('/api/banks/e2e-bank/export?format=xlsx')
      .set(auth(STATS))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const copy = await request(t.url).post('/api/banks').set(auth(ADMIN)).field('slug', 'e2e-copy').attach('file', xlsx.body, 'copy.xlsx').expect(201);
    expect(copy.body.questionCount).toBe(4);
    const again = (await request(t.url).get('/api/banks/e2e-copy').set(auth(STATS)).expect(200)).body.questions;
    expect(again.map((q: BankQuestion) => [q.type, q.stem, q.answer])).toEqual(bank.map((q) => [q.type, q.stem, q.answer]));
    const yaml = await request(t.url).get('/api/banks/e2e-bank/export?format=yaml').set(auth(STATS)).expect(200);
    expect(yaml.text).toContain('slug: e2e-bank');
    await request(t.url).delete('/api/banks/e2e-copy').set(auth(ADMIN)).expect(200);
  });

  it('opens a round scheduled ahead by itself and announces it in its room, with an estimate', async () => {
    const announcer = wechat.person('通知员');
    const room = wechat.room('德阳统战答题群', [announcer]);
    const roomInbox = wechat.inbox(room);
    const res = await request(t.url)
      .post('/api/rounds')
      .set(auth(ADMIN))
      .send({
        bank: 'e2e-bank',
        title: '统战知识周测',
        startsAt: new Date(Date.now() + 1500).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        questionCount: 4,
        secondsPerQuestion: 0,
        attemptsAllowed: 1,
        audience: { units: ['民革德阳市委', '九三学社德阳市委', '民盟德阳市委'], rooms: ['德阳统战答题群'] },
      })
      .expect(201);
    roundId = res.body.id;
    expect(res.body.status).toBe('scheduled');
    expect(res.body.estimate).toMatchObject({ audience: 12, messages: 12 * 5 + 3, fits: true });
    const announcement = await roomInbox.next(10_000);
    expect(announcement).toContain('【答题开始】统战知识周测');
    expect((await request(t.url).get(`/api/rounds/${roundId}`).set(auth(STATS)).expect(200)).body.status).toBe('open');
  });

  it('asks an unbound member to bind first', async () => {
    const member = wechat.person('未绑定者');
    const inbox = wechat.inbox(member);
    member.say('答题').to(wechat.botUser);
    const hint = await inbox.next();
    // The example names a unit of this deployment, from the round's audience.
    expect(hint).toMatch(/例如「绑定 (民革德阳市委|九三学社德阳市委|民盟德阳市委)」/);
    expect(hint).toContain('单位列表');
    member.say('单位列表').to(wechat.botUser);
    const list = await inbox.next();
    expect(list.split('\n').slice(1, 4).map((l) => l.replace('· ', '')).sort()).toEqual(['九三学社德阳市委', '民盟德阳市委', '民革德阳市委'].sort());
    member.say('绑定 民进德阳').to(wechat.botUser);
    const notFound = await inbox.next();
    expect(notFound).toContain('没有找到');
    expect(notFound).toContain('单位列表');
  });

  it('runs a quiz in private chat only: in a group it points the member to a private chat', async () => {
    const member = wechat.person('群里答题者');
    const room = wechat.room('德阳统战答题群二', [member]);
    const roomInbox = wechat.inbox(room);
    const privateInbox = wechat.inbox(member);
    member.say('绑定 民革').to(wechat.botUser);
    expect(await privateInbox.next()).toContain('民革德阳市委');
    member.say('@Bot\u2005答题', [wechat.botUser]).to(room);
    const reply = await roomInbox.next();
    expect(reply).toContain('私聊');
    expect(reply).not.toMatch(/第1题/);
    member.say('@Bot\u2005答题卡', [wechat.botUser]).to(room);
    expect(await roomInbox.next()).toContain('私聊');
  });

  it('keeps a member placed by the roster in the roster unit', async () => {
    const member = wechat.person('名册成员', 'wxid_roster_member');
    const inbox = wechat.inbox(member);
    const roster = '单位,姓名,微信号\n九三学社德阳市委,名册成员,wxid_roster_member\n';
    await request(t.url).post('/api/units/roster').set(auth(ADMIN)).attach('file', Buffer.from(roster), 'roster.csv').expect(200);
    member.say('绑定 民革德阳市委').to(wechat.botUser);
    const refused = await inbox.next();
    expect(refused).toContain('联系组织者');
    expect(refused).toContain('九三学社德阳市委');
    member.say('解绑').to(wechat.botUser);
    expect(await inbox.next()).toContain('联系组织者');
    member.say('绑定 九三学社德阳市委').to(wechat.botUser);
    expect(await inbox.next()).toContain('已绑定');
    const members = await request(t.url).get('/api/members').set(auth(STATS)).expect(200);
    const listed = members.body.items.find((m: { wechatId: string }) => m.wechatId === 'wxid_roster_member');
    expect(listed.unit).toBe('九三学社德阳市委');
  });

  it('lets members of two units take the round one question at a time, one in Traditional with full-width letters', async () => {
    const a = wechat.person('李明');
    const b = wechat.person('陳芳');
    const inboxA = wechat.inbox(a);
    const inboxB = wechat.inbox(b);
    a.say('绑定 民革').to(wechat.botUser);
    expect(await inboxA.next()).toContain('民革德阳市委');
    b.say('綁定 九三學社德陽市委').to(wechat.botUser);
    expect(await inboxB.next()).toContain('九三學社德陽市委');

    a.say('答题').to(wechat.botUser);
    let message = await inboxA.next();
    expect(message).toMatch(/第1题\/共4题/);
    // A question is not an answer: the bot explains and repeats the question.
    a.say('这题怎么答?').to(wechat.botUser);
    const hint = await inboxA.next();
    expect(hint).toContain('没看懂');
    expect(hint).toContain('第1题/共4题');
    for (let i = 0; i < 4; i++) {
      a.say(correctReply(message, bank)).to(wechat.botUser);
      message = await inboxA.next();
      expect(message).toContain('回答正确');
    }
    expect(message).toContain('答题完成');
    expect(message).toContain('得分 50/50');

    b.say('開始答題').to(wechat.botUser);
    message = await inboxB.next();
    let missed = false;
    for (let i = 0; i < 4; i++) {
      // One choice question wrong (the multiple-choice one is always drawn), the rest right in full-width letters.
      const miss: boolean = !missed && /【(单选|多选)】/.test(toSimplified(message));
      missed ||= miss;
      b.say(miss ? wrongReply(message, bank) : correctReply(message, bank, true)).to(wechat.botUser);
      message = await inboxB.next();
    }
    expect(message).toMatch(/答題完成|答题完成/);

    a.say('答题').to(wechat.botUser);
    expect(await inboxA.next()).toContain('您已完成');
    a.say('成绩').to(wechat.botUser);
    expect(await inboxA.next()).toMatch(/「统战知识周测」50\/50分（答题1次）/);
  });

  it('takes the round by answer sheet in two messages', async () => {
    const c = wechat.person('王强');
    const inbox = wechat.inbox(c);
    c.say('绑定 民盟德阳市委').to(wechat.botUser);
    await inbox.next();
    c.say('答题卡').to(wechat.botUser);
    const sheet = await inbox.next();
    expect(sheet).toContain('回复格式');
    const blocks = sheet.split('\n\n').filter((b) => /^\d+\.【/.test(b));
    expect(blocks).toHaveLength(4);
    // Asked again at once, the long sheet is not sent a second time.
    c.say('继续答题').to(wechat.botUser);
    const again = await inbox.next();
    expect(again).toContain('刚刚已发');
    expect(again).not.toContain('回复格式');
    const reply = blocks
      .map((block, i) => `${i + 1}${block.includes('【填空】') ? ':' : ''}${correctReply(block.replace(/^\d+\./, ''), bank)}`)
      .join(' ');
    c.say(reply).to(wechat.botUser);
    const result = await inbox.next();
    expect(result).toContain('全部答对');
    expect(result).toContain('得分 50/50');
  });

  it('counts exactly the members who took part, per unit', async () => {
    const res = await request(t.url).get(`/api/stats/rounds/${roundId}/units`).set(auth(STATS)).expect(200);
    const byUnit = Object.fromEntries(res.body.map((u: { unit: string }) => [u.unit, u]));
    expect(byUnit['民革德阳市委']).toMatchObject({ headcount: 4, participants: 1, attempts: 1, participationRate: 0.25, meanScore: 50, fullMarks: 1 });
    expect(byUnit['九三学社德阳市委']).toMatchObject({ headcount: 5, participants: 1, attempts: 1, participationRate: 0.2, fullMarks: 0 });
    expect(byUnit['民盟德阳市委']).toMatchObject({ participants: 1, attempts: 1, meanScore: 50 });
    const attempts = await request(t.url).get(`/api/rounds/${roundId}/attempts`).set(auth(STATS)).expect(200);
    expect(attempts.body).toHaveLength(3);
    expect(attempts.body.every((a: { finished: boolean; answered: number }) => a.finished && a.answered === 4)).toBe(true);
    await request(t.url).get(`/api/stats/rounds/${roundId}/units`).expect(401);
  });

  it('resumes an unfinished attempt after a restart with 继续答题', async () => {
    const d = wechat.person('赵雷');
    let inbox = wechat.inbox(d);
    d.say('绑定 民盟德阳市委').to(wechat.botUser);
    await inbox.next();
    d.say('答题').to(wechat.botUser);
    let message = await inbox.next();
    d.say(correctReply(message, bank)).to(wechat.botUser);
    message = await inbox.next();
    expect(message).toContain('第2题/共4题');

    await t.stop();
    await connect(t.database);
    inbox = wechat.inbox(d);
    d.say('继续答题').to(wechat.botUser);
    message = await inbox.next();
    expect(message).toContain('第2题/共4题');
    for (let i = 0; i < 3; i++) {
      d.say(correctReply(message, bank)).to(wechat.botUser);
      message = await inbox.next();
    }
    expect(message).toContain('得分 50/50');
    const attempts = await request(t.url).get(`/api/rounds/${roundId}/attempts`).set(auth(STATS)).expect(200);
    expect(attempts.body.find((a: { member: string }) => a.member === '赵雷')).toMatchObject({ answered: 4, score: 50, finished: true });
  });

  it('answers 成绩 and 排行', async () => {
    const a = wechat.person('李明2');
    const inbox = wechat.inbox(a);
    a.say('排行').to(wechat.botUser);
    const ranking = await inbox.next();
    expect(ranking).toContain('统战知识周测');
    expect(ranking).toContain('1. ');
    // Names are masked for everyone who asks: 李明 shows as 李*.
    expect(ranking).toContain('李*');
    expect(ranking).not.toContain('李明');
    a.say('成绩').to(wechat.botUser);
    expect(await inbox.next()).toContain('还没有参加');
  });

  it('closes the round at its end, scores unfinished attempts as they stand and posts results', async () => {
    const e = wechat.person('孙悦');
    const inbox = wechat.inbox(e);
    e.say('绑定 九三').to(wechat.botUser);
    await inbox.next();
    e.say('答题').to(wechat.botUser);
    const first = await inbox.next();
    e.say(correctReply(first, bank)).to(wechat.botUser);
    await inbox.next();
    const room = [...wechat.mocker.cacheRoomPayload.values()].find((r) => r.topic === '德阳统战答题群')!;
    const roomInbox = wechat.inbox(wechat.mocker.RoomMock.load(room.id));
    const prisma = t.app.get(PrismaService);
    await prisma.round.update({ where: { id: roundId }, data: { endsAt: new Date() } });
    const results = await roomInbox.next(10_000);
    expect(results).toContain('【答题结果】统战知识周测');
    expect(results).toContain('5 人参与');
    const attempts = await request(t.url).get(`/api/rounds/${roundId}/attempts`).set(auth(STATS)).expect(200);
    expect(attempts.body.find((a: { member: string }) => a.member === '孙悦')).toMatchObject({ answered: 1, finished: true });
  });
});
