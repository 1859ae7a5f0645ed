import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InboundHandler } from '../src/bot/inbound-handler';
import { logInBot, startTestApp, type TestApp } from './support/app';
import { PrivatePostgres, privatePostgresMissing } from './support/private-postgres';
import { FakeWechat, waitUntil } from './support/puppet-server';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

const missing = privatePostgresMissing();
if (missing) console.warn(`skipping the database outage test: ${missing}`);
const maybe = missing ? describe.skip : describe;

maybe('a PostgreSQL outage while members write (real bot, puppet service, private server)', () => {
  const server = new PrivatePostgres();
  const wechat = new FakeWechat();
  let t: TestApp | undefined;
  const health = async () => {
    const started = Date.now();
    const res = await fetch(`${t!.url}/health`);
    return { status: res.status, ms: Date.now() - started, body: (await res.json()) as { database: { reachable: boolean } } };
  };

  beforeAll(async () => {
    await server.init();
    server.start();
    await wechat.start();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await wechat.stop();
    server.destroy();
  });

  it('holds a question asked while the database is down and answers it once it is back', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outage-'));
    const database = {
      kind: 'postgres' as const,
      env: { DATABASE_URL: server.url, DATA_DIR: dataDir },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
    t = await startTestApp({ ...wechat.env, DATABASE_CONNECT_TIMEOUT_MS: '2000', DATABASE_STATEMENT_TIMEOUT_MS: '3000' }, database);
    await logInBot(t, wechat);

    const member = wechat.person('停库时提问的成员');
    const inbox = wechat.inbox(member);
    member.say('帮助').to(wechat.botUser);
    expect(await inbox.next(15_000)).toContain('绑定');
    expect((await health()).status).toBe(200);

    server.stop('fast');
    member.say('新乡学统战条例知识测试有多少人次参与?').to(wechat.botUser);
    member.say('解绑').to(wechat.botUser);

    // /health tells the truth quickly and the service keeps running.
    const started = Date.now();
    await waitUntil(async () => (await health()).status === 503, 10_000, '/health to answer 503');
    const down = await health();
    expect(down.body.database.reachable).toBe(false);
    expect(down.ms).toBeLessThan(5_000);
    console.log(`/health answered 503 ${Date.now() - started} ms after the outage began (one check took ${down.ms} ms)`);
    await waitUntil(() => t!.app.get(InboundHandler).heldCount === 2, 15_000, 'both messages to be held');
    expect(inbox.messages).toHaveLength(1);

    server.start();
    const answered = Date.now();
    // Both answered, in the order they were asked, once each.
    await inbox.waitFor(3, 60_000);
    console.log(`held messages answered ${Date.now() - answered} ms after the database came back`);
    expect(inbox.messages[1]).toMatch(/7万/);
    expect(inbox.messages[2]).toContain('还没有绑定');
    await waitUntil(async () => (await health()).status === 200, 15_000, '/health to answer 200 again');
    await new Promise((r) => setTimeout(r, 500));
    expect(inbox.messages).toHaveLength(3);
    expect(t.app.get(InboundHandler).heldCount).toBe(0);
  }, 120_000);

  it('answers /health with 503 within seconds when the database stops answering, and answers the member after', async () => {
    const member = wechat.person('断网时提问的成员');
    const inbox = wechat.inbox(member);
    server.signal('SIGSTOP');
    try {
      member.say('新乡学统战条例知识测试有多少人次参与?').to(wechat.botUser);
      const started = Date.now();
      await waitUntil(async () => (await health()).status === 503, 15_000, '/health to answer 503');
      const down = await health();
      expect(down.status).toBe(503);
      expect(down.ms).toBeLessThan(5_000);
      console.log(`frozen database: /health answered 503 after ${Date.now() - started} ms (one check took ${down.ms} ms)`);
      await waitUntil(() => t!.app.get(InboundHandler).heldCount === 1, 30_000, 'the message to be held');
    } finally {
      server.signal('SIGCONT');
    }
    expect(await inbox.next(60_000)).toMatch(/7万/);
    await waitUntil(async () => (await health()).status === 200, 15_000, '/health to answer 200 again');
  }, 120_000);
});
