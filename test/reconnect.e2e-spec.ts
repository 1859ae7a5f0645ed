import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { StatusService } from '../src/health/status.service';
import { startTestApp, type TestApp } from './support/app';
import { FakeWechat, waitUntil } from './support/puppet-server';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

describe('a puppet service that goes away and comes back', () => {
  const first = new FakeWechat();
  const restarted = new FakeWechat();
  let t: TestApp;
  const state = () => t.app.get(StatusService).botStatus().state;

  afterAll(async () => {
    await t?.close();
    await first.stop();
    await restarted.stop();
  });

  it('keeps the service up, reconnects by itself and answers again', async () => {
    await first.start();
    t = await startTestApp({ ...first.env, WECHATY_PUPPET_SERVICE_TIMEOUT_SECONDS: '5' });
    await waitUntil(() => state() === 'logged-out', 15_000, 'the bot to connect');
    first.login();
    await waitUntil(() => state() === 'logged-in', 15_000, 'the bot to log in');

    // The puppet service process restarts on the same endpoint with the same token.
    await first.stop();
    restarted.token = first.token;
    await restarted.start(Number(first.endpoint.split(':')[1]));
    await waitUntil(() => state() !== 'logged-in', 30_000, 'the bot to notice the restart');
    await request(t.url).get('/health').expect(200);
    await waitUntil(
      () => {
        // Once: the login takes a moment to reach the bot, and a second one is refused.
        if (state() === 'logged-out' && !restarted.puppet.isLoggedIn) restarted.login();
        return state() === 'logged-in';
      },
      60_000,
      'the bot to reconnect and log in',
    );

    const member = restarted.person('重连后的成员');
    const inbox = restarted.inbox(member);
    member.say('帮助').to(restarted.botUser);
    expect(await inbox.next(15_000)).toContain('绑定');
  }, 120_000);
});
