import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { StatusService } from '../src/health/status.service';
import { ADMIN, auth, startTestApp, type TestApp } from './support/app';
import { FakeWechat, waitUntil, type Inbox } from './support/puppet-server';
import { correctReply } from './support/quiz-helpers';

jest.spyOn(os, 'homedir').mockReturnValue(fs.mkdtempSync(path.join(os.tmpdir(), 'wechaty-home-')));

describe('the bot over a real puppet-service connection', () => {
  const wechat = new FakeWechat();
  let t: TestApp;

  beforeAll(async () => {
    await wechat.start();
    t = await startTestApp({ ...wechat.env, BOT_ADMINS: 'wxid_admin_1' });
    await waitUntil(() => t.app.get(StatusService).botStatus().state === 'logged-out', 15_000, 'the bot to connect');
    wechat.login();
    await waitUntil(() => t.app.get(StatusService).botStatus().state === 'logged-in', 15_000, 'the bot to log in');
  });

  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });

  it('reports the bot as logged in', async () => {
    const res = await request(t.url).get('/health').expect(200);
    expect(res.body.bot).toMatchObject({ state: 'logged-in', mode: 'puppet-service', user: 'Bot' });
  });

  it('answers 帮助 in a private chat', async () => {
    const member = wechat.person('王芳');
    const inbox = wechat.inbox(member);
    member.say('帮助').to(wechat.botUser);
    expect(await inbox.next()).toContain('绑定');
  });

  it('answers a knowledge question, in Traditional when asked in Traditional', async () => {
    const member = wechat.person('陈明');
    const inbox = wechat.inbox(member);
    member.say('新乡学统战条例知识测试有多少人次参与?').to(wechat.botUser);
    expect(await inbox.next()).toMatch(/7万/);
    member.say('新鄉學統戰條例知識測試有多少人次參與?').to(wechat.botUser);
    expect(await inbox.next()).toMatch(/萬/);
  });

  it('answers an @-mention in a group and stays silent without one', async () => {
    const a = wechat.person('赵敏');
    const room = wechat.room('统战知识交流群', [a]);
    const inbox = wechat.inbox(room);
    a.say('大家好,今天开会吗').to(room);
    a.say('@Bot\u2005帮助', [wechat.botUser]).to(room);
    const reply = await inbox.next();
    expect(reply).toMatch(/^@赵敏/);
    expect(reply).toContain('绑定');
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox.messages).toHaveLength(1);
  });

  it('treats @name in the text as a mention when the mention list is empty', async () => {
    const a = wechat.person('钱进');
    const room = wechat.room('第二个群', [a]);
    const inbox = wechat.inbox(room);
    a.say('@Bot 帮助').to(room);
    expect(await inbox.next()).toContain('帮助'.slice(0, 0) + '绑定');
  });

  it('replies once, politely, to an image', async () => {
    const member = wechat.person('孙丽');
    const inbox = wechat.inbox(member);
    const { FileBox } = await import('file-box');
    member.say(FileBox.fromBase64('iVBORw0KGgo=', 'photo.png')).to(wechat.botUser);
    expect(await inbox.next()).toContain('文字');
  });

  it('handles a message delivered twice only once', async () => {
    const member = wechat.person('周杰');
    const inbox = wechat.inbox(member);
    member.say('帮助').to(wechat.botUser);
    await inbox.next();
    const [messageId] = [...wechat.mocker.cacheMessagePayload.entries()].filter(([, p]) => p.talkerId === member.id).map(([id]) => id);
    wechat.puppet.emit('message', { messageId });
    await new Promise((r) => setTimeout(r, 500));
    expect(inbox.messages).toHaveLength(1);
  });

  it('ignores history older than the service start', async () => {
    const member = wechat.person('吴刚');
    const inbox = wechat.inbox(member);
    const old = wechat.mocker.MessageMock.create({
      id: 'old-message-1',
      talkerId: member.id,
      listenerId: wechat.botUser.id,
      timestamp: Date.now() - 3_600_000,
      type: 7,
      text: '帮助',
    } as any);
    wechat.puppet.emit('message', { messageId: old.id });
    member.say('帮助').to(wechat.botUser);
    await inbox.next();
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox.messages).toHaveLength(1);
  });

  it('ignores official accounts', async () => {
    const official = wechat.mocker.createContact({ id: 'gh_news', name: '微信团队', type: 2 } as any);
    const inbox = wechat.inbox(official);
    official.say('帮助').to(wechat.botUser);
    const member = wechat.person('郑和');
    const memberInbox = wechat.inbox(member);
    member.say('帮助').to(wechat.botUser);
    await memberInbox.next();
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox.messages).toHaveLength(0);
  });

  it('slows a flooding member down with one notice', async () => {
    const member = wechat.person('冯巩');
    const inbox = wechat.inbox(member);
    for (let i = 0; i < 25; i++) member.say(`帮助`).to(wechat.botUser);
    await inbox.waitFor(21);
    await new Promise((r) => setTimeout(r, 500));
    expect(inbox.messages).toHaveLength(21);
    expect(inbox.messages.filter((m) => m.includes('太快'))).toHaveLength(1);
  });

  it('binds a member to a unit by alias, in Traditional and full width', async () => {
    await request(t.url).post('/api/units').set(auth(ADMIN)).send([{ name: '民革德阳市委员会', aliases: ['民革德阳'] }]).expect(201);
    const member = wechat.person('褚英');
    const inbox = wechat.inbox(member);
    member.say('綁定　民革德陽').to(wechat.botUser);
    expect(await inbox.next()).toContain('民革德陽市委員會');
    member.say('解绑').to(wechat.botUser);
    expect(await inbox.next()).toContain('解除');
  });

  it('asks before binding a fuzzy unit match', async () => {
    const member = wechat.person('卫青');
    const inbox = wechat.inbox(member);
    member.say('绑定 民革德阳市委').to(wechat.botUser);
    expect(await inbox.next()).toContain('民革德阳市委员会');
    member.say('是').to(wechat.botUser);
    expect(await inbox.next()).toMatch(/已绑定到「民革德阳市委员会」/);
  });

  it('offers suggestions when unsure and answers a suggestion picked by number', async () => {
    const member = wechat.person('蒋勤');
    const inbox = wechat.inbox(member);
    const ask = await request(t.url).post('/api/qa/ask').send({ text: '泸州基地' }).expect(200);
    member.say('泸州基地').to(wechat.botUser);
    const reply = await inbox.next();
    if (ask.body.suggestions.length) {
      expect(reply).toContain('您是想问');
      member.say('1').to(wechat.botUser);
      const answer = await inbox.next();
      const picked = await request(t.url).get(`/api/knowledge/${ask.body.suggestions[0].entryId}`).set(auth(ADMIN)).expect(200);
      expect(answer).toBe(picked.body.answer);
    } else {
      expect(ask.body.answered).toBe(true);
      expect(reply).toBe(ask.body.answer);
    }
  });

  it('keeps admin commands for BOT_ADMINS', async () => {
    const member = wechat.person('普通成员');
    const admin = wechat.person('管理员', 'wxid_admin_1');
    const memberInbox = wechat.inbox(member);
    const adminInbox = wechat.inbox(admin);
    member.say('统计').to(wechat.botUser);
    expect(await memberInbox.next()).toContain('仅限管理员');
    admin.say('统计').to(wechat.botUser);
    expect(await adminInbox.next()).toMatch(/知识库 \d+ 条/);
    admin.say('统计 没有这个单位').to(wechat.botUser);
    expect(await adminInbox.next()).toMatch(/还没有答题轮次|没有找到单位「没有这个单位」/);
    admin.say('重载').to(wechat.botUser);
    expect(await adminInbox.next()).toContain('知识库已重新加载');
  });

  it('runs a 抢答 in a group started by an admin: the first correct answer scores', async () => {
    const admin = wechat.mocker.ContactMock.load('wxid_admin_1');
    const player = wechat.person('抢答手');
    const room = wechat.room('抢答群', [admin, player]);
    const inbox = wechat.inbox(room);
    admin.say('@Bot\u2005抢答 1', [wechat.botUser]).to(room);
    const question = await inbox.next();
    expect(question).toContain('【抢答开始】');
    const questions = [];
    for (const slug of ['tongzhan-cities', 'tongxin-bases']) {
      questions.push(...(await request(t.url).get(`/api/banks/${slug}`).set(auth(ADMIN)).expect(200)).body.questions);
    }
    player.say('这题好难').to(room);
    player.say(correctReply(question.slice(question.indexOf('第1题')), questions)).to(room);
    const result = await inbox.next();
    expect(result).toContain('抢答手 抢答正确');
    expect(result).toContain('【抢答结束】');
  });
});

export type { Inbox };
