import ExcelJS from 'exceljs';
import fs from 'node:fs';
import request from 'supertest';
import { PrismaService } from '../src/db/prisma.service';
import { pickedOptionBits } from '../src/quiz/engine';
import { ADMIN, STATS, auth, binary, startTestApp, type TestApp } from './support/app';

/*
 * Hand-counted fixtures (TIMEZONE Asia/Shanghai):
 *
 * 市委 (no headcount) ── 一支部 (4), 二支部 (3); 其他单位 (2), outside the round's audience (市委).
 * Questions: q1 single 甲乙丙丁, answer 乙 (B); q2 true/false, answer 正确; 10 points each.
 *
 *  member  unit now  attempt (unit, started UTC)          q1 shown/order -> option   q2     score
 *  张三    一支部    a1 一支部 11-30 17:00 (12-01 local)   B [3,1,0,2] -> 乙 right    A right  20
 *  李四    二支部    a2 一支部 12-01 01:00                 A []        -> 甲 wrong    A right  10
 *                    a3 二支部 12-02 02:00                 C []        -> 丙 wrong    B wrong   0
 *  王五    二支部    a4 二支部 12-02 03:00, unfinished     A []        -> 甲 wrong    -         0
 *  孙八    其他单位  a5 其他单位 12-02 16:30 (12-03 local) C [3,1,0,2] -> 甲 wrong    B wrong   0
 *  赵六    二支部    no attempt (bound)          钱七 一支部, no attempt (bound)    周九 一支部, roster only
 *
 * best: 李四 counts once, in 一支部 (a2); last: in 二支部 (a3).
 */
