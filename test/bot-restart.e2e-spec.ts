import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrismaService } from '../src/db/prisma.service';
import { OutboundService } from '../src/outbound/outbound.service';
import { logInBot, startTestApp, type TestApp } from './support/app';
import { FakeWechat, waitUntil } from './support/puppet-server';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

describe('replies queued when the service stops go out after it starts again (real bot, puppet service)', () => {
  const wechat = new FakeWechat();
  let first: TestApp | undefined;
  let second: TestApp | undefined;

  beforeAll(async () => {
    await wechat.start();
  });

  afterAll(async () => {
    await first?.stop();
    await second?.close();
    if (!second) await first?.close();
    await wechat.stop();
  });

  it('delivers every reply, once and in order, across a restart', async () => {
    // Slow pacing: the first reply goes out at once, the next ones have to wait 10 minutes.
    first = await startTestApp({ ...wechat.env, OUTBOUND_MIN_INTERVAL_MS: '600000', OUTBOUND_JITTER_MS: '0' });
    await logInBot(first, wechat);

    const member = wechat.person('刘洋');
    const inbox = wechat.inbox(member);
    member.say('帮助').to(wechat.botUser);
    member.say('新乡学统战条例知识测试有多少人次参与?').to(wechat.botUser);
    member.say('解绑').to(wechat.botUser);

    await inbox.waitFor(1, 15_000);
    // The first reply is marked sent, the two others are queued behind the pacing.
    let stored: Array<{ body: string; state: string }> = [];
    await waitUntil(
      async () => (stored = await storedReplies(first!)).map((r) => r.state).join() === 'sent,pending,pending',
      15_000,
      'one reply sent and two queued',
    );
    expect(inbox.messages).toEqual([stored[0].body]);

    await first.stop();

    // The member's messages are not asked again: only the queue remembers the replies.
    second = await startTestApp({ ...wechat.env }, first.database);
    expect(await second.app.get(OutboundService).pendingCount()).toBe(2);
    await logInBot(second, wechat);

    await inbox.waitFor(3, 15_000);
    await waitUntil(async () => (await second!.app.get(OutboundService).pendingCount()) === 0, 5000, 'the queue to empty');
    await new Promise((r) => setTimeout(r, 500));
    expect(inbox.messages).toHaveLength(3);

    // Sent in the order they were queued, which is the order of the rows.
    const after = await storedReplies(second);
    expect(after.map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
    expect(inbox.messages).toEqual(after.map((r) => r.body));
    expect(after.map((r) => r.body)).toEqual(stored.map((r) => r.body));
    // One answer for each question.
    expect(inbox.messages.filter((m) => m.includes('我可以'))).toHaveLength(1);
    expect(inbox.messages.filter((m) => /7万/.test(m))).toHaveLength(1);
    expect(inbox.messages.filter((m) => m.includes('还没有绑定'))).toHaveLength(1);
  });
});

function storedReplies(t: TestApp): Promise<Array<{ body: string; state: string }>> {
  return t.app.get(PrismaService).outboundMessage.findMany({ orderBy: { id: 'asc' }, select: { body: true, state: true } });
}
