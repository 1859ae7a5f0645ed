import { Inject, Injectable, Logger } from '@nestjs/common';
import crypto from 'node:crypto';
import type { Wechaty } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { FileBox } from 'file-box';
import { ConsoleStore } from './console-store';

export type { StoredPerson as LocalPerson, StoredRoom as LocalRoom } from './console-store';
import type { StoredPerson as LocalPerson, StoredRoom as LocalRoom } from './console-store';

/** What the console shows for a picture a person sends. */
export const IMAGE_PLACEHOLDER = '[图片]';

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

  constructor(@Inject(ConsoleStore) private readonly store: ConsoleStore) {}

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

  /**
   * Logs the bot in once the puppet runs and recreates the people and groups made in the console
   * before; a first start gets a demo group.
   */
  async attach(bot: Wechaty, botName: string): Promise<void> {
    const mocker = this.requireMocker();
    this.botUser = mocker.createContact({ id: 'local-bot', name: botName });
    mocker.login(this.botUser);
    await waitFor(() => bot.isLoggedIn, 5000);
    const [people, rooms] = await Promise.all([this.store.people(), this.store.rooms()]);
    for (const person of people) this.people.set(person.id, mocker.createContact(person));
    for (const room of rooms) this.rooms.set(room.id, this.createRoomWithBot(room.id, room.topic, room.memberIds));
    if (!people.length) {
      const zhang = await this.addPerson('张三');
      const li = await this.addPerson('李四');
      await this.addRoom('演示群', [zhang.id, li.id]);
    }
    this.logger.log(`local WeChat ready: ${this.people.size} people in ${this.rooms.size} groups`);
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

  /** The group of this topic, as an announcement addressed by topic finds it. */
  roomIdByTopic(topic: string): string | undefined {
    return [...this.rooms.values()].find((r) => r.payload.topic === topic)?.id;
  }

  topicOf(roomId: string): string | undefined {
    return this.rooms.get(roomId)?.payload.topic;
  }

  async addPerson(name: string): Promise<LocalPerson> {
    const mocker = this.requireMocker();
    const id = idFor('person', name);
    if (!this.people.has(id)) {
      await this.store.savePerson({ id, name });
      this.people.set(id, mocker.createContact({ id, name }));
    }
    return { id, name };
  }

  async addRoom(topic: string, memberIds: string[]): Promise<LocalRoom> {
    const id = `${idFor('room', topic)}@chatroom`;
    const existing = this.rooms.get(id);
    const members = [
      ...new Set([...(existing?.payload.memberIdList ?? []), this.requireBot().id, ...memberIds.filter((m) => this.people.has(m))]),
    ];
    await this.store.saveRoom({ id, topic, memberIds: members });
    if (existing) existing.payload.memberIdList = members;
    else this.rooms.set(id, this.createRoomWithBot(id, topic, members));
    return { id, topic, memberIds: members };
  }

  /**
   * A group with the bot in it, joined the way WeChat reports it (a room-join naming the bot), so
   * that the bot's list of groups, which follows those events, knows it without waiting for a relogin.
   */
  private createRoomWithBot(id: string, topic: string, memberIds: string[]): mock.RoomMock {
    const bot = this.requireBot();
    const others = [...new Set(memberIds.filter((m) => m !== bot.id && this.people.has(m)))];
    const room = this.requireMocker().createRoom({ id, topic, memberIdList: others });
    room.add(bot).by(this.people.get(others[0] ?? '') ?? bot);
    return room;
  }

  /**
   * A person says something to the bot privately or in a group (optionally @-mentioning the bot).
   * The text is stored first, so that the conversation's history has it before any reply; returns its stored id.
   */
  async say(fromId: string, to: { roomId?: string }, text: string | { image: true }, mention = false): Promise<string> {
    const person = this.people.get(fromId);
    if (!person) throw new Error(`本地微信中没有成员 ${fromId}。`);
    const room = to.roomId ? this.rooms.get(to.roomId) : undefined;
    if (to.roomId && !room) throw new Error(`本地微信中没有群 ${to.roomId}。`);
    const shown = typeof text === 'string' ? text : IMAGE_PLACEHOLDER;
    const typedId = await this.store.recordTyped(fromId, to.roomId, mention ? `@${this.requireBot().payload.name} ${shown}` : shown);
    const content = typeof text === 'string' ? text : FileBox.fromBase64(TINY_PNG, 'photo.png');
    if (room) {
      if (!room.payload.memberIdList.includes(fromId)) {
        room.payload.memberIdList.push(fromId);
        await this.store.saveRoom({ id: room.id, topic: room.payload.topic, memberIds: room.payload.memberIdList });
      }
      const body = mention && typeof content === 'string' ? `@${this.requireBot().payload.name}\u2005${content}` : content;
      person.say(body as any, mention ? [this.requireBot()] : []).to(room);
    } else {
      person.say(content as any).to(this.requireBot());
    }
    return typedId;
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
