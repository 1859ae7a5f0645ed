import { offsetLabel } from '../common/time';
import type { RoundRuntime } from './attempts.service';

/** A date as members read it: in the configured time zone, with its offset (12月3日 09:00（UTC+8）). */
export function formatTime(date: Date, timeZone: string): string {
  return `${wallTime(date, timeZone)}（${offsetLabel(date, timeZone)}）`;
}

/** From one time to another, the offset said once. */
export function formatWindow(from: Date, to: Date, timeZone: string): string {
  return `${wallTime(from, timeZone)} 至 ${wallTime(to, timeZone)}（${offsetLabel(to, timeZone)}）`;
}

function wallTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`;
}

export function timingText(round: Pick<RoundRuntime, 'questionCount' | 'secondsPerQuestion'>): string {
  return round.secondsPerQuestion > 0 ? `共${round.questionCount}题，每题限时${round.secondsPerQuestion}秒` : `共${round.questionCount}题，不限时`;
}

export function announcementText(round: RoundRuntime, timeZone: string): string {
  return [
    `【答题开始】${round.title}`,
    `时间：${formatWindow(round.startsAt, round.endsAt, timeZone)}`,
    `${timingText(round)}${round.attemptsAllowed > 1 ? `，每人可答${round.attemptsAllowed}次` : ''}。`,
    '私聊我发送「答题」开始逐题作答，或发送「答题卡」一次答完；还没绑定单位的请先发送「绑定 单位全称」（发送「单位列表」可查看单位）。',
  ].join('\n');
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

export function scoreText(n: number | null): string {
  return n === null ? '—' : `${Math.round(n * 10) / 10}分`;
}

/** A round's status as members and organisers read it. */
export const ROUND_STATUS_LABELS: Record<string, string> = { scheduled: '未开始', open: '进行中', closed: '已结束', cancelled: '已取消' };

/** A name shown to others in chat: the family name and a star for each other character (张*). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= 1 ? chars.join('') : chars[0] + '*'.repeat(chars.length - 1);
}

/** One line of a member ranking as posted in chat; names are masked unless the deployment shows them. */
export function rankingLine(place: number, entry: { member: string; unit: string | null; score: number }, fullNames: boolean): string {
  const name = fullNames ? entry.member : maskName(entry.member);
  return `${place}. ${name}${entry.unit ? `（${entry.unit}）` : ''} ${entry.score}分`;
}