describe('statistics reports', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let roundId: number;
  const utc = (s: string) => new Date(`${s}Z`);
  const get = (path: string) => request(t.url).get(path).set(auth(STATS));

  beforeAll(async () => {
    t = await startTestApp({ TIMEZONE: 'Asia/Shanghai' });
    prisma = t.app.get(PrismaService);
    const city = await prisma.unit.create({ data: { name: '市委', headcount: 0 } });
    const one = await prisma.unit.create({ data: { name: '一支部', headcount: 4, parentId: city.id } });
    const two = await prisma.unit.create({ data: { name: '二支部', headcount: 3, parentId: city.id } });
    const other = await prisma.unit.create({ data: { name: '其他单位', headcount: 2 } });
    const bank = await prisma.bank.create({
      data: {
        slug: 'stats-fixture',
        title: '统计测试题库',
        questions: {
          create: [
            { key: 'q1', position: 1, type: 'single', stem: '下列哪一项是正确的?', options: ['甲', '乙', '丙', '丁'], answer: ['B'], points: 10 },
            { key: 'q2', position: 2, type: 'truefalse', stem: '这句话是对的。', options: [], answer: ['true'], points: 10 },
          ],
        },
      },
      include: { questions: { orderBy: { position: 'asc' } } },
    });
    const [q1, q2] = bank.questions.map((q) => q.id);
    const round = await prisma.round.create({
      data: {
        bankId: bank.id,
        title: '统计测试轮',
        startsAt: utc('2026-11-30T00:00:00'),
        endsAt: utc('2026-12-05T00:00:00'),
        questionCount: 2,
        attemptsAllowed: 2,
        scoreRule: 'best',
        audienceUnits: ['市委'],
        status: 'closed',
        closedAt: utc('2026-12-05T00:00:00'),
        resultsPostedAt: utc('2026-12-05T00:00:00'),
      },
    });
    roundId = round.id;
    const member = (name: string, unitId: number, boundAt: string | null, wechat = true) =>
      prisma.member.create({ data: { name, unitId, wechatId: wechat ? `wxid_${name}` : null, boundAt: boundAt ? utc(boundAt) : null } });
    const zhang = await member('张三', one.id, '2026-11-30T16:30:00');
    const li = await member('李四', two.id, '2026-11-30T16:40:00');
    const wang = await member('王五', two.id, '2026-11-20T00:00:00');
    const sun = await member('孙八', other.id, '2026-11-20T00:00:00');
    await member('赵六', two.id, '2026-11-20T00:00:00');
    await member('钱七', one.id, '2026-11-20T00:00:00');
    await member('周九', one.id, null, false);

    const attempt = async (memberId: number, unitId: number, started: string, order1: number[], answers: Array<[string, boolean]>, finished: boolean) => {
      const startedAt = utc(started);
      const draw = [{ questionId: q1, order: order1 }, { questionId: q2, order: [] }];
      const score = answers.filter(([, ok]) => ok).length * 10;
      const a = await prisma.attempt.create({
        data: {
          roundId,
          memberId,
          unitId,
          channel: 'chat',
          draw,
          position: answers.length,
          score,
          correctCount: score / 10,
          maxScore: 20,
          startedAt,
          finishedAt: finished ? new Date(startedAt.getTime() + 120_000) : null,
        },
      });
      await prisma.answer.createMany({
        data: answers.map(([response, correct], position) => ({
          attemptId: a.id,
          position,
          questionId: position === 0 ? q1 : q2,
          response,
          picked: pickedOptionBits(draw[position], response),
          correct,
          points: correct ? 10 : 0,
          answeredAt: new Date(startedAt.getTime() + 60_000),
        })),
      });
    };
    await attempt(zhang.id, one.id, '2026-11-30T17:00:00', [3, 1, 0, 2], [['B', true], ['A', true]], true);
    await attempt(li.id, one.id, '2026-12-01T01:00:00', [], [['A', false], ['A', true]], true);
    await attempt(li.id, two.id, '2026-12-02T02:00:00', [], [['C', false], ['B', false]], true);
    await attempt(wang.id, two.id, '2026-12-02T03:00:00', [], [['A', false]], false);
    await attempt(sun.id, other.id, '2026-12-02T16:30:00', [3, 1, 0, 2], [['C', false], ['B', false]], true);
  });

  afterAll(async () => {
    await t?.close();
  });

  const setRule = (scoreRule: string) => prisma.round.update({ where: { id: roundId }, data: { scoreRule } });

  it('reports units with the roll-up, a member who changed unit counted once (best)', async () => {
    const res = await get(`/api/stats/rounds/${roundId}/units`).expect(200);
    const by = Object.fromEntries(res.body.map((u: { unit: string }) => [u.unit, u]));
    expect(Object.keys(by).sort()).toEqual(['一支部', '二支部', '其他单位', '市委'].sort());
    expect(by['一支部']).toEqual({
      unit: '一支部', parent: '市委', headcount: 4, participants: 2, attempts: 2, participationRate: 0.5, meanScore: 15, fullMarks: 1,
      subtree: { headcount: 4, participants: 2, attempts: 2, participationRate: 0.5, meanScore: 15 },
    });
    expect(by['二支部']).toMatchObject({ parent: '市委', headcount: 3, participants: 1, attempts: 2, participationRate: 0.3333, meanScore: null, fullMarks: 0 });
    expect(by['市委']).toMatchObject({ parent: null, headcount: 7, participants: 0, attempts: 0, participationRate: 0 });
    expect(by['市委'].subtree).toEqual({ headcount: 7, participants: 3, attempts: 4, participationRate: 0.4286, meanScore: 15 });
    expect(by['其他单位']).toMatchObject({ headcount: 2, participants: 1, attempts: 1, participationRate: 0.5, meanScore: 0 });
    // 共 N 人参与: 4 people, 5 attempts.
    expect(res.body.reduce((s: number, u: { participants: number }) => s + u.participants, 0)).toBe(4);
    expect(res.body.reduce((s: number, u: { attempts: number }) => s + u.attempts, 0)).toBe(5);
  });

  it('counts the last attempt under the last rule', async () => {
    await setRule('last');
    try {
      const res = await get(`/api/stats/rounds/${roundId}/units`).expect(200);
      const by = Object.fromEntries(res.body.map((u: { unit: string }) => [u.unit, u]));
      expect(by['一支部']).toMatchObject({ participants: 1, attempts: 2, participationRate: 0.25, meanScore: 20 });
      expect(by['二支部']).toMatchObject({ participants: 2, attempts: 2, participationRate: 0.6667, meanScore: 0 });
      expect(by['市委'].subtree).toEqual({ headcount: 7, participants: 3, attempts: 4, participationRate: 0.4286, meanScore: 10 });
      const scores = await get(`/api/stats/rounds/${roundId}/scores`).expect(200);
      expect(scores.body).toMatchObject({ participants: 3, mean: 6.67, median: 0, max: 20, maxScore: 20, fullMarks: 1 });
    } finally {
      await setRule('best');
    }
  });

  it('reports scores, one person once by the best rule', async () => {
    const res = await get(`/api/stats/rounds/${roundId}/scores`).expect(200);
    expect(res.body).toMatchObject({ scoreRule: 'best', participants: 3, mean: 10, median: 10, max: 20, maxScore: 20, fullMarks: 1 });
    expect(res.body.buckets).toHaveLength(11);
    expect(res.body.buckets[0]).toEqual({ from: 0, to: 1, count: 1 });
    expect(res.body.buckets[5]).toEqual({ from: 10, to: 11, count: 1 });
    expect(res.body.buckets[10]).toEqual({ from: 20, to: 20, count: 1 });
  });

  it('reports questions with option picks, discrimination and the most chosen wrong option', async () => {
    const res = await get(`/api/stats/rounds/${roundId}/questions`).expect(200);
    expect(res.body.discriminationMethod).toMatch(/point-biserial/);
    const [q1, q2] = res.body.questions;
    expect(q1).toMatchObject({ stem: '下列哪一项是正确的?', type: 'single', answered: 3, correct: 1, correctRate: 0.3333, discrimination: 0.5 });
    expect(q1.options).toEqual([
      { label: 'A', text: '甲', picked: 2, correct: false },
      { label: 'B', text: '乙', picked: 1, correct: true },
      { label: 'C', text: '丙', picked: 0, correct: false },
      { label: 'D', text: '丁', picked: 0, correct: false },
    ]);
    expect(q1.mostChosenWrong).toEqual({ label: 'A', text: '甲', picked: 2 });
    expect(q2).toMatchObject({ type: 'truefalse', answered: 3, correct: 2, correctRate: 0.6667, discrimination: 0.5, mostChosenWrong: { label: 'B', text: '错误', picked: 1 } });
  });

  it('reports days in the time zone, also for one unit and one round', async () => {
    const res = await get('/api/stats/daily?from=2026-12-01&to=2026-12-03').expect(200);
    expect(res.body.timeZone).toBe('Asia/Shanghai');
    expect(res.body.days).toEqual([
      { day: '2026-12-01', participants: 2, attempts: 2, answers: 4, newMembers: 2 },
      { day: '2026-12-02', participants: 2, attempts: 2, answers: 3, newMembers: 0 },
      { day: '2026-12-03', participants: 1, attempts: 1, answers: 2, newMembers: 0 },
    ]);
    const unit = await get(`/api/stats/daily?from=2026-12-01&to=2026-12-02&unit=${encodeURIComponent('二支部')}&round=${roundId}`).expect(200);
    expect(unit.body.days).toEqual([
      { day: '2026-12-01', participants: 0, attempts: 0, answers: 0, newMembers: 1 },
      { day: '2026-12-02', participants: 2, attempts: 2, answers: 3, newMembers: 0 },
    ]);
    const tree = await get(`/api/stats/daily?from=2026-12-01&to=2026-12-03&unit=${encodeURIComponent('市委')}`).expect(200);
    expect(tree.body.days.map((d: { attempts: number }) => d.attempts)).toEqual([2, 2, 0]);
    await get('/api/stats/daily?from=2026-13-01&to=2026-12-03').expect(400);
    await get('/api/stats/daily?from=2026-12-03&to=2026-12-01').expect(400);
    await get(`/api/stats/daily?unit=${encodeURIComponent('没有的单位')}`).expect(400);
  });

  it('lists bound members of the audience who have not taken the round', async () => {
    const res = await get(`/api/stats/rounds/${roundId}/missing`).expect(200);
    expect(res.body.map((m: { member: string; unit: string; parentUnit: string }) => [m.member, m.unit, m.parentUnit])).toEqual([
      ['钱七', '一支部', '市委'],
      ['赵六', '二支部', '市委'],
    ]);
    const one = await get(`/api/stats/rounds/${roundId}/missing?unit=${encodeURIComponent('一支部')}`).expect(200);
    expect(one.body.map((m: { member: string }) => m.member)).toEqual(['钱七']);
  });

  it('lists every attempt with unit, parent and times, as JSON and CSV', async () => {
    const json = await get(`/api/rounds/${roundId}/attempts`).expect(200);
    expect(json.body).toHaveLength(5);
    expect(json.body[2]).toMatchObject({ member: '李四', unit: '二支部', parentUnit: '市委', score: 0, finished: true });
    const csv = await get(`/api/rounds/${roundId}/attempts?format=csv`).buffer(true).parse(binary).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('统计测试轮-答题记录.csv')}`);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('记录编号,姓名,微信号,单位,上级单位,渠道,已答题数,答对题数,得分,满分,开始时间,完成时间,是否完成');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain(',张三,wxid_张三,一支部,市委,私聊,2,2,20,20,2026-12-01 01:00:00+08:00,2026-12-01 01:02:00+08:00,是');
    expect(lines[4]).toContain(',王五,wxid_王五,二支部,市委,私聊,1,0,0,20,2026-12-02 11:00:00+08:00,,否');
  });

  it('exports Excel with a frozen styled header, percentages and a totals row', async () => {
    const res = await get(`/api/stats/rounds/${roundId}/units?format=xlsx`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('统计测试轮-单位参与.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as any);
    const ws = workbook.worksheets[0];
    expect(ws.name).toBe('单位参与');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).value).toBe('单位');
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const one = ws.getRow(rows.findIndex((r) => r[1] === '一支部') + 1);
    expect(one.getCell(4).value).toBe(2);
    expect(one.getCell(6).value).toBe(0.5);
    expect(one.getCell(6).numFmt).toBe('0.0%');
    const totals = ws.getRow(ws.rowCount);
    expect(totals.getCell(1).value).toBe('合计');
    expect([totals.getCell(3).value, totals.getCell(4).value, totals.getCell(5).value]).toEqual([9, 4, 5]);
    expect(totals.getCell(6).value).toBeCloseTo(0.4444, 4);
    expect(totals.font?.bold).toBe(true);

    const attempts = await get(`/api/rounds/${roundId}/attempts?format=xlsx`).buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(attempts.body as any);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(2).getCell(9).value).toBe(20);
    expect(String(sheet.getRow(7).getCell(1).value)).toBe('合计 5 人次');
  });

  it('serves every report as CSV and Excel, and the charts as PNG', async () => {
    for (const path of [`/api/stats/rounds/${roundId}/questions`, `/api/stats/rounds/${roundId}/scores`, `/api/stats/rounds/${roundId}/missing`, '/api/stats/daily?from=2026-12-01&to=2026-12-03']) {
      const join = path.includes('?') ? '&' : '?';
      const csv = await get(`${path}${join}format=csv`).buffer(true).parse(binary).expect(200);
      expect((csv.body as Buffer).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      await get(`${path}${join}format=xlsx`).buffer(true).parse(binary).expect(200);
    }
    await get(`/api/stats/rounds/${roundId}/missing?format=png`).expect(400);
    await get(`/api/stats/rounds/${roundId}/units?format=pdf`).expect(400);
    const charts: Record<string, string> = {
      units: `/api/stats/rounds/${roundId}/units?format=png`,
      questions: `/api/stats/rounds/${roundId}/questions?format=png`,
      scores: `/api/stats/rounds/${roundId}/scores?format=png`,
      daily: '/api/stats/daily?from=2026-12-01&to=2026-12-03&format=png',
    };
    for (const [name, path] of Object.entries(charts)) {
      const res = await get(path).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('image/png');
      const png = res.body as Buffer;
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(width).toBeGreaterThanOrEqual(800);
      expect(height).toBeGreaterThanOrEqual(200);
      expect(height).toBeLessThan(3000);
      expect(png.length).toBeGreaterThan(10_000);
      if (process.env.STATS_CHART_DIR) fs.writeFileSync(`${process.env.STATS_CHART_DIR}/${name}.png`, png);
    }
  });

  it('is readable with the statistician token and closed to the public', async () => {
    for (const path of [`/api/stats/rounds/${roundId}/units`, `/api/stats/rounds/${roundId}/questions`, `/api/stats/rounds/${roundId}/scores`, `/api/stats/rounds/${roundId}/missing`, '/api/stats/daily', `/api/rounds/${roundId}/attempts?format=csv`]) {
      await request(t.url).get(path).expect(401);
      await request(t.url).get(path).set(auth(ADMIN)).expect(200);
    }
    await get('/api/stats/rounds/999999/units').expect(404);
  });
});
