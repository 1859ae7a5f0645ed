import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StatusService } from '../src/health/status.service';
import { startTestApp, type TestApp } from './support/app';
import { FakeWechat, waitUntil } from './support/puppet-server';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

describe('a puppet service link that goes silent (no heartbeats)', () => {
  const wechat = new FakeWechat({ heartbeats: false });
  let t: TestApp | undefined;
  let watcher: NodeJS.Timeout | undefined;

  afterAll(async () => {
    clearInterval(watcher);
    await t?.close();
    await wechat.stop();
  });

  it('shows the link as reconnecting on /health, rebuilds it and answers again within a minute', async () => {
    await wechat.start();
    t = await startTestApp({ ...wechat.env, WECHATY_PUPPET_SERVICE_TIMEOUT_SECONDS: '5' });
    const status = () => t!.app.get(StatusService).botStatus();
    await waitUntil(() => ['logged-out', 'logged-in'].includes(status().state), 15_000, 'the bot to connect');
    if (status().state !== 'logged-in') wechat.login();
    await waitUntil(() => status().state === 'logged-in', 15_000, 'the bot to log in');

    // Every state the bot reports from here on.
    const states: string[] = [];
    watcher = setInterval(() => {
      const { state, detail } = status();
      const shown = `${state} ${detail ?? ''}`.trim();
      if (states[states.length - 1] !== shown) states.push(shown);
    }, 10);

    await waitUntil(() => status().state !== 'logged-in', 30_000, 'the watchdog to notice the silent link');
    const res = await fetch(`${t.url}/health`);
    const health = (await res.json()) as { bot: { state: string } };
    expect(res.status).toBe(200);
    expect(health.bot.state).toBe('reconnecting');

    // The service logs the account back in on the rebuilt link.
    await waitUntil(
      () => {
        if (status().state === 'logged-out' && !wechat.puppet.isLoggedIn) wechat.login();
        return status().state === 'logged-in';
      },
      60_000,
      'the bot to be logged in again',
    );
    const member = wechat.person('静默后提问的成员');
    const inbox = wechat.inbox(member);
    member.say('帮助').to(wechat.botUser);
    expect(await inbox.next(60_000)).toContain('绑定');
    // Reconnecting until the new link is up; "logged out" only once the service says so on it.
    const [before, down, ...after] = states;
    expect(before).toBe('logged-in');
    expect(down).toMatch(/^reconnecting/);
    const rebuilt = after.find((s) => !s.startsWith('reconnecting'));
    expect({ rebuilt, states }).toEqual({ rebuilt: expect.stringMatching(/^(logged-in|logged-out connected, waiting for the account to log in)$/), states });
  }, 120_000);
});
