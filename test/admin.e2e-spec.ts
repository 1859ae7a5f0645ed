import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { ADMIN, STATS, auth, startTestApp, type TestApp } from './support/app';
import { correctReply, type BankQuestion } from './support/quiz-helpers';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));
jest.setTimeout(180_000);

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const maybe = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn(`Chromium not found at ${CHROMIUM}: install it with apt-get install chromium to run the browser test`);
}

const files = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-e2e-'));

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A wall time in Asia/Shanghai (the test app's zone), as the form takes it: 2026-12-03 09:00. */
function shanghai(offsetMinutes: number): string {
  const date = new Date(Date.now() + offsetMinutes * 60_000 + 8 * 3600_000);
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.waitForURL(/\/admin\/#\/signin/);
  await page.locator('[data-test=token]').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-test=role]').waitFor();
}

async function openMenu(page: Page, title: string): Promise<void> {
  await page.locator('.el-menu-item', { hasText: title }).click();
  await page.locator('.page-title h2', { hasText: title }).waitFor();
}

/** The dialog on top, by its title. */
const dialog = (page: Page, title: string) => page.locator('.el-dialog', { has: page.locator('.el-dialog__title', { hasText: title }) });

maybe('the organiser console (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  beforeAll(async () => {
    // `npm test` builds it first; a lone run builds it here when it is missing or stale.
    const build = spawnSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-admin.js')], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building the admin console failed: ${build.stderr || build.stdout}`);
    t = await startTestApp({ BOT_ENABLED: 'true', OUTBOUND_MIN_INTERVAL_MS: '0', OUTBOUND_JITTER_MS: '0', QUIZ_TICK_MS: '500' });
    await waitUntil(async () => (await request(t.url).get('/health')).body?.bot?.state === 'logged-in', 30_000, 'the local bot to log in');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newPage = async () => {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    return { page, problems };
  };

  it('serves the pages under /admin/ with caching headers, and / leads there', async () => {
    await request(t.url).get('/').expect(302).expect('Location', '/admin/');
    const index = await request(t.url).get('/admin/').expect(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = /\/admin\/(assets\/[^"]+\.js)/.exec(index.text)![1];
    const js = await request(t.url).get(`/admin/${asset}`).expect(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('creates units and refuses a roster with a bad row, importing nothing', async () => {
    const { page, problems } = await newPage();
    try {
      await signIn(page, t.url, ADMIN);
      expect(await page.locator('[data-test=role]').innerText()).toContain('组织者');
      await openMenu(page, '单位与成员');

      await page.locator('[data-test=add-unit]').click();
      const add = dialog(page, '添加单位');
      // The API's refusal of an empty name is shown under the name field.
      await add.locator('[data-test=save-unit]').click();
      const nameError = add.locator('.el-form-item', { hasText: '单位名称' }).locator('.el-form-item__error');
      await nameError.waitFor({ timeout: 15_000 });
      expect((await nameError.innerText()).trim()).not.toBe('');
      expect(await add.locator('[data-test=api-error]').count()).toBe(0);
      await add.locator('[data-test=unit-name]').fill('市委统战部');
      await add.locator('[data-test=unit-headcount] input').fill('12');
      await add.locator('[data-test=save-unit]').click();
      await page.locator('[data-test=unit-tree] .el-table__row', { hasText: '市委统战部' }).waitFor();

      // A child unit, its parent set by 添加下级.
      await page.locator('[data-test=unit-tree] .el-table__row', { hasText: '市委统战部' }).getByRole('button', { name: '添加下级' }).click();
      await add.locator('[data-test=unit-name]').fill('一处');
      await add.locator('[data-test=unit-headcount] input').fill('5');
      await add.locator('[data-test=save-unit]').click();
      await page.locator('[data-test=unit-tree] .el-table__row', { hasText: '一处' }).waitFor();
      const units = await request(t.url).get('/api/units').set(auth(ADMIN)).expect(200);
      expect(units.body.units).toEqual(expect.arrayContaining([expect.objectContaining({ name: '一处', parent: '市委统战部', headcount: 5 })]));

      // A roster with one row lacking its unit: the row is named, nothing is imported.
      const roster = path.join(files, '名单.csv');
      fs.writeFileSync(roster, '单位,上级单位,人数,姓名\n一处,市委统战部,5,张三\n,市委统战部,5,李四\n一处,市委统战部,5,王五\n');
      await page.locator('[data-test=upload-roster]').click();
      const upload = dialog(page, '导入名单');
      await upload.locator('input[type=file]').setInputFiles(roster);
      const errors = upload.locator('[data-test=upload-errors]');
      await errors.waitFor({ timeout: 15_000 });
      expect(await errors.innerText()).toContain('第 3 行');
      expect(await upload.locator('[data-test=confirm-roster]').isDisabled()).toBe(true);
      await page.screenshot({ path: '/tmp/admin-roster-error.png' });
      const members = await request(t.url).get('/api/members').set(auth(ADMIN)).expect(200);
      expect(Array.isArray(members.body) ? members.body : members.body.items).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('uploads a bank filled in from the downloadable template, after a preview', async () => {
    const { page, problems } = await newPage();
    try {
      await signIn(page, t.url, ADMIN);
      await openMenu(page, '题库');
      const templateButton = page.locator('[data-test^=template-]').first();
      await templateButton.waitFor({ timeout: 15_000 });
      const [saved] = await Promise.all([page.waitForEvent('download'), templateButton.click()]);
      const template = path.join(files, saved.suggestedFilename());
      await saved.saveAs(template);
      expect(template).toMatch(/\.xlsx$/);

      // Fill the template's question sheet (the one that is not the instructions) under its own headers.
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(template);
      const sheet = book.worksheets.find((s) => !/说明/.test(s.name))!;
      const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
      const values: Record<string, string> = { 题型: '单选', 题干: '统一战线是党的什么法宝？', 题目: '统一战线是党的什么法宝？', 选项A: '重要法宝', 选项B: '一般工具', 答案: 'A', 分值: '10' };
      const questions = [values, { ...values, 题干: '统战工作的对象包括谁？', 题目: '统战工作的对象包括谁？' }];
      // Empty the example rows as an organiser would (spliceRows leaves the rows of a loaded sheet in place).
      for (let r = 2; r <= sheet.rowCount; r++) sheet.getRow(r).eachCell((cell) => (cell.value = null));
      questions.forEach((q, i) => {
        const row = sheet.getRow(i + 2);
        header.forEach((name, col) => {
          if (name in q) row.getCell(col).value = q[name];
        });
        row.commit();
      });
      const filled = path.join(files, '测试题库.xlsx');
      await book.xlsx.writeFile(filled);

      await page.locator('[data-test=upload-bank]').click();
      const upload = dialog(page, '上传题库');
      await upload.locator('input[type=file]').setInputFiles(filled);
      await upload.locator('[data-test=bank-preview] .el-table__row').first().waitFor({ timeout: 15_000 });
      expect(await upload.locator('[data-test=bank-preview] .el-table__row').count()).toBe(2);
      await page.screenshot({ path: '/tmp/admin-bank-preview.png' });
      await upload.locator('[data-test=confirm-bank]').click();
      const row = page.locator('[data-test=banks] .el-table__row', { hasText: '测试题库' });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.innerText()).toContain('2');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('creates a round for the units and a room, with the estimate shown before saving', async () => {
    const { page, problems } = await newPage();
    try {
      await signIn(page, t.url, ADMIN);
      await openMenu(page, '答题活动');
      await page.locator('[data-test=new-round]').click();
      const form = dialog(page, '新建答题活动');
      await form.locator('[data-test=round-title]').fill('十二月统战知识测试');
      await form.locator('[data-test=round-bank]').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '同心实践基地知识测试' }).click();
      const [start, end] = await form.locator('.el-date-editor--datetimerange input').all();
      await start.fill(shanghai(-5));
      await end.fill(shanghai(24 * 60));
      await end.press('Enter');
      await form.locator('[data-test=round-title]').click();
      await form.locator('[data-test=round-count] input').fill('3');
      await form.locator('[data-test=round-units]').click();
      await page.locator('.el-tree-node:visible', { hasText: '市委统战部' }).locator('.el-checkbox').first().click();
      await form.locator('[data-test=round-title]').click();
      await form.locator('[data-test=round-rooms]').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '演示群' }).click({ timeout: 15_000 });
      await form.locator('[data-test=round-title]').click();
      await form.locator('[data-test=round-check]').click();
      await form.locator('[data-test=round-estimate]').waitFor({ timeout: 15_000 });
      expect(await form.locator('[data-test=round-estimate]').innerText()).toContain('需发送消息');
      await page.screenshot({ path: '/tmp/admin-round-form.png' });
      await form.locator('[data-test=round-save]').click();
      await page.locator('[data-test=rounds] .el-table__row', { hasText: '十二月统战知识测试' }).waitFor({ timeout: 15_000 });
      const rounds = await request(t.url).get('/api/rounds').set(auth(ADMIN)).expect(200);
      expect(rounds.body).toEqual([expect.objectContaining({ title: '十二月统战知识测试', audience: { units: ['市委统战部'], rooms: ['演示群'] }, questionCount: 3 })]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows an open round on the overview and downloads its unit report as Excel', async () => {
    // Units and a round of its own (the same units the page created above), so this page is checked on its own.
    await request(t.url)
      .post('/api/units')
      .set(auth(ADMIN))
      .send([{ name: '市委统战部', headcount: 12 }, { name: '一处', parent: '市委统战部', headcount: 5 }])
      .expect(201);
    const created = await request(t.url)
      .post('/api/rounds')
      .set(auth(ADMIN))
      .send({ bank: 'tongxin-bases', title: '概览测试活动', startsAt: shanghai(-5), endsAt: shanghai(120), questionCount: 3, audience: { units: ['市委统战部'] } })
      .expect(201);
    await waitUntil(async () => (await request(t.url).get(`/api/rounds/${created.body.id}`).set(auth(ADMIN))).body.status === 'open', 30_000, 'the round to open');
    const { page, problems } = await newPage();
    try {
      await signIn(page, t.url, ADMIN);
      const row = page.locator('[data-test=overview-rounds] .el-table__row', { hasText: '概览测试活动' });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.innerText()).toContain('进行中');
      await page.locator('[data-test=participation] .el-statistic', { hasText: '应参与人数' }).waitFor();
      expect(await page.locator('[data-test=participation]').innerText()).toContain('12');
      expect(await page.locator('[data-test=bot-card]').innerText()).toContain('已登录');
      await page.screenshot({ path: '/tmp/admin-overview.png' });
      // The queue per account, below the fold: the account that sent the round's announcements, with its counts.
      const queue = page.locator('[data-test=outbound-queue]');
      await queue.scrollIntoViewIfNeeded();
      await queue.locator('.el-table__row', { hasText: 'main' }).waitFor({ timeout: 15_000 });
      expect(await queue.innerText()).toContain('今日已发');
      await page.screenshot({ path: '/tmp/admin-overview-queue.png' });

      await page.goto(`${t.url}/admin/#/stats/${created.body.id}`);
      await page.locator('[data-test=stats-units] .el-table__row', { hasText: '一处' }).waitFor({ timeout: 15_000 });
      const [report] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=units-xlsx]').click()]);
      expect(report.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = path.join(files, report.suggestedFilename());
      await report.saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const cells = book.worksheets.flatMap((s) => s.getSheetValues().flat().map((v) => String(v ?? '')));
      expect(cells).toEqual(expect.arrayContaining(['市委统战部', '一处']));
      await page.screenshot({ path: '/tmp/admin-stats.png' });

      // The bank the round uses cannot be deleted, and the page says why.
      await openMenu(page, '题库');
      await page.locator('[data-test=banks] .el-table__row', { hasText: '同心实践基地知识测试' }).getByRole('button', { name: '删除' }).click();
      await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click();
      const refusal = page.locator('.el-message-box', { hasText: '无法删除题库' });
      await refusal.waitFor({ timeout: 15_000 });
      expect(await refusal.innerText()).toMatch(/round|活动/);
      await page.screenshot({ path: '/tmp/admin-bank-refused.png' });
      await request(t.url).get('/api/banks/tongxin-bases').set(auth(ADMIN)).expect(200);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows an organiser the questions members asked of an entry, answered by it or close to it but not', async () => {
    const detail = await request(t.url).get('/api/knowledge/deyang-minge-member-home-layout').set(auth(ADMIN)).expect(200);
    expect(detail.body.asked.answered.length).toBeGreaterThan(0);
    expect(detail.body.asked.notAnswered.length).toBeGreaterThan(0);
    const { page, problems } = await newPage();
    try {
      await signIn(page, t.url, ADMIN);
      await openMenu(page, '知识库');
      await page.getByPlaceholder('搜索问题、答案或编号').fill('deyang-minge-member-home-layout');
      await page.getByRole('button', { name: '搜索' }).click();
      const row = page.locator('[data-test=knowledge] .el-table__row', { hasText: '德阳民革党员之家有哪些功能区' });
      await row.getByRole('button', { name: '编辑' }).click();
      const editor = dialog(page, '编辑条目');
      await editor.locator('.el-collapse-item__header', { hasText: `本条回答的问法（${detail.body.asked.answered.length}）` }).click();
      await editor.locator('.el-collapse-item__header', { hasText: `相近但本条不回答的问法（${detail.body.asked.notAnswered.length}）` }).click();
      await editor.locator('li', { hasText: detail.body.asked.notAnswered[0] }).waitFor();
      await editor.locator('li', { hasText: detail.body.asked.answered[0] }).waitFor();
      await page.screenshot({ path: '/tmp/admin-knowledge-asked.png' });

      // The organiser's own: a question the entry does not answer is only suggested from then on.
      const near = '德阳民革党员之家扩建后面积多大';
      expect((await request(t.url).post('/api/qa/ask').send({ text: near }).expect(200)).body.entryId).toBe('deyang-minge-member-home-layout');
      await editor.getByPlaceholder(/本条并不回答的问法/).fill(near);
      await editor.getByRole('button', { name: '保存' }).click();
      await page.locator('.el-message', { hasText: '条目已保存' }).waitFor();
      const saved = await request(t.url).get('/api/knowledge/deyang-minge-member-home-layout').set(auth(ADMIN)).expect(200);
      expect(saved.body).toMatchObject({ notAnswered: [near], similar: detail.body.similar });
      const suggested = (await request(t.url).post('/api/qa/ask').send({ text: near }).expect(200)).body;
      expect(suggested.answered).toBe(false);
      expect(suggested.suggestions[0].entryId).toBe('deyang-minge-member-home-layout');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('gives a statistician the read-only pages, without write controls', async () => {
    const { page, problems } = await newPage();
    try {
      await signIn(page, t.url, STATS);
      expect(await page.locator('[data-test=role]').innerText()).toContain('只读');
      expect(await page.locator('[data-test=bot-card]').innerText()).toContain('已登录');
      await openMenu(page, '单位与成员');
      await page.locator('[data-test=unit-tree] .el-table__row', { hasText: '市委统战部' }).waitFor();
      expect(await page.getByRole('button', { name: /添加单位|导入名单|编辑|添加下级/ }).count()).toBe(0);
      await page.screenshot({ path: '/tmp/admin-stats-units.png' });
      await openMenu(page, '题库');
      await page.locator('[data-test=banks] .el-table__row').first().waitFor();
      expect(await page.getByRole('button', { name: /上传题库|删除/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '查看' }).count()).toBeGreaterThan(0);
      await openMenu(page, '答题活动');
      await page.locator('[data-test=rounds] .el-table__row').first().waitFor();
      expect(await page.getByRole('button', { name: /新建活动|编辑|取消/ }).count()).toBe(0);
      await openMenu(page, '知识库');
      await page.locator('[data-test=knowledge] .el-table__row').first().waitFor();
      expect(await page.getByRole('button', { name: /新建条目|导入|编辑|删除/ }).count()).toBe(0);
      await page.screenshot({ path: '/tmp/admin-stats-knowledge.png' });

      // A token the service no longer accepts leads back to the sign-in page.
      await page.evaluate(() => sessionStorage.setItem('adminConsoleToken', 'a-token-no-longer-valid'));
      await page.reload();
      await page.locator('.el-form-item__error', { hasText: '登录已失效' }).waitFor({ timeout: 15_000 });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('runs one organiser workflow end to end: units, roster, bank, round, two members in the chat console, the report', async () => {
    const { page, problems } = await newPage();
    const shot = (step: string) => page.screenshot({ path: `/tmp/admin-flow-${step}.png`, fullPage: true });
    try {
      await signIn(page, t.url, ADMIN);

      // Units: a department and one office under it.
      await openMenu(page, '单位与成员');
      await page.locator('[data-test=add-unit]').click();
      const add = dialog(page, '添加单位');
      await add.locator('[data-test=unit-name]').fill('区委统战部');
      await add.locator('[data-test=unit-headcount] input').fill('10');
      await add.locator('[data-test=save-unit]').click();
      const parentRow = page.locator('[data-test=unit-tree] .el-table__row', { hasText: '区委统战部' });
      await parentRow.waitFor();
      await parentRow.getByRole('button', { name: '添加下级' }).click();
      await add.locator('[data-test=unit-name]').fill('二处');
      await add.locator('[data-test=unit-headcount] input').fill('6');
      await add.locator('[data-test=save-unit]').click();
      await page.locator('[data-test=unit-tree] .el-table__row', { hasText: '二处' }).waitFor();
      await shot('1-units');

      // A roster with one bad row is refused whole; the corrected one is imported.
      const bad = path.join(files, '流程名单-有错.csv');
      fs.writeFileSync(bad, '单位,上级单位,人数,姓名\n二处,区委统战部,6,赵六\n二处,区委统战部,六,钱七\n');
      await page.locator('[data-test=upload-roster]').click();
      const upload = dialog(page, '导入名单');
      await upload.locator('input[type=file]').setInputFiles(bad);
      const errors = upload.locator('[data-test=upload-errors]');
      await errors.waitFor({ timeout: 15_000 });
      expect(await errors.innerText()).toContain('第 3 行');
      expect(await upload.locator('[data-test=confirm-roster]').isDisabled()).toBe(true);
      await shot('2-roster-error');
      const before = (await request(t.url).get('/api/members').set(auth(ADMIN)).expect(200)).body;
      expect(JSON.stringify(before)).not.toContain('赵六');

      const good = path.join(files, '流程名单.csv');
      fs.writeFileSync(good, '单位,上级单位,人数,姓名\n二处,区委统战部,6,赵六\n二处,区委统战部,6,钱七\n');
      await upload.locator('input[type=file]').setInputFiles(good);
      await upload.locator('[data-test=roster-preview] .el-table__row').first().waitFor({ timeout: 15_000 });
      await waitUntil(() => upload.locator('[data-test=confirm-roster]').isEnabled(), 15_000, 'the corrected roster to be accepted');
      await upload.locator('[data-test=confirm-roster]').click();
      const rostered = page.locator('[data-test=members] .el-table__row', { hasText: '钱七' });
      await rostered.waitFor({ timeout: 15_000 });
      expect(await rostered.innerText()).toContain('名单指定');
      await shot('3-roster-imported');

      // A bank filled in from the downloadable template.
      await openMenu(page, '题库');
      const templateButton = page.locator('[data-test^=template-]').first();
      await templateButton.waitFor({ timeout: 15_000 });
      const [saved] = await Promise.all([page.waitForEvent('download'), templateButton.click()]);
      const template = path.join(files, `flow-${saved.suggestedFilename()}`);
      await saved.saveAs(template);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(template);
      const sheet = book.worksheets.find((s) => !/说明/.test(s.name))!;
      const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
      const question = (stem: string, right: string, wrong: string): Record<string, string> => ({ 题型: '单选', 题干: stem, 题目: stem, 选项A: right, 选项B: wrong, 答案: 'A', 分值: '10' });
      const rows = [question('统一战线是党的什么法宝？', '重要法宝', '一般工具'), question('统战工作的对象包括谁？', '党外人士', '只有党员')];
      for (let r = 2; r <= sheet.rowCount; r++) sheet.getRow(r).eachCell((cell) => (cell.value = null));
      rows.forEach((q, i) => {
        const row = sheet.getRow(i + 2);
        header.forEach((name, col) => {
          if (name in q) row.getCell(col).value = q[name];
        });
        row.commit();
      });
      const filled = path.join(files, '流程题库.xlsx');
      await book.xlsx.writeFile(filled);
      await page.locator('[data-test=upload-bank]').click();
      const bankUpload = dialog(page, '上传题库');
      await bankUpload.locator('input[type=file]').setInputFiles(filled);
      await bankUpload.locator('[data-test=bank-preview] .el-table__row').first().waitFor({ timeout: 15_000 });
      await bankUpload.locator('[data-test=confirm-bank]').click();
      await page.locator('[data-test=banks] .el-table__row', { hasText: '流程题库' }).waitFor({ timeout: 15_000 });
      await shot('4-bank');

      // A round for the department (and so its office) and 演示群, starting now.
      await openMenu(page, '答题活动');
      await page.locator('[data-test=new-round]').click();
      const form = dialog(page, '新建答题活动');
      await form.locator('[data-test=round-title]').fill('流程测试活动');
      await form.locator('[data-test=round-bank]').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '流程题库' }).click();
      const [start, end] = await form.locator('.el-date-editor--datetimerange input').all();
      await start.fill(shanghai(-1));
      await end.fill(shanghai(120));
      await end.press('Enter');
      await form.locator('[data-test=round-title]').click();
      await form.locator('[data-test=round-count] input').fill('2');
      await form.locator('[data-test=round-units]').click();
      await page.locator('.el-tree-node:visible', { hasText: '区委统战部' }).locator('.el-checkbox').first().click();
      await form.locator('[data-test=round-title]').click();
      await form.locator('[data-test=round-rooms]').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '演示群' }).click({ timeout: 15_000 });
      await form.locator('[data-test=round-title]').click();
      await form.locator('[data-test=round-check]').click();
      await form.locator('[data-test=round-estimate]').waitFor({ timeout: 15_000 });
      await shot('5-round-form');
      await form.locator('[data-test=round-save]').click();
      await page.locator('[data-test=rounds] .el-table__row', { hasText: '流程测试活动' }).waitFor({ timeout: 15_000 });
      const round = ((await request(t.url).get('/api/rounds').set(auth(ADMIN)).expect(200)).body as { id: string; title: string; audience: unknown; bank: string }[]).find((r) => r.title === '流程测试活动')!;
      expect(round.audience).toEqual({ units: ['区委统战部'], rooms: ['演示群'] });

      // The overview shows it open.
      await openMenu(page, '概览');
      const overviewRow = page.locator('[data-test=overview-rounds] .el-table__row', { hasText: '流程测试活动' });
      await overviewRow.waitFor({ timeout: 15_000 });
      await waitUntil(async () => (await page.reload(), await overviewRow.waitFor({ timeout: 15_000 }), (await overviewRow.innerText()).includes('进行中')), 30_000, 'the round to show as open');
      await shot('6-overview-open');

      // Two members take it in the chat console: each binds to a unit, then answers every question.
      const banks = (await request(t.url).get('/api/banks').set(auth(ADMIN)).expect(200)).body as { slug: string; title: string }[];
      const slug = (Array.isArray(banks) ? banks : (banks as { items: typeof banks }).items).find((b) => b.title === '流程题库')!.slug;
      const bank: BankQuestion[] = (await request(t.url).get(`/api/banks/${slug}`).set(auth(ADMIN)).expect(200)).body.questions;
      const chat = await browser!.newPage({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN' });
      chat.on('pageerror', (err) => problems.push(err.message));
      try {
        await chat.goto(`${t.url}/console/`);
        await chat.locator('#status', { hasText: '已连接' }).waitFor({ timeout: 15_000 });
        for (const [name, unit] of [['张三', '二处'], ['李四', '区委统战部']]) {
          await chat.locator('#people li.item', { hasText: name }).click();
          await chat.locator('#conversations li.item', { hasText: '私聊机器人' }).click();
          await chat.locator('#chatTitle', { hasText: `${name} 与机器人的私聊` }).waitFor();
          const say = async (text: string) => {
            await chat.locator('#text').fill(text);
            await chat.locator('#text').press('Enter');
          };
          await say(`绑定 ${unit}`);
          await chat.locator('#log .msg.bot .bubble', { hasText: `已绑定到「${unit}」` }).waitFor({ timeout: 15_000 });
          await say('答题');
          for (let n = 1; n <= 2; n++) {
            const asked = chat.locator('#log .msg.bot .bubble', { hasText: `第${n}题/共2题` }).last();
            await asked.waitFor({ timeout: 15_000 });
            const text = await asked.innerText();
            await say(correctReply(text.slice(text.indexOf(`第${n}题`)), bank));
          }
          await chat.locator('#log .msg.bot .bubble', { hasText: '答题完成' }).waitFor({ timeout: 15_000 });
          expect(await chat.locator('#log .msg.bot .bubble', { hasText: '答题完成' }).innerText()).toContain('得分 20/20');
          await chat.screenshot({ path: `/tmp/admin-flow-7-console-${name}.png` });
        }
      } finally {
        await chat.close();
      }

      // The overview counts them.
      await page.reload();
      const participation = page.locator('[data-test=participation]');
      await participation.locator('.el-select').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '流程测试活动' }).click();
      const participants = participation.locator('.el-statistic', { has: page.locator('.el-statistic__head', { hasText: /^参与人数$/ }) }).locator('.el-statistic__content');
      await waitUntil(async () => (await participants.innerText()).trim() === '2', 30_000, 'the overview to count the two members');
      expect(await participation.locator('.el-statistic', { hasText: '应参与人数' }).innerText()).toContain('10');
      await shot('8-overview-counted');

      // The unit report as Excel, the two members each in their unit.
      await page.goto(`${t.url}/admin/#/stats/${round.id}`);
      await page.locator('[data-test=stats-units] .el-table__row', { hasText: '二处' }).waitFor({ timeout: 15_000 });
      const [report] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=units-xlsx]').click()]);
      await shot('9-stats');
      const file = path.join(files, `flow-${report.suggestedFilename()}`);
      await report.saveAs(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const table = workbook.worksheets[0].getSheetValues().filter(Boolean).map((row) => (row as unknown[]).map((v) => (typeof v === 'object' && v ? JSON.stringify(v) : v)));
      const head = table.findIndex((row) => row.includes('参与人数'));
      expect(head).toBeGreaterThanOrEqual(0);
      const cell = (unit: string, heading: string) => table.find((row) => row[table[head].indexOf('单位')] === unit)?.[table[head].indexOf(heading)];
      // 张三 bound to 二处, 李四 to the department itself: one each, two with the office counted in.
      expect([cell('二处', '参与人数'), cell('区委统战部', '参与人数'), cell('区委统战部', '含下级·参与人数')]).toEqual([1, 1, 2]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
