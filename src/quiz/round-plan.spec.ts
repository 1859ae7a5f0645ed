import { audienceSize, effectiveHeadcount, unitsUnder, type UnitNode } from '../members/audience';
import { messagesPerHour } from '../outbound/pacing';
import { estimateRound, nextOccurrence, roundInput } from './round-plan';

const rate = { minIntervalMs: 1000, jitterMs: 500, maxPerMinute: 40 };

describe('estimateRound', () => {
  it('counts one message to start and one per answer in chat, two per answer sheet, three per room', () => {
    const startsAt = new Date('2026-12-01T01:00:00Z');
    const estimate = estimateRound({ audience: 1000, rooms: 2, questionCount: 10, startsAt, endsAt: new Date(startsAt.getTime() + 48 * 3_600_000) }, rate);
    expect(estimate.messages).toBe(1000 * 11 + 6);
    expect(estimate.answerSheet.messages).toBe(2000 + 6);
    expect(messagesPerHour(rate)).toBe(2400);
    expect(estimate.hoursAtConfiguredRate).toBeCloseTo(11006 / 2400, 2);
    expect(estimate.fits).toBe(true);
  });

  it('counts per channel: one message a member for a personal web link, none for the group link beyond the room messages', () => {
    const startsAt = new Date('2026-12-01T01:00:00Z');
    const endsAt = new Date(startsAt.getTime() + 48 * 3_600_000);
    const estimate = estimateRound({ audience: 70_000, rooms: 50, questionCount: 10, startsAt, endsAt, channels: ['web', 'chat'] }, rate);
    expect(Object.keys(estimate.perChannel)).toEqual(['web', 'chat']);
    expect(estimate.perChannel.web!.messages).toBe(70_000 + 150);
    expect(estimate.perChannel.chat!.messages).toBe(70_000 * 11 + 150);
    expect(estimate.perChannel.sheet).toBeUndefined();
    expect(estimateRound({ audience: 10, rooms: 1, questionCount: 3, startsAt, endsAt }, rate).perChannel).toEqual({
      chat: expect.objectContaining({ messages: 43 }),
      sheet: expect.objectContaining({ messages: 23 }),
    });
  });

  it('refuses an empty or repeated channel list', () => {
    const base = { bank: 'b', title: 't', startsAt: '2026-12-01T09:00:00Z', endsAt: '2026-12-01T10:00:00Z', questionCount: 1 };
    expect(roundInput.parse(base).channels).toEqual(['chat', 'sheet']);
    expect(roundInput.safeParse({ ...base, channels: [] }).success).toBe(false);
    expect(roundInput.safeParse({ ...base, channels: ['web', 'web'] }).success).toBe(false);
    expect(roundInput.safeParse({ ...base, channels: ['fax'] }).success).toBe(false);
  });

  it('says when a city-wide round cannot fit its window in chat', () => {
    const startsAt = new Date('2026-12-01T01:00:00Z');
    const estimate = estimateRound({ audience: 70_000, rooms: 50, questionCount: 10, startsAt, endsAt: new Date(startsAt.getTime() + 48 * 3_600_000) }, rate);
    expect(estimate.fits).toBe(false);
    expect(estimate.answerSheet.fits).toBe(false);
    expect(estimate.note).toMatch(/无法覆盖全部对象/);
  });
});

describe('nextOccurrence', () => {
  it('follows the cron in the configured time zone and keeps the length', () => {
    const next = nextOccurrence('0 9 * * 1', new Date('2026-11-23T02:00:00Z'), 3_600_000, 'Asia/Shanghai');
    expect(next.startsAt.toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(next.endsAt.getTime() - next.startsAt.getTime()).toBe(3_600_000);
  });
});

describe('roundInput', () => {
  it('fills the defaults', () => {
    const parsed = roundInput.parse({ bank: 'b', title: 't', startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T18:00:00+08:00', questionCount: 5 });
    expect(parsed).toMatchObject({ secondsPerQuestion: 60, attemptsAllowed: 1, scoreRule: 'best', showExplanations: true, audience: { units: [], rooms: [] } });
  });
});

describe('audience', () => {
  const units: UnitNode[] = [
    { id: 1, name: '市委统战部', parentId: null, headcount: 0, members: 0 },
    { id: 2, name: '民革', parentId: 1, headcount: 30, members: 3 },
    { id: 3, name: '民盟', parentId: 1, headcount: 0, members: 4 },
    { id: 4, name: '民革一支部', parentId: 2, headcount: 10, members: 1 },
    { id: 5, name: '工商联', parentId: null, headcount: 50, members: 0 },
  ];
  it('sums children when a unit has no headcount, and bound members when none below has one', () => {
    expect(effectiveHeadcount(units[0], units)).toBe(34);
    expect(effectiveHeadcount(units[2], units)).toBe(4);
  });
  it('counts nested units once', () => {
    expect(audienceSize([2, 4], units)).toBe(30);
    expect(audienceSize([], units)).toBe(84);
    expect([...unitsUnder([1], units)].sort()).toEqual([1, 2, 3, 4]);
  });
});
