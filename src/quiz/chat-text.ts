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

/** A round's announcement in its groups; with a group link, that link is the way in. */
export function announcementText(round: RoundRuntime, timeZone: string, groupLink?: string): string {
  return [
    `【答题开始】${round.title}`,
    `时间：${formatWindow(round.startsAt, round.endsAt, timeZone)}`,
    `${timingText(round)}${round.attemptsAllowed > 1 ? `，每人可答${round.attemptsAllowed}次` : ''}。`,
    groupLink
      ? `点击链接答题：${groupLink}\n打开后选择单位、填写姓名即可开始；也可以私聊我发送「答题」获取您的个人链接。`
      : '私聊我发送「答题」开始逐题作答，或发送「答题卡」一次答完；还没绑定单位的请先发送「绑定 单位全称」（发送「单位列表」可查看单位）。',
  ].join('\n');
}

/** The reply to 「答题」 when the round is answered on the web: the member's own link, and the chat ways the round also allows. */
export function webLinkText(round: Pick<RoundRuntime, 'title' | 'questionCount' | 'secondsPerQuestion' | 'channels'>, link: string, resuming: boolean): string {
  const inChat = [
    round.channels.includes('chat') ? '发送「聊天答题」在这里逐题作答' : '',
    round.channels.includes('sheet') ? '发送「答题卡」一次答完' : '',
  ].filter(Boolean);
  return [
    resuming ? `您有未完成的「${round.title}」，请点击您的专属链接继续：` : `「${round.title}」${timingText(round)}，请点击您的专属链接答题：`,
    link,
    '链接仅限您本人使用，请勿转发。',
    ...(inChat.length ? [`不方便打开网页的，也可以${inChat.join('，或')}。`] : []),
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
