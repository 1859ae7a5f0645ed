import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';

export interface StoredPerson {
  id: string;
  name: string;
}

export interface StoredRoom {
  id: string;
  topic: string;
  memberIds: string[];
}

export interface TypedMessage {
  id: string;
  personId: string;
  roomId: string | null;
  text: string;
  at: Date;
}

/** At most this many of a conversation's latest messages are shown when it is opened, and kept. */
export const HISTORY_LIMIT = 200;

/**
 * The chat console's own records in local mode: its people, its groups and what was typed in it.
 * Nothing a real account's members send is stored here; the console exists only in local mode.
 */
@Injectable()
export class ConsoleStore {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async people(): Promise<StoredPerson[]> {
    return this.prisma.consolePerson.findMany({ select: { id: true, name: true }, orderBy: { createdAt: 'asc' } });
  }

  async rooms(): Promise<StoredRoom[]> {
    return this.prisma.consoleRoom.findMany({ select: { id: true, topic: true, memberIds: true }, orderBy: { createdAt: 'asc' } });
  }

  async savePerson(person: StoredPerson): Promise<void> {
    await this.prisma.consolePerson.upsert({ where: { id: person.id }, create: person, update: { name: person.name } });
  }

  async saveRoom(room: StoredRoom): Promise<void> {
    await this.prisma.consoleRoom.upsert({
      where: { id: room.id },
      create: room,
      update: { topic: room.topic, memberIds: room.memberIds },
    });
  }

  /**
   * Keeps a typed message and returns its id; a conversation keeps only the messages it can show, so the
   * table stays small.
   */
  async recordTyped(personId: string, roomId: string | undefined, text: string): Promise<string> {
    const { id } = await this.prisma.consoleMessage.create({ data: { personId, roomId: roomId ?? null, text }, select: { id: true } });
    const where = conversationOf(roomId ? { roomId } : { personId });
    const [oldestShown] = await this.prisma.consoleMessage.findMany({ where, orderBy: { id: 'desc' }, skip: HISTORY_LIMIT - 1, take: 1, select: { id: true } });
    if (oldestShown) await this.prisma.consoleMessage.deleteMany({ where: { ...where, id: { lt: oldestShown.id } } });
    return String(id);
  }

  /** The latest messages typed in a group, or by one person in their private chat, oldest first. */
  async typedIn(conversation: { roomId: string } | { personId: string }): Promise<TypedMessage[]> {
    const rows = await this.prisma.consoleMessage.findMany({ where: conversationOf(conversation), orderBy: { id: 'desc' }, take: HISTORY_LIMIT });
    return rows.reverse().map((r) => ({ id: String(r.id), personId: r.personId, roomId: r.roomId, text: r.text, at: r.sentAt }));
  }
}

function conversationOf(conversation: { roomId: string } | { personId: string }) {
  return 'roomId' in conversation ? { roomId: conversation.roomId } : { personId: conversation.personId, roomId: null };
}
