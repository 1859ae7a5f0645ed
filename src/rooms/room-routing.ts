/** A room as one account holds it. */
export interface RoomHolder {
  account: string;
  roomId: string;
  topic: string;
}

/** The account that sends to a room, and the room's id on that account. */
export interface RoomRoute {
  account: string;
  roomId: string;
}

export interface RoomRouting {
  /** by room name as asked */
  routes: Map<string, RoomRoute>;
  /** names no account is in */
  missing: string[];
}

/**
 * Picks one sender for each room name (a topic or a room id): of the accounts in the room, those
 * connected first (a room only stopped accounts hold still gets one, whose queue keeps the message
 * until it is back), then the least loaded; on a tie the account name first in order, so every
 * instance picks alike. A name
 * that is some room's id means that room; otherwise it is a topic, and a room held by several
 * accounts (the same topic) still gets one sender. `demand` is the messages each room is about to
 * get: each pick adds them to its account's load, so rooms held by several accounts spread over them.
 */
export function routeRooms(
  demand: Map<string, number>,
  holders: RoomHolder[],
  load: ReadonlyMap<string, number>,
  connected: ReadonlySet<string>,
): RoomRouting {
  const current = new Map(load);
  const routes = new Map<string, RoomRoute>();
  const missing: string[] = [];
  for (const [name, messages] of demand) {
    const byId = holders.filter((h) => h.roomId === name);
    const inRoom = byId.length ? byId : holders.filter((h) => h.topic === name);
    const reachable = inRoom.filter((h) => connected.has(h.account));
    const candidates = reachable.length ? reachable : inRoom;
    const best = candidates.reduce<RoomHolder | undefined>((chosen, h) => (chosen && !isBefore(h, chosen, current) ? chosen : h), undefined);
    if (!best) {
      missing.push(name);
      continue;
    }
    routes.set(name, { account: best.account, roomId: best.roomId });
    current.set(best.account, (current.get(best.account) ?? 0) + messages);
  }
  return { routes, missing };
}

function isBefore(a: RoomHolder, b: RoomHolder, load: ReadonlyMap<string, number>): boolean {
  const byLoad = (load.get(a.account) ?? 0) - (load.get(b.account) ?? 0);
  if (byLoad !== 0) return byLoad < 0;
  if (a.account !== b.account) return a.account < b.account;
  return a.roomId < b.roomId;
}
