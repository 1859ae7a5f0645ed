import { Injectable, Logger } from '@nestjs/common';
import crypto from 'node:crypto';
import type { Wechaty } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { FileBox } from 'file-box';

export interface LocalPerson {
  id: string;
  name: string;
}

export interface LocalRoom {
  id: string;
  topic: string;
  memberIds: string[];
}

/** Stable ids, so that a member played in the console keeps their unit across restarts. */
const idFor = (kind: string, name: string) => `local-${kind}-${crypto.createHash('sha1').update(name).digest('hex').slice(0, 10)}`;

/**
 * The in-process mock WeChat of local mode: people and groups a person plays in the chat
 * console, talking to the bot through the same Wechaty path a real account uses.
 */
@Injectable()
export class LocalWechat {
  private readonly logger = new Logger('LocalWechat');
  private mocker?: mock.Mocker;
  private botUser?: mock.ContactMock;
  private readonly people = new Map<string, mock.ContactMock>();
  private readonly rooms = new Map<string, mock.RoomMock>();

  get active(): boolean {
    return Boolean(this.botUser);
  }

  createPuppet(): PuppetMock {
    this.mocker = new mock.Mocker();
    this.people.clear();
    this.rooms.clear();
    this.botUser = undefined;
    return new PuppetMock({ mocker: this.mocker });
  }

  /** Logs the bot in and sets up a demo group once the puppet runs. */
  async attach(bot: Wechaty, botName: string): Promise<void> {
    const mocker = this.requireMocker();
    this.botUser = mocker.createContact({ id: 'local-bot', name: botName });
    mocker.login(this.botUser);
    await waitFor(() => bot.isLoggedIn, 5000);
    const zhang = this.addPerson('张三');
    const li = this.addPerson('李四');
    this.addRoom('演示群', [zhang.id, li.id]);
    this.logger.log('local WeChat ready: people 张三 and 李四 in group 演示群');
  }

  get botId(): string | undefined {
    return this.botUser?.id;
  }

  listPeople(): LocalPerson[] {
    return [...this.people.values()].map((c) => ({ id: c.id, name: c.payload.name }));
  }

  listRooms(): LocalRoom[] {
    return [...this.rooms.values()].map((r) => ({ id: r.id, topic: r.payload.topic, memberIds: r.payload.memberIdList }));
  }

  addPerson(name: string): LocalPerson {
    const mocker = this.requireMocker();
    const id = idFor('person', name);
    let contact = this.people.get(id);
    if (!contact) {
      contact = mocker.createContact({ id, name });
      this.people.set(id, contact);
    }
    return { id, name };
  }

  addRoom(topic: string, memberIds: string[]): LocalRoom {
    const mocker = this.requireMocker();
    const id = `${idFor('room', topic)}@chatroom`;
    let room = this.rooms.get(id);
    const members = [...new Set([this.requireBot().id, ...memberIds.filter((m) => this.people.has(m))])];
    if (!room) {
      room = mocker.createRoom({ id, topic, memberIdList: members });
      this.rooms.set(id, room);
    } else {
      room.payload.memberIdList = [...new Set([...room.payload.memberIdList, ...members])];
    }
    return { id, topic, memberIds: room.payload.memberIdList };
  }

  /** A person says something to the bot privately or in a group (optionally @-mentioning the bot). */
  say(fromId: string, to: { roomId?: string }, text: string | { image: true }, mention = false): void {
    const person = this.people.get(fromId);
    if (!person) throw new Error(`no person ${fromId} in the local WeChat`);
    const content = typeof text === 'string' ? text : FileBox.fromBase64(TINY_PNG, 'photo.png');
    if (to.roomId) {
      const room = this.rooms.get(to.roomId);
      if (!room) throw new Error(`no group ${to.roomId} in the local WeChat`);
      if (!room.payload.memberIdList.includes(fromId)) room.payload.memberIdList.push(fromId);
      const body = mention && typeof content === 'string' ? `@${this.requireBot().payload.name}\u2005${content}` : content;
      person.say(body as any, mention ? [this.requireBot()] : []).to(room);
    } else {
      person.say(content as any).to(this.requireBot());
    }
  }

  private requireMocker(): mock.Mocker {
    if (!this.mocker) throw new Error('the local WeChat is not running (the service is connected to a puppet service)');
    return this.mocker;
  }

  private requireBot(): mock.ContactMock {
    if (!this.botUser) throw new Error('the local WeChat bot is not logged in yet');
    return this.botUser;
  }
}

const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the local WeChat login');
    await new Promise((r) => setTimeout(r, 20));
  }
}
