import { estimateRound, shareByAccount } from './round-plan';

describe('shareByAccount', () => {
  it('gives each account the rooms it sends to and an even part of the members', () => {
    expect(shareByAccount(1001, ['b', 'a'], ['a', 'b', 'b'])).toEqual([
      { account: 'a', rooms: 1, members: 501 },
      { account: 'b', rooms: 2, members: 500 },
    ]);
  });

  it('counts an account that sends to a room even if its rooms were never listed', () => {
    expect(shareByAccount(3, ['a'], ['main'])).toEqual([
      { account: 'a', rooms: 0, members: 2 },
      { account: 'main', rooms: 1, members: 1 },
    ]);
  });

  it('lets two accounts carry a round one account could not send in its window', () => {
    const rate = { minIntervalMs: 1000, jitterMs: 500, maxPerMinute: 40 };
    const startsAt = new Date('2026-12-01T01:00:00Z');
    const plan = { audience: 2000, rooms: 2, questionCount: 10, startsAt, endsAt: new Date(startsAt.getTime() + 6 * 3_600_000) };
    expect(estimateRound(plan, rate).fits).toBe(false);
    const parts = shareByAccount(plan.audience, ['a', 'b'], ['a', 'b']).map((s) => estimateRound({ ...plan, audience: s.members, rooms: s.rooms }, rate));
    expect(parts.map((p) => p.messages)).toEqual([1000 * 11 + 3, 1000 * 11 + 3]);
    expect(parts.every((p) => p.fits)).toBe(true);
  });
});
