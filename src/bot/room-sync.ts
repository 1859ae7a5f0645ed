import type { Logger } from '@nestjs/common';
import type { Contact, Room, Wechaty } from 'wechaty';
import type { RoomRef, RoomsService } from '../rooms/rooms.service';

/**
 * Keeps the account's room list in the rooms module: read in full at login (and when the
 * puppet reports ready), then followed through join, leave and topic events.
 */
export function syncRooms(bot: Wechaty, rooms: RoomsService, logger: Logger): void {
  const list = async (): Promise<RoomRef[]> => Promise.all((await bot.Room.findAll()).map(refOf));
  const guard = (what: string, work: () => Promise<void>) =>
    work().catch((err) => logger.warn(`could not record ${what}: ${(err as Error).message}`));
  const all = () =>
    guard('the rooms of this account', async () => {
      rooms.attachLister(list);
      await rooms.replaceAll(await list());
    });
  const isSelf = (contacts: Contact[]) => bot.isLoggedIn && contacts.some((c) => c.id === bot.currentUser.id);

  bot.on('login', () => void all());
  bot.on('ready', () => void all());
  bot.on('logout', () => rooms.attachLister(undefined));
  bot.on('room-join', (room) => void guard(`joining room ${room.id}`, async () => rooms.upsert(await refOf(room))));
  bot.on('room-topic', (room, topic) => void guard(`the topic of room ${room.id}`, () => rooms.upsert({ id: room.id, topic })));
  bot.on('room-leave', (room, leavers) =>
    void guard(`leaving room ${room.id}`, async () => (isSelf(leavers) ? rooms.remove(room.id) : rooms.upsert(await refOf(room)))),
  );
}

async function refOf(room: Room): Promise<RoomRef> {
  let topic = room.id;
  try {
    topic = (await room.topic()) || room.id;
  } catch {
    // an unreadable topic still leaves the room known by its id
  }
  return { id: room.id, topic };
}
