import type { RoundRuntime } from './attempts.service';
import { announcementText, formatTime } from './chat-text';

describe('times members read', () => {
  it('are in the configured zone with its offset, whatever the server zone', () => {
    const round = {
      title: '周测',
      startsAt: new Date('2026-12-03T01:00:00Z'),
      endsAt: new Date('2026-12-03T10:00:00Z'),
      questionCount: 5,
      secondsPerQuestion: 60,
      attemptsAllowed: 1,
    } as RoundRuntime;
    expect(announcementText(round, 'Asia/Shanghai')).toContain('时间：12月3日 09:00 至 12月3日 18:00（UTC+8）');
    expect(formatTime(round.endsAt, 'Europe/Berlin')).toBe('12月3日 11:00（UTC+1）');
  });
});
