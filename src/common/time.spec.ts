import { isoInZone, offsetLabel, parseDateTime, startOfLocalDay } from './time';

describe('date-times read in the configured time zone', () => {
  it('reads a time without an offset as wall time in the zone, whatever the server zone', () => {
    expect(parseDateTime('2026-12-03 09:00', 'Asia/Shanghai')!.toISOString()).toBe('2026-12-03T01:00:00.000Z');
    expect(parseDateTime('2026-12-03T09:00', 'Asia/Shanghai')!.toISOString()).toBe('2026-12-03T01:00:00.000Z');
    expect(parseDateTime('2026-12-03T09:00:30', 'Asia/Shanghai')!.toISOString()).toBe('2026-12-03T01:00:30.000Z');
    expect(parseDateTime('2026-07-01 09:00', 'Europe/Berlin')!.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(parseDateTime('2026-12-01 09:00', 'Europe/Berlin')!.toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });

  it('keeps an explicit offset or Z', () => {
    expect(parseDateTime('2026-12-03T09:00:00+08:00', 'Europe/Berlin')!.toISOString()).toBe('2026-12-03T01:00:00.000Z');
    expect(parseDateTime('2026-12-03 09:00-0530', 'Asia/Shanghai')!.toISOString()).toBe('2026-12-03T14:30:00.000Z');
    expect(parseDateTime('2026-12-03T01:00:00.123Z', 'Asia/Shanghai')!.toISOString()).toBe('2026-12-03T01:00:00.123Z');
  });

  it('refuses what is not a date-time', () => {
    for (const text of ['tomorrow', '2026-12-03', '2026-02-30 09:00', '2026-12-03 24:00', '2026-12-03 09:60', '12/03/2026 09:00', '2026-12-03T09:00+25:00', '']) {
      expect(parseDateTime(text, 'Asia/Shanghai')).toBeNull();
    }
  });

  it('shows an instant with the offset of the zone', () => {
    const instant = new Date('2026-12-03T01:00:00Z');
    expect(isoInZone(instant, 'Asia/Shanghai')).toBe('2026-12-03T09:00:00+08:00');
    expect(isoInZone(instant, 'America/New_York')).toBe('2026-12-02T20:00:00-05:00');
    expect(offsetLabel(instant, 'Asia/Shanghai')).toBe('UTC+8');
    expect(offsetLabel(instant, 'Asia/Kolkata')).toBe('UTC+5:30');
  });
});

describe('startOfLocalDay', () => {
  it('is midnight in the zone, not in UTC', () => {
    // 2026-12-02 23:30 UTC is already 2026-12-03 07:30 in Shanghai.
    expect(startOfLocalDay(new Date('2026-12-02T23:30:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-12-02T15:59:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-12-02T03:00:00Z'), 'America/New_York').toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });
});
