import { types, type Contact, type Message, type Room, type Wechaty } from 'wechaty';
import { FileBox } from 'file-box';
import type { MessageSender, OutboundImage, OutboundTarget } from '../outbound/sender';
import { stripMention, type InboundChat } from './inbound';

/** WeChat system accounts that are not people and never get an answer. */
const SYSTEM_IDS = new Set(['weixin', 'filehelper', 'fmessage', 'medianote', 'floatbottle', 'newsapp', 'qqmail']);

export type Skip = 'self' | 'not-a-person' | 'history';

/** Reads a Wechaty message into an InboundChat, or says why it is none of the bot's business. */
export async function toInbound(message: Message, botName: string, startedAt: Date): Promise<InboundChat | Skip> {
  if (message.self()) return 'self';
  const talker = message.talker();
  if (SYSTEM_IDS.has(talker.id) || (talker.type() !== types.Contact.Individual && talker.type() !== types.Contact.Unknown)) {
    return 'not-a-person';
  }
  const sentAt = message.date();
  if (sentAt.getTime() < startedAt.getTime()) return 'history';

  const room = message.room();
  const isText = message.type() === types.Message.Text;
  const raw = isText ? message.text() : '';
  let text = raw.trim();
  let mentioned = false;
  if (room) {
    const stripped = stripMention(raw, botName);
    text = stripped.text;
    // Some puppets leave the mention list empty: the @name in the text counts too.
    mentioned = stripped.mentioned || (await message.mentionSelf().catch(() => false));
    if (mentioned) text = await message.mentionText().then((t) => stripMention(t, botName).text).catch(() => text);
  }
  return {
    messageId: message.id,
    talker: { id: talker.id, name: talker.name() || talker.id },
    room: room ? { id: room.id, topic: await topicOf(room) } : undefined,
    text,
    kind: isText ? 'text' : 'other',
    mentioned,
    sentAt,
  };
}

async function topicOf(room: Room): Promise<string> {
  try {
    return await room.topic();
  } catch {
    return room.id;
  }
}

/** Sends queued messages through a logged-in Wechaty. */
export class WechatySender implements MessageSender {
  constructor(
    private readonly bot: Wechaty,
    private readonly loggedIn: () => boolean,
  ) {}

  isReady(): boolean {
    return this.loggedIn();
  }

  async send(target: OutboundTarget, body: string, image?: OutboundImage): Promise<void> {
    let conversation: Contact | Room | undefined;
    if (target.kind === 'contact') conversation = await this.bot.Contact.find({ id: target.id });
    else if (target.kind === 'room') conversation = await this.bot.Room.find({ id: target.id });
    else conversation = await this.bot.Room.find({ topic: target.id });
    if (!conversation) throw new Error(`no ${target.kind === 'contact' ? 'contact' : 'room'} "${target.id}" on this account`);
    await conversation.say(image ? FileBox.fromBuffer(image.data, image.name) : body);
  }
}
