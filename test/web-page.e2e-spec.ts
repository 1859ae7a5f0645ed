import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PrismaService } from '../src/db/prisma.service';
import { AttemptsService } from '../src/quiz/attempts.service';
import { WebLinksService } from '../src/web/web-links.service';
import { startTestApp, type TestApp } from './support/app';
import { answerShown, finish } from './support/web-page';
import { memberLink, setUpWebRound } from './support/web-quiz';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const maybe = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn(`Chromium not found at ${CHROMIUM}: install it with apt-get install chromium to run the web quiz page test`);
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A picture of what the member sees, kept in the temp folder for people to look at. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(os.tmpdir(), `web-quiz-${name}.png`), fullPage: true });
}

maybe('the web quiz page in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let roundId: number;
  let prisma: PrismaService;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://quiz.example.org', QUIZ_TICK_MS: '200', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' });
    prisma = t.app.get(PrismaService);
    roundId = await setUpWebRound(t);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('takes a member through their personal link, resumes after a reload on another device, and counts a double submit once', async () => {
    const { path, memberId } = await memberLink(t, roundId, 'wxid_page_a', '张三');
    const phone = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await phone.goto(t.url + path);
    await phone.locator('[data-question="1"]').waitFor();
    await shot(phone, 'question');
    await answerShown(phone);
    await phone.locator('[data-next]').click();
    await waitUntil(async () => (await prisma.webProgress.count()) > 0, 10_000, 'the progress to be saved');

    const other = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await other.goto(t.url + path);
    await other.locator('[data-question="2"]').waitFor();
    await other.locator('[data-prev]').click();
    const first = other.locator('[data-question="1"]');
    await first.waitFor();
    if (await first.locator('[data-fill]').count()) expect(await first.locator('[data-fill]').inputValue()).not.toBe('');
    else expect(await first.locator('.opt.on').count()).toBeGreaterThan(0);
    await other.locator('[data-next]').click();
    expect(await finish(other, { doubleSubmit: true })).toBe('30');
    expect(await other.locator('body').innerText()).toContain('解析：');
    await shot(other, 'result');

    const attempts = await prisma.attempt.findMany({ where: { memberId, roundId }, include: { answers: true } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ channel: 'web', score: 30 });
    expect(attempts[0].answers).toHaveLength(3);
    await phone.reload();
    await phone.locator('[data-score="30"]').waitFor();
    await phone.close();
    await other.close();
  });

  it('sends an answer again when saving it fails, telling the member meanwhile', async () => {
    const { path } = await memberLink(t, roundId, 'wxid_page_retry', '吴十');
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    let refused = 0;
    // The service is unreachable for the first two saves (a restart, a dropped mobile connection).
    await page.route('**/api/web/progress/**', (route) =>
      refused < 2 ? (refused++, route.fulfill({ status: 503, contentType: 'application/json', body: '{}' })) : route.continue(),
    );
    await page.goto(t.url + path);
    await page.locator('[data-question="1"]').waitFor();
    const given = await answerShown(page);
    await page.locator('[data-save-state]', { hasText: '正在重试保存' }).waitFor({ timeout: 10_000 });
    await shot(page, 'save-retry');

    const attempt = await prisma.attempt.findFirstOrThrow({ where: { member: { wechatId: 'wxid_page_retry' } } });
    const stored = async () => {
      const row = await prisma.webProgress.findUnique({ where: { attemptId: attempt.id } });
      const answers: unknown = typeof row?.answers === 'string' ? JSON.parse(row.answers) : row?.answers;
      return Array.isArray(answers) ? answers[0] : undefined;
    };
    await waitUntil(async () => (await stored()) === given, 15_000, 'the refused save to be sent again');
    expect(refused).toBe(2);
    await waitUntil(async () => (await page.locator('[data-save-state]').innerText()) === '', 5_000, 'the notice to go');
    await page.close();
  });

  it('lets a group member in by unit and name', async () => {
    const round = (await t.app.get(AttemptsService).roundById(roundId))!;
    const groupPath = new URL(t.app.get(WebLinksService).groupLink(round)!).pathname;
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(t.url + groupPath);
    await page.locator('[data-unit]').fill('民进新乡');
    await page.locator('[data-name]').fill('孙七');
    await shot(page, 'group-entry');
    await page.locator('[data-start]').click();
    await page.waitForURL(/\/q\/[^g]/);
    expect(await finish(page, { doubleSubmit: true })).toBe('30');
    const member = await prisma.member.findFirstOrThrow({ where: { name: '孙七' }, include: { unit: true, attempts: true } });
    expect(member).toMatchObject({ wechatId: null, unit: { name: '民进新乡市委' } });
    expect(member.attempts).toHaveLength(1);

    // The same name in the same unit again: the same person, whose one attempt is used.
    await page.goto(t.url + groupPath);
    await page.locator('[data-unit]').fill('民进新乡市委');
    await page.locator('[data-name]').fill('孙七');
    await page.locator('[data-start]').click();
    await page.locator('[data-same]').waitFor();
    await page.locator('[data-score="30"]').waitFor();
    expect(await prisma.attempt.count({ where: { memberId: member.id } })).toBe(1);
    await page.close();
  });

  it('scores a late submission 0 and shows a Chinese page for an altered link', async () => {
    const { path } = await memberLink(t, roundId, 'wxid_page_late', '周九');
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(t.url + path);
    await page.locator('[data-question="1"]').waitFor();
    const attempt = await prisma.attempt.findFirstOrThrow({ where: { member: { wechatId: 'wxid_page_late' } } });
    await prisma.attempt.update({ where: { id: attempt.id }, data: { startedAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await finish(page, { doubleSubmit: true })).toBe('0');
    expect(await page.locator('body').innerText()).toContain('超时');

    const token = path.split('/').pop()!;
    const altered = token.replace(/^./, (c) => (c === 'c' ? 'd' : 'c'));
    const response = await page.goto(`${t.url}/q/${altered}`);
    expect(response!.status()).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('链接已被改动');
    await shot(page, 'altered-link');
    await page.close();
  });
});
