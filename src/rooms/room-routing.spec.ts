import fc from 'fast-check';
import { routeRooms, type RoomHolder } from './room-routing';

const demand = (...names: string[]) => new Map(names.map((n) => [n, 1]));
const load = (entries: Record<string, number> = {}) => new Map(Object.entries(entries));
const allConnected = new Set(['deyang', 'mianyang', 'aba', 'a', 'b', 'c']);

describe('routeRooms', () => {
  const holders: RoomHolder[] = [
    { account: 'deyang', roomId: 'r-dy-1', topic: '德阳统战群' },
    { account: 'mianyang', roomId: 'r-my-1', topic: '绵阳统战群' },
    { account: 'deyang', roomId: 'r-dy-2', topic: '联络群' },
    { account: 'mianyang', roomId: 'r-my-2', topic: '联络群' },
  ];

  it('sends to a room through the account in it, under that account’s room id', () => {
    const { routes, missing } = routeRooms(demand('德阳统战群', '绵阳统战群'), holders, load(), allConnected);
    expect(routes.get('德阳统战群')).toEqual({ account: 'deyang', roomId: 'r-dy-1' });
    expect(routes.get('绵阳统战群')).toEqual({ account: 'mianyang', roomId: 'r-my-1' });
    expect(missing).toEqual([]);
  });

  it('reads a name that is a room id as that room, before any topic', () => {
    const byId = [...holders, { account: 'aba', roomId: 'x', topic: 'r-my-1' }];
    expect(routeRooms(demand('r-my-1'), byId, load(), allConnected).routes.get('r-my-1')).toEqual({ account: 'mianyang', roomId: 'r-my-1' });
  });

  it('gives a room two accounts share one sender: the less loaded one', () => {
    expect(routeRooms(demand('联络群'), holders, load({ deyang: 5, mianyang: 2 }), allConnected).routes.get('联络群')).toEqual({ account: 'mianyang', roomId: 'r-my-2' });
    expect(routeRooms(demand('联络群'), holders, load({ deyang: 1 }), allConnected).routes.get('联络群')).toEqual({ account: 'mianyang', roomId: 'r-my-2' });
  });

  it('breaks a tie by account name, whatever order the rooms were read in', () => {
    expect(routeRooms(demand('联络群'), holders, load(), allConnected).routes.get('联络群')?.account).toBe('deyang');
    expect(routeRooms(demand('联络群'), [...holders].reverse(), load(), allConnected).routes.get('联络群')?.account).toBe('deyang');
  });

  it('counts what it assigns, so shared rooms spread over the accounts', () => {
    const shared: RoomHolder[] = ['甲', '乙', '丙', '丁'].flatMap((topic) => [
      { account: 'a', roomId: `a-${topic}`, topic },
      { account: 'b', roomId: `b-${topic}`, topic },
    ]);
    const { routes } = routeRooms(new Map([['甲', 2], ['乙', 2], ['丙', 2], ['丁', 2]]), shared, load(), allConnected);
    expect([...routes.values()].map((r) => r.account)).toEqual(['a', 'b', 'a', 'b']);
  });

  it('sends through a connected account before one not heard from, however loaded', () => {
    const onlyMianyang = new Set(['mianyang']);
    expect(routeRooms(demand('联络群'), holders, load({ mianyang: 50 }), onlyMianyang).routes.get('联络群')).toEqual({ account: 'mianyang', roomId: 'r-my-2' });
  });

  it('still routes a room only disconnected accounts hold, so the message waits in that account’s queue', () => {
    const { routes, missing } = routeRooms(demand('德阳统战群', '联络群'), holders, load(), new Set());
    expect(routes.get('德阳统战群')).toEqual({ account: 'deyang', roomId: 'r-dy-1' });
    expect(routes.get('联络群')).toEqual({ account: 'mianyang', roomId: 'r-my-2' });
    expect(missing).toEqual([]);
  });

  it('reports the rooms no account is in', () => {
    const { routes, missing } = routeRooms(demand('德阳统战群', '没有这个群'), holders, load(), allConnected);
    expect([...routes.keys()]).toEqual(['德阳统战群']);
    expect(missing).toEqual(['没有这个群']);
  });

  it('routes every known room exactly once, to an account holding it', () => {
    const holder = fc.record({ account: fc.constantFrom('a', 'b', 'c'), roomId: fc.string({ minLength: 1, maxLength: 3 }), topic: fc.constantFrom('甲', '乙', '丙') });
    fc.assert(
      fc.property(fc.array(holder, { maxLength: 12 }), fc.subarray(['甲', '乙', '丙', '丁']), (rooms, names) => {
        const { routes, missing } = routeRooms(demand(...names), rooms, load(), allConnected);
        expect(routes.size + missing.length).toBe(names.length);
        for (const [name, route] of routes) {
          const byId = rooms.filter((h) => h.roomId === name);
          const eligible = byId.length ? byId : rooms.filter((h) => h.topic === name);
          expect(eligible).toContainEqual(expect.objectContaining(route));
        }
        for (const name of missing) expect(rooms.some((h) => h.topic === name || h.roomId === name)).toBe(false);
      }),
    );
  });
});
