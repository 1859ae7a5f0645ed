import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/app';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const maybe = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn(`Chromium not found at ${CHROMIUM}: install it with apt-get install chromium to run the browser test`);
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The texts of the bot's bubbles in the conversation shown. */
const botBubbles = (page: Page) => page.locator('#log .msg.bot .bubble').allInnerTexts();

maybe('the chat console in local mode (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  beforeAll(async () => {
    t = await startTestApp({ BOT_ENABLED: 'true', OUTBOUND_MIN_INTERVAL_MS: '0', OUTBOUND_JITTER_MS: '0' });
    await waitUntil(
      async () => (await request(t.url).get('/health')).body?.bot?.state === 'logged-in',
      20_000,
      'the local bot to log in',
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('chats privately and in a group through the page', async () => {
    const health = await request(t.url).get('/health').expect(200);
    expect(health.body.bot).toMatchObject({ state: 'logged-in', mode: 'local' });

    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    try {
      await page.goto(`${t.url}/console/`);
      // Connected to the event stream, with a member to play and the private chat open.
      await page.locator('#status', { hasText: '已连接' }).waitFor({ timeout: 15_000 });
      await page.locator('#people li.item.active').waitFor({ timeout: 15_000 });
      const me = (await page.locator('#people li.item.active').innerText()).trim();
      expect(me).toBe('张三');
      await page.locator('#chatTitle', { hasText: '私聊' }).waitFor();

      // A knowledge question in the private chat, sent with Enter.
      await page.locator('#text').fill('新乡学统战条例知识测试有多少人次参与');
      await page.locator('#text').press('Enter');
      await page.locator('#log .msg.mine .bubble', { hasText: '新乡学统战条例知识测试有多少人次参与' }).waitFor();
      await page.locator('#log .msg.bot .bubble', { hasText: '7万' }).waitFor({ timeout: 15_000 });
      expect(await page.locator('#text').inputValue()).toBe('');

      // The group: 帮助 with the @ box ticked gets an answer addressed to the member.
      await page.locator('#conversations li.item', { hasText: '演示群' }).click();
      await page.locator('#chatTitle', { hasText: '演示群' }).waitFor();
      await page.locator('#mentionLabel').waitFor({ state: 'visible' });
      await page.locator('#mention').check();
      expect(await botBubbles(page)).toEqual([]);
      await page.locator('#text').fill('帮助');
      await page.locator('#text').press('Enter');
      await page.locator('#log .msg.mine .bubble', { hasText: '@机器人 帮助' }).waitFor();
      const reply = page.locator('#log .msg.bot .bubble').first();
      await reply.waitFor({ timeout: 15_000 });
      expect(await reply.innerText()).toMatch(new RegExp(`^@${me}`));
      expect(await reply.innerText()).toContain('绑定');

      // Back in the private chat, its log is still there.
      await page.locator('#conversations li.item', { hasText: '私聊机器人' }).click();
      await page.locator('#log .msg.bot .bubble', { hasText: '7万' }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('waits for the people of the local WeChat when it opens before they exist', async () => {
    const page = await browser!.newPage();
    try {
      // The bot has logged in but its people are not set up yet: the first look finds nobody.
      let calls = 0;
      await page.route('**/api/console/state', async (route) => {
        if (calls++ > 0) return route.continue();
        await route.fulfill({ json: { botId: 'local-bot', people: [], rooms: [] } });
      });
      await page.goto(`${t.url}/console/`);
      await page.locator('#people li.item.active', { hasText: '张三' }).waitFor({ timeout: 15_000 });
      expect(calls).toBeGreaterThanOrEqual(2);
      await page.locator('#conversations li.item', { hasText: '演示群' }).waitFor();
    } finally {
      await page.close();
    }
  });
});
