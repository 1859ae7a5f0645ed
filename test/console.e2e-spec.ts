import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { ConsoleStore, HISTORY_LIMIT } from '../src/bot/console-store';
import { PrismaService } from '../src/db/prisma.service';
import { OutboundService } from '../src/outbound/outbound.service';
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

const botLoggedIn = (t: TestApp) =>
  waitUntil(async () => (await request(t.url).get('/health')).body?.bot?.state === 'logged-in', 20_000, 'the local bot to log in');

/** Opens the console and waits until it is connected with a member to play. */
async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/console/`);
  await page.locator('#status', { hasText: '已连接' }).waitFor({ timeout: 15_000 });
  await page.locator('#people li.item.active').waitFor({ timeout: 15_000 });
}

const BOT_ENV = { BOT_ENABLED: 'true', OUTBOUND_MIN_INTERVAL_MS: '0', OUTBOUND_JITTER_MS: '0' };

maybe('the chat console in local mode (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  beforeAll(async () => {
    t = await startTestApp(BOT_ENV);
    await botLoggedIn(t);
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

  it('keeps the input in view and the newest message shown as the conversation grows', async () => {
    const page = await browser!.newPage({ viewport: { width: 1000, height: 600 } });
    try {
      await openConsole(page, t.url);
      await page.locator('#people li.item', { hasText: '李四' }).click();
      await page.locator('#chatTitle', { hasText: '李四' }).waitFor();
      for (let i = 1; i <= 16; i++) {
        await page.locator('#text').fill(`第${i}条消息`);
        await page.locator('#text').press('Enter');
      }
      await page.locator('#log .msg.mine .bubble', { hasText: '第16条消息' }).waitFor();
      await waitUntil(async () => (await page.locator('#log .msg').count()) >= 20, 15_000, 'the replies');

      const box = await page.locator('#text').boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(600);
      const layout = await page.evaluate(() => {
        const log = document.getElementById('log')!;
        const last = log.lastElementChild!.getBoundingClientRect();
        const frame = log.getBoundingClientRect();
        return {
          pageScrolls: document.documentElement.scrollHeight > window.innerHeight,
          listScrolls: log.scrollHeight > log.clientHeight,
          atBottom: log.scrollTop + log.clientHeight >= log.scrollHeight - 2,
          newestInFrame: last.bottom <= frame.bottom + 1 && last.top >= frame.top,
        };
      });
      expect(layout).toEqual({ pageScrolls: false, listScrolls: true, atBottom: true, newestInFrame: true });
    } finally {
      await page.close();
    }
  });

  it('keeps a message typed while the conversation is still loading, and shows it once', async () => {
    const page = await browser!.newPage();
    let sent!: () => void;
    const messageSent = new Promise<void>((resolve) => (sent = resolve));
    const text = '刚打开就发的一条：德阳国家级基地奖多少';
    try {
      // The first read of the history leaves the server before the message is stored and arrives after it.
      let held = false;
      await page.route('**/api/console/history*', async (route) => {
        if (held) return route.continue();
        held = true;
        const response = await route.fetch();
        await messageSent;
        await route.fulfill({ response });
      });
      page.on('response', (res) => {
        if (res.url().endsWith('/api/console/messages') && res.request().method() === 'POST') sent();
      });
      await openConsole(page, t.url);
      await page.locator('#text').fill(text);
      await page.locator('#text').press('Enter');
      await messageSent;
      await page.locator('#log .msg.bot .bubble', { hasText: '6万' }).first().waitFor({ timeout: 15_000 });
      expect(await page.locator('#log .msg.mine .bubble', { hasText: text }).count()).toBe(1);

      // Opened again, the conversation shows the stored message once too.
      await page.locator('#conversations li.item', { hasText: '私聊机器人' }).click();
      await page.locator('#log .msg.mine .bubble', { hasText: text }).waitFor();
      expect(await page.locator('#log .msg.mine .bubble', { hasText: text }).count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('shows a conversation again after a reload, from the stored messages', async () => {
    const page = await browser!.newPage();
    try {
      await openConsole(page, t.url);
      await page.locator('#chatTitle', { hasText: '张三 与机器人的私聊' }).waitFor();
      // Typed and answered in the first test, in another tab: both come back from the server.
      await page.locator('#log .msg.mine .bubble', { hasText: '新乡学统战条例知识测试有多少人次参与' }).waitFor({ timeout: 15_000 });
      await page.locator('#log .msg.bot .bubble', { hasText: '7万' }).waitFor();
      await page.reload();
      await page.locator('#log .msg.bot .bubble', { hasText: '7万' }).waitFor({ timeout: 15_000 });
      await page.locator('#conversations li.item', { hasText: '演示群' }).click();
      await page.locator('#log .msg.mine .bubble', { hasText: '帮助' }).waitFor();
      expect((await botBubbles(page)).some((text) => text.includes('绑定'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('shows an announcement the bot sent into 演示群 while no console was open', async () => {
    const outbound = t.app.get(OutboundService);
    const notice = '【通知】本周知识测试已开始，发送「答题」参加。';
    await outbound.enqueue([{ target: { kind: 'room-topic', id: '演示群' }, body: notice }]);
    await waitUntil(async () => (await outbound.pendingCount()) === 0, 15_000, 'the announcement to be sent');

    const page = await browser!.newPage();
    try {
      await openConsole(page, t.url);
      await page.locator('#conversations li.item', { hasText: '演示群' }).click();
      await page.locator('#log .msg.bot .bubble', { hasText: notice }).waitFor({ timeout: 15_000 });
    } finally {
      await page.close();
    }
  });

  it('keeps the people and groups made in the console across a restart', async () => {
    const person = await request(t.url).post('/api/console/people').send({ name: '王五' }).expect(201);
    const room = await request(t.url).post('/api/console/rooms').send({ topic: '统战小组', memberIds: [person.body.id] }).expect(201);
    await request(t.url).post('/api/console/messages').send({ from: person.body.id, roomId: room.body.id, text: '大家好' }).expect(201);

    await t.stop();
    t = await startTestApp(BOT_ENV, t.database);
    await botLoggedIn(t);
    await waitUntil(
      async () => (await request(t.url).get('/api/console/state')).body?.people?.some((p: { name: string }) => p.name === '王五'),
      15_000,
      'the people of the console to be recreated',
    );
    const state = (await request(t.url).get('/api/console/state').expect(200)).body;
    expect(state.people.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['张三', '李四', '王五']));
    expect(state.rooms).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: room.body.id, topic: '统战小组', memberIds: expect.arrayContaining([person.body.id]) })]),
    );
    // The demo people are not added twice.
    expect(state.people.filter((p: { name: string }) => p.name === '张三')).toHaveLength(1);

    const page = await browser!.newPage();
    try {
      await openConsole(page, t.url);
      await page.locator('#people li.item', { hasText: '王五' }).click();
      await page.locator('#conversations li.item', { hasText: '统战小组' }).click();
      await page.locator('#log .msg.mine .bubble', { hasText: '大家好' }).waitFor({ timeout: 15_000 });
      // The restored person talks to the bot in the restored group.
      await page.locator('#mention').check();
      await page.locator('#text').fill('帮助');
      await page.locator('#text').press('Enter');
      await page.locator('#log .msg.bot .bubble', { hasText: '@王五' }).first().waitFor({ timeout: 15_000 });
    } finally {
      await page.close();
    }
  });

  it('keeps only the messages a conversation can show', async () => {
    const store = t.app.get(ConsoleStore);
    const prisma = t.app.get(PrismaService);
    await store.recordTyped('retention-other', undefined, '别的对话');
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) await store.recordTyped('retention-person', undefined, `第${i}条`);
    expect(await prisma.consoleMessage.count({ where: { personId: 'retention-person', roomId: null } })).toBe(HISTORY_LIMIT);
    const shown = await store.typedIn({ personId: 'retention-person' });
    expect([shown[0].text, shown.at(-1)!.text]).toEqual(['第11条', `第${HISTORY_LIMIT + 10}条`]);
    expect(await prisma.consoleMessage.count({ where: { personId: 'retention-other' } })).toBe(1);
  });
});
