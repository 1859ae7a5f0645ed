import type { RoundRuntime } from './attempts.service';
import { announcementText, formatTime, maskName, rankingLine, webLinkText } from './chat-text';

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

describe('the web channel in chat', () => {
  const round = { title: '周测', questionCount: 5, secondsPerQuestion: 60, attemptsAllowed: 1, channels: ['web', 'chat'] } as RoundRuntime;

  it('puts the group link in the announcement', () => {
    const text = announcementText({ ...round, startsAt: new Date(), endsAt: new Date() }, 'Asia/Shanghai', 'https://q.example/q/g/abc');
    expect(text).toContain('点击链接答题：https://q.example/q/g/abc');
  });

  it('gives the personal link in one message and says how to answer in chat instead when chat is allowed', () => {
    const text = webLinkText(round, 'https://q.example/q/xyz', false);
    expect(text).toContain('https://q.example/q/xyz');
    expect(text).toContain('「聊天答题」');
    expect(text).not.toContain('答题卡');
    expect(webLinkText({ ...round, channels: ['web'] }, 'https://q.example/q/xyz', true)).not.toContain('聊天答题');
  });
});

describe('rankings in chat', () => {
  it('mask names unless the deployment shows them in full', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王')).toBe('王');
    expect(rankingLine(1, { member: '李明', unit: '民革德阳市委', score: 50 }, false)).toBe('1. 李*（民革德阳市委） 50分');
    expect(rankingLine(2, { member: '李明', unit: null, score: 40 }, true)).toBe('2. 李明 40分');
  });
});
