import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { PrismaService } from '../src/db/prisma.service';
import { RoundSchedulerService } from '../src/quiz/round-scheduler.service';
import { ADMIN, auth, logInBot, STATS, startTestApp, type TestApp } from './support/app';
import { FakeWechat, waitUntil, type Inbox } from './support/puppet-server';
import { answerShown, finish } from './support/web-page';
import { createWebRound } from './support/web-quiz';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const maybe = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn(`Chromium not found at ${CHROMIUM}: install it with apt-get install chromium to run the web round test`);
}

const ROOM = '新乡统战答题群';
/** The path of the one link in a message whose path starts with `prefix`. */
function linkPath(message: string, prefix: RegExp): string {
  const links = [...message.matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0]).pathname).filter((p) => prefix.test(p));
  expect(links).toHaveLength(1);
  return links[0];
}

maybe('a web and chat round announced in a WeChat group, answered on the page (real bot, puppet service, Chromium)', () => {
  const wechat = new FakeWechat();
  let t: TestApp;
  let browser: Browser;
  let env: Record<string, string>;
  let member: ReturnType<FakeWechat['person']>;
  let roomInbox: Inbox;
  let privateInbox: Inbox;

  beforeAll(async () => {
    await wechat.start();
    // The bot records the rooms its account is in when it logs in.
    member = wechat.person('张三');
    roomInbox = wechat.inbox(wechat.room(ROOM, [wechat.person('孙七'), member]));
    privateInbox = wechat.inbox(member);
    env = {
      ...wechat.env,
      PUBLIC_URL: 'https://quiz.example.org',
      QUIZ_TICK_MS: '600000',
      OUTBOUND_MIN_INTERVAL_MS: '0',
      OUTBOUND_JITTER_MS: '0',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000',
    };
    t = await startTestApp(env);
    await logInBot(t, wechat);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await wechat.stop();
  });

  it('announces a group link once, gives a bound member a personal link, counts both people once after a restart mid-quiz', async () => {
    await waitUntil(async () => (await t.app.get(PrismaService).botRoom.count({ where: { topic: ROOM } })) === 1, 15_000, 'the room to be recorded');

    const created = await createWebRound(t, {
      // Past the reminder lead, so the room gets the announcement and nothing else.
      endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
      audience: { units: ['民进新乡市委', '民盟新乡市委'], rooms: [ROOM] },
    });
    expect(created.warnings).toEqual([]);
    const roundId = created.id;

    await t.app.get(RoundSchedulerService).tick();
    const announcement = await roomInbox.waitFor(1, 15_000);
    expect(announcement).toMatch(/^【答题开始】/);
    const groupPath = linkPath(announcement, /^\/q\/g\//);

    member.say('绑定 民进新乡市委').to(wechat.botUser);
    expect(await privateInbox.waitFor(1, 15_000)).toContain('民进新乡市委');
    member.say('答题').to(wechat.botUser);
    const reply = await privateInbox.waitFor(2, 15_000);
    expect(reply).toContain('专属链接');
    expect(reply).toContain('聊天答题');
    const personalPath = linkPath(reply, /^\/q\/(?!g\/)[^/]+$/);

    // The bound member answers two questions, then the service restarts.
    const phone = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await phone.goto(t.url + personalPath);
    await phone.locator('[data-question="1"]').waitFor();
    const given: string[] = [];
    for (const n of [1, 2]) {
      await phone.locator(`[data-question="${n}"]`).waitFor();
      given.push(await answerShown(phone));
      await phone.locator('[data-next]').click();
    }
    await phone.locator('[data-question="3"]').waitFor();
    const prisma = () => t.app.get(PrismaService);
    // The page saves a moment after each change: a multiple choice may be stored half-picked first.
    const saved = async () => {
      const rows = await prisma().webProgress.findMany();
      const stored = rows.length === 1 ? Object.values(rows[0].answers as object) : [];
      return stored.length >= 2 && stored[0] === given[0] && stored[1] === given[1] && !stored.slice(2).some((a) => a);
    };
    await waitUntil(saved, 15_000, 'both answers to be saved as given');

    await t.stop();
    t = await startTestApp(env, t.database);
    await logInBot(t, wechat);

    // The page on the new server: it resumes at the third question with the first two kept.
    await phone.goto(t.url + personalPath);
    await phone.locator('[data-question="3"]').waitFor();
    await phone.locator('[data-prev]').click();
    const second = phone.locator('[data-question="2"]');
    await second.waitFor();
    if (await second.locator('[data-fill]').count()) expect(await second.locator('[data-fill]').inputValue()).not.toBe('');
    else expect(await second.locator('.opt.on').count()).toBeGreaterThan(0);
    await phone.locator('[data-next]').click();
    expect(await finish(phone)).toBe('30');

    // Someone from the group opens the group link, picks a unit and types a name.
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(t.url + groupPath);
    await page.locator('[data-unit]').fill('民盟新乡市委');
    await page.locator('[data-name]').fill('孙七');
    await page.locator('[data-start]').click();
    await page.waitForURL(/\/q\/(?!g\/)/);
    expect(await finish(page)).toBe('30');
    await phone.close();
    await page.close();

    const units = await request(t.url).get(`/api/stats/rounds/${roundId}/units`).set(auth(STATS)).expect(200);
    const own = (name: string) => units.body.find((u: { unit: string }) => u.unit === name);
    expect(own('民进新乡市委')).toMatchObject({ participants: 1, attempts: 1, fullMarks: 1 });
    expect(own('民盟新乡市委')).toMatchObject({ participants: 1, attempts: 1, fullMarks: 1 });
    expect(units.body.reduce((sum: number, u: { participants: number }) => sum + u.participants, 0)).toBe(2);

    const attempts = await request(t.url).get(`/api/rounds/${roundId}/attempts`).set(auth(STATS)).expect(200);
    const rows = attempts.body as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r.member, r.unit, r.channel, r.score]).sort()).toEqual([
      ['孙七', '民盟新乡市委', 'web', 30],
      ['张三', '民进新乡市委', 'web', 30],
    ]);

    // The room saw the announcement and nothing else; the member got the one link message.
    expect(roomInbox.messages).toEqual([announcement]);
    expect(privateInbox.messages).toHaveLength(2);
  });
});
